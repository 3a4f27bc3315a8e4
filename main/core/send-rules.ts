// What sendSocketMessage / task.send put on the wire (docs/behaviour.md#a15-what-send-accepts): text, base64 decoded to
// a binary frame with any truthy isBuffer, or bytes the client marked `{ $binary }`.
import { jsonTypeName, type Json } from '../../shared/json';
import type { CallProblem } from './call-results';
import type { EngineWarning } from './engine-warning';

/** One message ready for `ws.send`. */
export interface OutgoingMessage {
  data: string | Buffer;
  binary: boolean;
  /** Bytes on the wire (UTF-8 for text). */
  size: number;
  /** Binary payload as the app gave it, for the capture (no re-encoding). */
  base64?: string;
}

/** The message to send, or the fail-1 problem of a bad send call. */
export type SendArgsResult = { ok: true; message: OutgoingMessage; warnings: readonly EngineWarning[] } | { ok: false; problem: CallProblem; warnings: readonly EngineWarning[] };

/** The warnings of nearly every send: one shared empty list (docs/architecture.md#the-send-paths-cost). */
const NO_WARNINGS: readonly EngineWarning[] = Object.freeze([]);
const ARRAYBUFFER_SENT: EngineWarning = { id: 'arraybuffer-sent', message: 'data was an ArrayBuffer/typed array; it was sent as a binary frame (old clients accept strings only).' };
const INVALID_BASE64: EngineWarning = { id: 'invalid-base64', message: 'isBuffer is set but data is not valid base64.' };
const ISBUFFER_MISSING: EngineWarning = { id: 'isbuffer-missing', message: 'data looks like base64 but isBuffer is not set: it was sent as text.' };

/** Text that is probably base64 of binary content: long enough, padded to 4, not a plain word. */
const LOOKS_BASE64 = /^(?=.*[+/=0-9])(?:[A-Za-z0-9+/]{4}){4,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const LOOKS_BASE64_MAX_CHECK = 4096;
/** The shortest text LOOKS_BASE64 matches (four groups of four): shorter sends skip the regex. */
const LOOKS_BASE64_MIN_CHECK = 16;

function isBase64Char(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47;
}

/** Standard base64 (padding optional), as my.arrayBufferToBase64 makes it. A linear scan: a regex over megabytes overflows the stack. */
export function isValidBase64(text: string): boolean {
  let end = text.length;
  if (text.endsWith('==')) end -= 2;
  else if (text.endsWith('=')) end -= 1;
  const padded = end !== text.length;
  if (padded ? text.length % 4 !== 0 : end % 4 === 1) return false;
  for (let index = 0; index < end; index += 1) if (!isBase64Char(text.charCodeAt(index))) return false;
  return true;
}

function binaryMarker(value: Json | undefined): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const base64 = value.$binary;
  return keys.length === 1 && typeof base64 === 'string' ? base64 : undefined;
}

/** The frame to send, or the fail-1 problem of a bad call. */
export function parseSendArgs(options: Json): SendArgsResult {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return { ok: false, problem: { code: 1, detail: `send needs an options object with data, got ${jsonTypeName(options)}` }, warnings: NO_WARNINGS };
  }
  const { data, isBuffer } = options;
  const wantsBinary = Boolean(isBuffer);
  const marked = binaryMarker(data);
  if (marked !== undefined) {
    const warnings = [ARRAYBUFFER_SENT];
    if (!isValidBase64(marked)) return { ok: false, problem: { code: 1, detail: 'binary data could not be decoded' }, warnings };
    const bytes = Buffer.from(marked, 'base64');
    return { ok: true, message: { data: bytes, binary: true, size: bytes.length, base64: marked }, warnings };
  }
  if (typeof data !== 'string') {
    return { ok: false, problem: { code: 1, detail: `data must be a string, got ${jsonTypeName(data)}` }, warnings: NO_WARNINGS };
  }
  if (wantsBinary) {
    if (!isValidBase64(data)) return { ok: false, problem: { code: 1, detail: 'isBuffer is set but data is not valid base64' }, warnings: [INVALID_BASE64] };
    const bytes = Buffer.from(data, 'base64');
    return { ok: true, message: { data: bytes, binary: true, size: bytes.length, base64: data }, warnings: NO_WARNINGS };
  }
  const looksBase64 = data.length >= LOOKS_BASE64_MIN_CHECK && data.length <= LOOKS_BASE64_MAX_CHECK && LOOKS_BASE64.test(data);
  return { ok: true, message: { data, binary: false, size: Buffer.byteLength(data) }, warnings: looksBase64 ? [ISBUFFER_MISSING] : NO_WARNINGS };
}
