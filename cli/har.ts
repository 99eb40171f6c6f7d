import { z } from 'zod';
import type { NetworkInput } from '../utils/detect/types';

/** Bodies are read up to this size, as the extension's network tap bounds them. */
export const HAR_BODY_LIMIT = 1024 * 1024;

const parsesAsUrl = (s: string) => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};

/** The fields Shutout reads from one entry; anything else in the entry is ignored. */
const HarEntry = z.object({
  pageref: z.string().optional(),
  _resourceType: z.string().optional(),
  request: z.object({ url: z.string().refine(parsesAsUrl, 'not a URL') }),
  response: z
    .object({
      status: z.number().optional(),
      redirectURL: z.string().optional(),
      headers: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional(),
      content: z.object({ text: z.string().optional(), encoding: z.string().optional(), mimeType: z.string().optional() }).optional(),
    })
    .optional(),
});
type HarEntry = z.infer<typeof HarEntry>;

const HarPage = z.object({ id: z.string().optional(), title: z.string().optional() });

export interface HarResponse {
  index: number;
  input: NetworkInput;
}

export interface HarProblem {
  index: number;
  error: string;
}

/** The first thing wrong with an entry, as `field: what`. */
function problemOf(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'the entry';
  return `${where}: ${issue.message}`;
}

function inputOf(e: HarEntry, pageUrls: Map<string, string>): NetworkInput {
  const headers: Record<string, string> = {};
  for (const h of e.response?.headers ?? []) if (h.name) headers[h.name.toLowerCase()] = h.value ?? '';
  let body = e.response?.content?.text ?? '';
  if (e.response?.content?.encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  if (body.length > HAR_BODY_LIMIT) body = body.slice(0, HAR_BODY_LIMIT);
  const mime = e.response?.content?.mimeType ?? headers['content-type'] ?? '';
  const resource = e._resourceType === 'document' || (!e._resourceType && /text\/html/i.test(mime)) ? 'document' : 'api';
  return {
    url: e.request.url,
    pageUrl: (e.pageref && pageUrls.get(e.pageref)) || undefined,
    status: e.response?.status,
    headers,
    body,
    resource,
    redirectUrl: e.response?.redirectURL || undefined,
  };
}

/**
 * Every response in a DevTools HAR capture, as input for the network rules. A malformed entry is
 * a problem of its own: the other entries are still read. Throws only when the file is not a HAR.
 */
export function parseHar(raw: string): { responses: HarResponse[]; problems: HarProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new Error(`not a HAR file: ${(e as Error).message}`);
  }
  const log = (data as { log?: { entries?: unknown; pages?: unknown } } | null)?.log;
  const entries = log?.entries;
  if (!Array.isArray(entries)) throw new Error('not a HAR file: no log.entries');
  const pageUrls = new Map<string, string>();
  for (const p of Array.isArray(log?.pages) ? log.pages : []) {
    const page = HarPage.safeParse(p);
    if (page.success && page.data.id && page.data.title && /^https?:/.test(page.data.title)) pageUrls.set(page.data.id, page.data.title);
  }
  const responses: HarResponse[] = [];
  const problems: HarProblem[] = [];
  entries.forEach((raw: unknown, index) => {
    const entry = HarEntry.safeParse(raw);
    if (entry.success) responses.push({ index, input: inputOf(entry.data, pageUrls) });
    else problems.push({ index, error: `malformed entry (${problemOf(entry.error)})` });
  });
  return { responses, problems };
}
