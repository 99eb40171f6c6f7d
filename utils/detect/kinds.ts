/** The fixed vocabulary of findings, shared by records, exports and the CLI. */
export const KINDS = [
  'account-restricted',
  'access-denied',
  'risk-challenge',
  'promotion-denied',
  'link-blocked',
  'service-suspended',
  'coupon-missing',
] as const;

export type Kind = (typeof KINDS)[number];

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}
