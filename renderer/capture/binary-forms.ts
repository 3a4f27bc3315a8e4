// The forms a binary payload is shown and copied in: a hex dump (offset, hex, ASCII), Base64, and UTF-8
// text. Payloads travel as base64 (shared/capture.ts); decoding never throws.
export { base64ToBytes, bytesToUtf8 } from '../../shared/binary-text';

/** UTF-8 byte length of a string (the size column's unit). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** One line of a hex dump. */
export interface HexLine {
  /** Offset of the line's first byte, 8 hex digits. */
  offset: string;
  /** Up to 16 bytes as two-digit hex, separated by spaces, an extra space after the 8th, padded to full width (8-byte lines: no extra space). */
  hex: string;
  /** Printable ASCII as is, every other byte as '.'. */
  ascii: string;
}

/** The hex dump of `bytes`, 16 (or 8, for narrow views) per line, at most `maxLines` lines. */
export function hexDump(bytes: Uint8Array, maxLines = Number.POSITIVE_INFINITY, bytesPerLine: 8 | 16 = 16): HexLine[] {
  const lines: HexLine[] = [];
  for (let start = 0; start < bytes.length && lines.length < maxLines; start += bytesPerLine) {
    const chunk = bytes.subarray(start, start + bytesPerLine);
    const cells: string[] = [];
    let ascii = '';
    for (let i = 0; i < bytesPerLine; i += 1) {
      const byte = chunk[i];
      cells.push(byte === undefined ? '  ' : byte.toString(16).padStart(2, '0'));
      if (byte !== undefined) ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
    }
    const hex = bytesPerLine === 16 ? `${cells.slice(0, 8).join(' ')}  ${cells.slice(8).join(' ')}` : cells.join(' ');
    lines.push({ offset: start.toString(16).padStart(8, '0'), hex, ascii });
  }
  return lines;
}

/** The hex dump as plain text (what "copy hex" copies). */
export function hexDumpText(bytes: Uint8Array): string {
  return hexDump(bytes)
    .map((line) => `${line.offset}  ${line.hex}  ${line.ascii}`)
    .join('\n');
}
