// Library results (Buffers, Longs, bigints, Maps, class instances) as a bounded JSON tree: at most
// MAX_NODES values and MAX_DEPTH levels, so a hostile frame cannot make the inspector build a huge tree.
import type { Json } from '../json';

const MAX_NODES = 5000;
const MAX_DEPTH = 32;
const BYTES_SHOWN = 64;

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes.subarray(0, BYTES_SHOWN)) out += byte.toString(16).padStart(2, '0');
  return bytes.length > BYTES_SHOWN ? `${out}… (${bytes.length} bytes)` : out;
}

/** Text when the bytes are valid UTF-8, else a hex preview. */
export function bytesToJson(bytes: Uint8Array): Json {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { hex: hex(bytes), bytes: bytes.length };
  }
}

export function toJson(value: unknown): Json {
  let nodes = 0;
  const walk = (item: unknown, depth: number): Json => {
    nodes += 1;
    if (nodes > MAX_NODES) return '…';
    if (item === null || item === undefined) return null;
    if (typeof item === 'string' || typeof item === 'boolean') return item;
    if (typeof item === 'number') return Number.isFinite(item) ? item : String(item);
    if (typeof item === 'bigint') return item.toString();
    if (item instanceof Uint8Array) return bytesToJson(item);
    if (item instanceof ArrayBuffer) return bytesToJson(new Uint8Array(item));
    if (typeof item !== 'object') return String(item);
    if (depth >= MAX_DEPTH) return '…';
    if (item instanceof Date) return item.toISOString();
    if (Array.isArray(item)) return item.map((child) => walk(child, depth + 1));
    if (item instanceof Map) return Object.fromEntries([...item].map(([key, child]) => [String(key), walk(child, depth + 1)]));
    const out: { [key: string]: Json } = {};
    for (const [key, child] of Object.entries(item)) if (child !== undefined && typeof child !== 'function') out[key] = walk(child, depth + 1);
    return out;
  };
  return walk(value, 0);
}
