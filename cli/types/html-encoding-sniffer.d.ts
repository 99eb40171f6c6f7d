declare module 'html-encoding-sniffer' {
  /** The HTML Standard's encoding sniffing: BOM, transport label, then a <meta> prescan of the first 1024 bytes. */
  export default function htmlEncodingSniffer(
    bytes: Uint8Array,
    options?: { transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
