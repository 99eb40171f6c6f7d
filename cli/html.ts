/** Moved to utils/dom/load-html.ts (the background reads the anonymous view with it too). */
export * from '../utils/dom/load-html';
