import type { NetworkInput } from '../utils/detect/types';

/** Bodies are read up to this size, as the extension's network tap bounds them. */
export const HAR_BODY_LIMIT = 1024 * 1024;

interface HarEntry {
  pageref?: string;
  _resourceType?: string;
  request?: { url?: string };
  response?: {
    status?: number;
    redirectURL?: string;
    headers?: Array<{ name?: string; value?: string }>;
    content?: { text?: string; encoding?: string; mimeType?: string };
  };
}

export interface HarResponse {
  index: number;
  input: NetworkInput;
}

/** Every response in a DevTools HAR capture, as input for the network rules. */
export function parseHar(raw: string): HarResponse[] {
  let data: { log?: { entries?: HarEntry[]; pages?: Array<{ id?: string; title?: string }> } };
  try {
    data = JSON.parse(raw) as typeof data;
  } catch (e) {
    throw new Error(`not a HAR file: ${(e as Error).message}`);
  }
  const entries = data.log?.entries;
  if (!Array.isArray(entries)) throw new Error('not a HAR file: no log.entries');
  const pageUrls = new Map<string, string>();
  for (const p of data.log?.pages ?? []) if (p.id && p.title && /^https?:/.test(p.title)) pageUrls.set(p.id, p.title);
  return entries.flatMap((e, index) => {
    const url = e.request?.url;
    if (!url) return [];
    const headers: Record<string, string> = {};
    for (const h of e.response?.headers ?? []) if (h.name) headers[h.name.toLowerCase()] = h.value ?? '';
    let body = e.response?.content?.text ?? '';
    if (e.response?.content?.encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
    if (body.length > HAR_BODY_LIMIT) body = body.slice(0, HAR_BODY_LIMIT);
    const mime = e.response?.content?.mimeType ?? headers['content-type'] ?? '';
    const resource = e._resourceType === 'document' || (!e._resourceType && /text\/html/i.test(mime)) ? 'document' : 'api';
    const input: NetworkInput = {
      url,
      pageUrl: (e.pageref && pageUrls.get(e.pageref)) || undefined,
      status: e.response?.status,
      headers,
      body,
      resource,
      redirectUrl: e.response?.redirectURL || undefined,
    };
    return [{ index, input }];
  });
}
