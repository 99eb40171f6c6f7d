/**
 * Sizes that both a message's sender and the background's schema must agree on, in a module
 * with no imports, so that the document_start bootstrap can use them without the schemas.
 */

/** Characters of a page's HTML the bootstrap hands over at pagehide: as much as the page reader reads (utils/scope/read-view.ts). */
export const PAGE_HTML_LIMIT = 1024 * 1024;
