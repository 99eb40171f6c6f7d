import { parseBuiltinData, provideBuiltinData } from '../detect/shipped-builtin';
import type { BuiltinResponse } from '../protocol/messages';

/** Waits between asks while the background starts (it may be stopped; the first message wakes it). */
const BACKOFF_MS = [100, 300, 1000, 3000];

/**
 * Asks the background for the built-in detectors' data and hands it to the engine
 * (utils/detect/shipped-builtin.ts). A message that fails (the background restarting) is asked
 * again, a few times; a refusal is final. Returns why it failed, or null once the data is in place.
 */
export async function loadBuiltinData(
  send: (m: { type: 'rules/builtin' }) => Promise<unknown>,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<string | null> {
  for (let attempt = 0; ; attempt++) {
    let answer: BuiltinResponse | undefined;
    try {
      answer = (await send({ type: 'rules/builtin' })) as BuiltinResponse | undefined;
    } catch (e) {
      if (attempt >= BACKOFF_MS.length) return `no answer from the background: ${e instanceof Error ? e.message : String(e)}`;
      await wait(BACKOFF_MS[attempt]!);
      continue;
    }
    if (!answer || typeof answer !== 'object') return 'no answer from the background';
    if (!answer.ok) return answer.error;
    if (typeof answer.data !== 'string') return 'the background sent no rules';
    const data = parseBuiltinData(answer.data);
    if (typeof data === 'string') return data;
    provideBuiltinData(data);
    return null;
  }
}
