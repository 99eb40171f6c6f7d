/**
 * Saved API answers (docs/cli.md, "Saved API answers"): a `.json` file, or a `.txt` holding one
 * answer (JSON, JSONP or text), checked with the network rules as the answer to a URL. The URL
 * comes from `--url`, or from an envelope that records it:
 *
 *   {"url": "https://…", "status": 200, "headers": {"content-type": "…"}, "body": "…"}
 *
 * (also `pageUrl`, `redirectUrl`, `resource`; the fixture corpus's `tests/fixtures/corpus/**.json`
 * are envelopes). An answer's body is bounded as the extension's page-world tap bounds it, so a
 * scraper's dump gets the verdict the tap gives in the browser.
 */
import { TAP_MAX_BODY } from '../utils/content/tap-protocol';
import type { NetworkInput } from '../utils/detect/types';
import { HAR_BODY_LIMIT } from './har';

/** The envelope's fields, and notes a researcher may keep beside them (ignored). */
const ENVELOPE_FIELDS = new Set(['url', 'pageUrl', 'redirectUrl', 'status', 'headers', 'body', 'resource']);
const NOTE_FIELDS = new Set(['expect', 'source', 'about', 'note', 'savedAt', 'comment']);

/** Shutout's own JSON files, which are not answers: skipped when walking a directory. */
const OWN_FORMATS = /^shutout-/;

export class AnswerWithoutUrl extends Error {
  constructor() {
    super('an API answer needs its URL: give --url URL, or save it as an envelope {"url", "status", "headers", "body"} (docs/cli.md)');
  }
}

export class NotAnAnswer extends Error {}

const isHttpUrl = (s: unknown): s is string => {
  if (typeof s !== 'string') return false;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

type Envelope = Record<string, unknown> & { url: unknown };

/** An object with exactly the envelope's shape; a bare answer that merely has a `url` field is not one. */
function asEnvelope(data: unknown): Envelope | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const o = data as Record<string, unknown>;
  if (typeof o.url !== 'string' || !('body' in o)) return null;
  for (const k of Object.keys(o)) if (!ENVELOPE_FIELDS.has(k) && !NOTE_FIELDS.has(k)) return null;
  if (o.status !== undefined && (typeof o.status !== 'number' || !Number.isInteger(o.status))) return null;
  if (o.headers !== undefined && (typeof o.headers !== 'object' || o.headers === null || Array.isArray(o.headers))) return null;
  if (o.resource !== undefined && o.resource !== 'api' && o.resource !== 'document') return null;
  return o as Envelope;
}

function bounded(body: string, resource: NetworkInput['resource']): string {
  return body.slice(0, resource === 'document' ? HAR_BODY_LIMIT : TAP_MAX_BODY);
}

/**
 * The network input for a saved answer. `url` (from --url) wins over the envelope's. Throws
 * AnswerWithoutUrl when no http(s) URL is known, NotAnAnswer for Shutout's own files.
 */
export function answerInput(text: string, url: string | undefined): NetworkInput {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined; // JSONP or text: the body as it is
  }
  const format = (data as { format?: unknown } | undefined)?.format;
  if (typeof format === 'string' && OWN_FORMATS.test(format)) throw new NotAnAnswer(`a Shutout file (${format}), not an API answer`);
  const envelope = asEnvelope(data);
  if (!envelope) {
    if (!url) throw new AnswerWithoutUrl();
    // No status is known: rules that need one stay silent, as they would for a status they do not name.
    return { url, body: bounded(text, 'api'), resource: 'api' };
  }
  const target = url ?? envelope.url;
  if (!isHttpUrl(target)) throw new AnswerWithoutUrl();
  const resource = (envelope.resource as NetworkInput['resource']) ?? 'api';
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries((envelope.headers as Record<string, unknown>) ?? {})) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  const body = typeof envelope.body === 'string' ? envelope.body : envelope.body === undefined || envelope.body === null ? '' : JSON.stringify(envelope.body);
  return {
    url: target,
    ...(isHttpUrl(envelope.pageUrl) ? { pageUrl: envelope.pageUrl } : {}),
    ...(isHttpUrl(envelope.redirectUrl) ? { redirectUrl: envelope.redirectUrl } : {}),
    ...(typeof envelope.status === 'number' ? { status: envelope.status } : {}),
    headers,
    body: bounded(body, resource),
    resource,
  };
}
