/** Small line icons (24×24 paths), decorative: the text next to them says what they mean. */
const PATHS = {
  camera: 'M4 8h3l2-3h6l2 3h3v11H4z M12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 7v5l3 2',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 11v6 M12 7.5v.5',
  block: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M5.6 5.6l12.8 12.8',
  check: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M8 12.5l2.7 2.7L16.5 9',
  gear: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M19.4 13.5l1.6 1.2-2 3.4-1.9-.7a7 7 0 0 1-2 1.2L14.8 21h-4l-.3-2.4a7 7 0 0 1-2-1.2l-1.9.7-2-3.4 1.6-1.2a7 7 0 0 1 0-2.9L4.6 9.4l2-3.4 1.9.7a7 7 0 0 1 2-1.2L10.8 3h4l.3 2.5a7 7 0 0 1 2 1.2l1.9-.7 2 3.4-1.6 1.2a7 7 0 0 1 0 2.9z',
  back: 'M15 5l-7 7 7 7',
  download: 'M12 4v11 M7 10l5 5 5-5 M5 20h14',
  warning: 'M12 3l10 18H2z M12 10v5 M12 17.5v.5',
  filter: 'M4 5h16l-6 7v6l-4 2v-8z',
  tag: 'M3 12V4h8l10 10-8 8z M7.5 8.5h.01',
  trash: 'M4 7h16 M9 7V4h6v3 M6 7l1 13h10l1-13',
  upload: 'M12 20V9 M7 14l5-5 5 5 M5 4h14',
  close: 'M6 6l12 12 M18 6L6 18',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; size?: number }) {
  const size = props.size ?? 16;
  return (
    <svg class="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[props.name]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/** Shutout's mark, drawn in the current text colour (popup and options headers). */
export function Logo(props: { size: number }) {
  return (
    <svg class="logo" width={props.size} height={props.size} viewBox="0 0 24 24" aria-hidden="true">
      <rect x="2" y="2" width="20" height="20" rx="6" fill="currentColor" />
      <path d="M7 12h10" stroke="var(--bg)" stroke-width="3" stroke-linecap="round" />
    </svg>
  );
}
