// A payload in the forms the row menu copies (docs/behaviour.md#panel-keyboard-and-menu): text (binary
// decoded as UTF-8), JSON (pretty when it parses, else a JSON string), base64, hex, and a
// `my.sendSocketMessage({…})` call that sends the same message again.
import type { CaptureEntry } from '../../shared/capture';
import { base64ToBytes, bytesToUtf8 } from '../capture/binary-forms';

export type PayloadForm = 'text' | 'json' | 'base64' | 'hex';

function bytesOf(entry: Pick<CaptureEntry, 'payload' | 'binary'>): Uint8Array {
  const payload = entry.payload ?? '';
  return entry.binary ? (base64ToBytes(payload) ?? new Uint8Array()) : new TextEncoder().encode(payload);
}

/** The payload as `form`. */
export function payloadAs(entry: Pick<CaptureEntry, 'payload' | 'binary'>, form: PayloadForm): string {
  const bytes = bytesOf(entry);
  switch (form) {
    case 'text':
      return entry.binary ? bytesToUtf8(bytes) : (entry.payload ?? '');
    case 'json': {
      const text = entry.binary ? bytesToUtf8(bytes) : (entry.payload ?? '');
      try {
        return JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        return JSON.stringify(text);
      }
    }
    case 'base64':
      return entry.binary ? (entry.payload ?? '') : bytesToBase64(bytes);
    case 'hex':
      return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  }
}

/** A call that sends this payload again from a mini-app (binary as base64 with isBuffer, as `my` takes it). */
export function asSendSocketMessageCall(entry: Pick<CaptureEntry, 'payload' | 'binary'>): string {
  const data = JSON.stringify(entry.payload ?? '');
  return entry.binary ? `my.sendSocketMessage({ data: ${data}, isBuffer: true })` : `my.sendSocketMessage({ data: ${data} })`;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
