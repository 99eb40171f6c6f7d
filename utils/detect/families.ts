import { companyOf, platformOf } from './platforms';

/**
 * Platforms run by one company share API hosts (a Tmall page calls h5api.m.taobao.com).
 * The network tap accepts an API response only when it comes from the page's own company
 * (descriptor `company`), so that a page cannot file findings under another company's name.
 */
export function sameFamily(pageUrl: string, apiUrl: string): boolean {
  const a = platformOf(pageUrl);
  const b = platformOf(apiUrl);
  if (!a || !b) return false;
  if (a === b) return true;
  const company = companyOf(a);
  return company !== undefined && company === companyOf(b);
}
