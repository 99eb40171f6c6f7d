/** Which rules judge an answer rather than a page's text, and which of those need no body. */
import type { Rule } from './types';

/** Does the rule judge answers (rather than a page's text)? */
export const isAnswerRule = (r: Rule): boolean => r.signal === 'url' || r.signal === 'network';

/** Can the rule fire on an answer's address, status and headers alone? One that reads the body (phrases, patterns) cannot fire without one. */
export const readsHeadOnly = (r: Rule): boolean => r.signal === 'url' || (r.signal === 'network' && !r.phrases?.length && !r.all?.length && !r.patterns?.length);
