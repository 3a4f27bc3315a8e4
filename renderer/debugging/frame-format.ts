// The paused-frame editor's formats (docs/debugging.md#frame-breakpoints): a frame is shown and edited as
// text, JSON, hex or base64, and forwarded as a text or a binary frame whatever the format it was edited in.
import type { EditedFrame } from '../../shared/debugging/debug-wire';
import { base64ToHex } from '../../shared/debugging/breakpoint-rules';

export type EditFormat = 'text' | 'json' | 'hex' | 'base64';

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The frame's bytes (UTF-8 of a text frame). */
function bytesOf(frame: EditedFrame): Uint8Array {
  return frame.binary ? base64ToBytes(frame.data) : new TextEncoder().encode(frame.data);
}

/** The editor's text for a frame in a format. */
export function toEditorText(frame: EditedFrame, format: EditFormat): string {
  const text = frame.binary ? new TextDecoder().decode(bytesOf(frame)) : frame.data;
  switch (format) {
    case 'text':
      return text;
    case 'json':
      try {
        return JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        return text;
      }
    case 'hex':
      return (frame.binary ? base64ToHex(frame.data) : base64ToHex(bytesToBase64(bytesOf(frame)))).replace(/(..)(?!$)/g, '$1 ');
    case 'base64':
      return frame.binary ? frame.data : bytesToBase64(bytesOf(frame));
  }
}

/** The format an editor opens a frame in: JSON when it parses, hex for binary, else text. */
export function defaultFormat(frame: EditedFrame): EditFormat {
  if (frame.binary) return 'hex';
  try {
    JSON.parse(frame.data);
    return 'json';
  } catch {
    return 'text';
  }
}

/** The frame the editor's text stands for, sent as binary or text; or why it cannot be read. */
export function fromEditorText(text: string, format: EditFormat, binary: boolean): { ok: true; frame: EditedFrame } | { ok: false; error: string } {
  let bytes: Uint8Array;
  if (format === 'hex') {
    const digits = text.replace(/\s+/g, '');
    if (!/^(?:[0-9a-fA-F]{2})*$/.test(digits)) return { ok: false, error: 'hex needs pairs of the digits 0-9 and a-f' };
    bytes = Uint8Array.from(digits.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  } else if (format === 'base64') {
    try {
      bytes = base64ToBytes(text.replace(/\s+/g, ''));
    } catch {
      return { ok: false, error: 'not valid base64' };
    }
  } else {
    if (format === 'json') {
      try {
        JSON.parse(text);
      } catch (error) {
        return { ok: false, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    if (!binary) return { ok: true, frame: { data: text, binary: false } };
    bytes = new TextEncoder().encode(text);
  }
  return { ok: true, frame: binary ? { data: bytesToBase64(bytes), binary: true } : { data: new TextDecoder().decode(bytes), binary: false } };
}
