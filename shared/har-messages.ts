// One capture entry as a Chrome `_webSocketMessages` item and back: the fields the item carries by itself,
// and the payload encoding per opcode. Shared by the HAR export and import so they cannot disagree.
import * as z from 'zod';
import type { CaptureEntry } from './capture';

export const chromeMessageSchema = z.looseObject({
  type: z.enum(['send', 'receive', 'error']),
  time: z.number().finite(),
  opcode: z.number().int(),
  data: z.string(),
});

export type ChromeMessage = z.infer<typeof chromeMessageSchema>;

/** Entry fields a message item may override, in the order they are written. */
export const OVERRIDABLE = [
  'wallTime', 'clientId', 'connectionId', 'kind', 'name', 'direction', 'opcode', 'size', 'payload', 'binary',
  'truncated', 'errorCode', 'errorMessage', 'cause', 'detail',
] as const satisfies readonly (keyof CaptureEntry)[];

export const OPCODE_NAMES: Record<number, string> = { 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' };

/** How the engine records payloads: text as is, binary and ping/pong payloads as base64. */
export const BINARY_BY_OPCODE: Record<number, boolean> = { 1: false, 2: true, 9: true, 10: true };

/** The entry a Chrome message item implies by itself (seq and monoTime are set by the caller). */
export function baseEntry(message: ChromeMessage, ids: { connectionId: string; clientId: string }): CaptureEntry {
  const isError = message.type === 'error';
  const entry: CaptureEntry = {
    seq: 0,
    wallTime: message.time * 1000,
    monoTime: 0,
    clientId: ids.clientId,
    connectionId: ids.connectionId,
    kind: isError ? 'error' : 'frame',
    name: isError ? 'error' : (OPCODE_NAMES[message.opcode] ?? `opcode-${message.opcode}`),
    direction: message.type === 'send' ? 'out' : message.type === 'receive' ? 'in' : 'none',
    size: 0,
  };
  if (isError) {
    entry.errorMessage = message.data;
    return entry;
  }
  const binary = BINARY_BY_OPCODE[message.opcode];
  entry.opcode = message.opcode;
  entry.payload = message.data;
  entry.size = binary ? base64Length(message.data) : utf8Length(message.data);
  if (binary !== undefined) entry.binary = binary;
  return entry;
}

/** UTF-8 byte length without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Decoded length of base64 text. */
export function base64Length(text: string): number {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  return Math.floor((clean.length * 3) / 4);
}
