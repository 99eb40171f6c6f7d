/**
 * The bootstrap's bundle entry (wxt.config.ts builds the "content" content script from this file,
 * without WXT's wrapper): the listeners that must be in place at document_start, nothing else.
 * The engine, the rules and the coupon readers come with the watch script (watch.content.ts).
 */
import { installBoot } from './boot';

installBoot(window, document);
