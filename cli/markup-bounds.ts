/** Moved to utils/dom/markup-bounds.ts (the background bounds the anonymous view with it too). */
export * from '../utils/dom/markup-bounds';
