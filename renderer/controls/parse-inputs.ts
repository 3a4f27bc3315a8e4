// Parsing of what the user types into the connection controls: JSON fields, the protocols list, numbers,
// and the composer's text / JSON / base64 / hex payloads (binary always leaves as base64 + isBuffer).
import type { Json } from '../../shared/json';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** An optional JSON field: blank means "not given". */
export function parseJsonInput(text: string, field: string): Parsed<Json | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${field} is not valid JSON: ${reason}` };
  }
}

/** A comma-separated protocols list; blank means "not given". */
export function parseProtocols(text: string): string[] | undefined {
  const list = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return list.length > 0 ? list : undefined;
}

/** An optional integer within [min, max]; blank means "not given". */
export function parseOptionalInteger(text: string, field: string, min: number, max: number): Parsed<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, error: `${field} must be a whole number` };
  const value = Number(trimmed);
  if (value < min || value > max) return { ok: false, error: `${field} must be between ${min} and ${max}` };
  return { ok: true, value };
}

/** Bytes a string takes in UTF-8 (close reasons are limited to 123). */
export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Hex bytes ("de ad", "0xDE,0xAD", "de:ad") to standard base64 with padding. */
export function hexToBase64(text: string): Parsed<string> {
  const digits = text.replace(/0x/gi, '').replace(/[\s,:;-]/g, '');
  if (!/^[0-9a-fA-F]*$/.test(digits)) return { ok: false, error: 'hex may contain only 0-9, a-f, spaces, commas, colons and 0x prefixes' };
  if (digits.length % 2 !== 0) return { ok: false, error: `hex needs an even number of digits (got ${digits.length})` };
  let binary = '';
  for (let i = 0; i < digits.length; i += 2) binary += String.fromCharCode(Number.parseInt(digits.slice(i, i + 2), 16));
  return { ok: true, value: btoa(binary) };
}

/** Standard base64 (whitespace ignored, padding added when missing), checked to decode. */
export function normalizeBase64(text: string): Parsed<string> {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return { ok: false, error: 'base64 may contain only A-Z, a-z, 0-9, +, / and = padding at the end' };
  const unpadded = compact.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return { ok: false, error: 'base64 length is impossible (one character too many or too few)' };
  const padded = unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4);
  try {
    atob(padded);
  } catch {
    return { ok: false, error: 'base64 does not decode' };
  }
  return { ok: true, value: padded };
}

export type ComposerMode = 'text' | 'json' | 'base64' | 'hex';

/** What `send` receives: data plus isBuffer for binary. */
export interface OutgoingMessage {
  data: string;
  isBuffer: boolean;
}

/** Turns the composer's text in a mode into a message, or says what is wrong with it. */
export function buildOutgoingMessage(mode: ComposerMode, text: string): Parsed<OutgoingMessage> {
  switch (mode) {
    case 'text':
      return { ok: true, value: { data: text, isBuffer: false } };
    case 'json': {
      if (text.trim() === '') return { ok: false, error: 'JSON message is empty' };
      const parsed = parseJsonInput(text, 'message');
      return parsed.ok ? { ok: true, value: { data: text, isBuffer: false } } : parsed;
    }
    case 'base64': {
      const base64 = normalizeBase64(text);
      return base64.ok ? { ok: true, value: { data: base64.value, isBuffer: true } } : base64;
    }
    case 'hex': {
      const base64 = hexToBase64(text);
      return base64.ok ? { ok: true, value: { data: base64.value, isBuffer: true } } : base64;
    }
  }
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** A byte size such as "16 MiB", "512k" or "1048576" (binary units), within [min, max]. */
export function parseByteSize(text: string, field: string, min: number, max: number): Parsed<number> {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? BYTE_UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || unit === undefined) return { ok: false, error: `${field} must be a size like 1048576, 512 KiB or 16 MiB` };
  const value = Math.round(Number(match[1]) * unit);
  if (value < min || value > max) return { ok: false, error: `${field} must be between ${formatByteSize(min)} and ${formatByteSize(max)}` };
  return { ok: true, value };
}

/** A byte count in the largest binary unit that divides it exactly ("16 MiB", "1536 B"). */
export function formatByteSize(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} B`;
}
