import * as v from 'valibot';
import { firstIssue } from '../utils/protocol/schema';
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
const HarEntry = v.object({
  pageref: v.optional(v.string()),
  _resourceType: v.optional(v.string()),
  request: v.object({ url: v.pipe(v.string(), v.check(parsesAsUrl, 'not a URL')) }),
  response: v.optional(
    v.object({
      status: v.optional(v.number()),
      redirectURL: v.optional(v.string()),
      headers: v.optional(v.array(v.object({ name: v.string(), value: v.optional(v.string()) }))),
      content: v.optional(v.object({ text: v.optional(v.string()), encoding: v.optional(v.string()), mimeType: v.optional(v.string()) })),
    }),
  ),
});
type HarEntry = v.InferOutput<typeof HarEntry>;

const HarPage = v.object({ id: v.optional(v.string()), title: v.optional(v.string()) });

export interface HarResponse {
  index: number;
  input: NetworkInput;
}

export interface HarProblem {
  index: number;
  error: string;
}

/** The first thing wrong with an entry, as `field: what`. */
const problemOf = (issues: readonly v.BaseIssue<unknown>[]): string => firstIssue(issues, 'the entry');

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
    const page = v.safeParse(HarPage, p);
    if (page.success && page.output.id && page.output.title && /^https?:/.test(page.output.title)) pageUrls.set(page.output.id, page.output.title);
  }
  const responses: HarResponse[] = [];
  const problems: HarProblem[] = [];
  entries.forEach((raw: unknown, index) => {
    const entry = v.safeParse(HarEntry, raw);
    if (entry.success) responses.push({ index, input: inputOf(entry.output, pageUrls) });
    else problems.push({ index, error: `malformed entry (${problemOf(entry.issues)})` });
  });
  return { responses, problems };
}
