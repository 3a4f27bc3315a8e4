// A script of what a hostile server sends after the handshake, as fast-check generates it: messages (text
// that may be invalid UTF-8, binary, fragmented with pings between the fragments), control frames, faults
// (reserved opcodes and bits, a masked frame, an orphan continuation, an oversize length, a bad close code),
// a clean close, or the socket destroyed, possibly mid-frame. With it, its bytes on the wire and the model of
// what the app must see: every message before the first fault (an invalid text or a message over the
// engine's limit is one), in order (docs/architecture.md#fuzz-tests).
import fc from 'fast-check';

const OP = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

export type Fault = 'reserved-opcode' | 'rsv-bits' | 'masked' | 'orphan-continuation' | 'long-control' | 'fragmented-control' | 'bad-close-code' | 'oversize' | 'data-inside-fragments';
export const FAULTS: readonly Fault[] = ['reserved-opcode', 'rsv-bits', 'masked', 'orphan-continuation', 'long-control', 'fragmented-control', 'bad-close-code', 'oversize', 'data-inside-fragments'];

export type Step =
  | { kind: 'message'; binary: boolean; bytes: Uint8Array; cuts: number[]; pingBetween: boolean }
  | { kind: 'control'; opcode: 9 | 10; bytes: Uint8Array }
  | { kind: 'fault'; fault: Fault }
  | { kind: 'close'; code: number | undefined; reason: string }
  | { kind: 'destroy'; partialFrameBytes: number };

export interface Script {
  steps: Step[];
  /** Where the byte stream is cut into separate writes (fractions of its length). */
  writeCuts: number[];
}

/** How the script ends for the app. */
export type Ending = { kind: 'close'; code: number | undefined } | { kind: 'fault' } | { kind: 'destroyed' };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** One frame from the server (unmasked unless `maskKey`), with the real length encoding. */
export function frame(opcode: number, payload: Uint8Array, options: { fin?: boolean; rsv?: number; maskKey?: Uint8Array; declaredLength?: bigint } = {}): Buffer {
  const fin = options.fin ?? true;
  const length = options.declaredLength ?? BigInt(payload.length);
  const mask = options.maskKey ? 0x80 : 0;
  let header: Buffer;
  if (length < 126n) header = Buffer.from([(fin ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | opcode, mask | Number(length)]);
  else if (length < 65_536n) {
    header = Buffer.from([(fin ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | opcode, mask | 126, 0, 0]);
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = (fin ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | opcode;
    header[1] = mask | 127;
    header.writeBigUInt64BE(length, 2);
  }
  const key = options.maskKey;
  const body = key ? Buffer.from(payload.map((byte, index) => byte ^ (key[index % 4] as number))) : Buffer.from(payload);
  return Buffer.concat([header, ...(key ? [Buffer.from(key)] : []), body]);
}

function closePayload(code: number | undefined, reason: Uint8Array): Uint8Array {
  if (code === undefined) return new Uint8Array();
  const payload = Buffer.alloc(2 + reason.length);
  payload.writeUInt16BE(code, 0);
  payload.set(reason, 2);
  return payload;
}

/** The bytes of one fault, given the engine's largest accepted message. */
function faultBytes(fault: Fault, maxPayload: number): Buffer {
  const small = Buffer.from('x');
  switch (fault) {
    case 'reserved-opcode':
      return frame(3, small);
    case 'rsv-bits':
      return frame(OP.text, small, { rsv: 4 });
    case 'masked':
      return frame(OP.text, small, { maskKey: new Uint8Array([1, 2, 3, 4]) });
    case 'orphan-continuation':
      return frame(OP.continuation, small);
    case 'long-control':
      return frame(OP.ping, new Uint8Array(126));
    case 'fragmented-control':
      return frame(OP.ping, small, { fin: false });
    case 'bad-close-code':
      return frame(OP.close, closePayload(1005, new Uint8Array()));
    case 'oversize':
      return frame(OP.binary, small, { declaredLength: BigInt(maxPayload + 1) });
    case 'data-inside-fragments':
      return Buffer.concat([frame(OP.text, small, { fin: false }), frame(OP.binary, small)]);
  }
}

/** The frames of one message, cut into fragments at `cuts`, with a ping between fragments if asked. */
function messageBytes(step: Extract<Step, { kind: 'message' }>): Buffer {
  const points = [...new Set(step.cuts.map((cut) => Math.floor(cut * step.bytes.length)))].filter((point) => point > 0 && point < step.bytes.length).sort((a, b) => a - b);
  const bounds = [0, ...points, step.bytes.length];
  const frames: Buffer[] = [];
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const last = index + 2 === bounds.length;
    frames.push(frame(index === 0 ? (step.binary ? OP.binary : OP.text) : OP.continuation, step.bytes.subarray(bounds[index], bounds[index + 1]), { fin: last }));
    if (!last && step.pingBetween) frames.push(frame(OP.ping, Buffer.from('between')));
  }
  return Buffer.concat(frames);
}

/** What the server writes, in order, then what the app must have seen: messages before the first fault, and the ending. */
export function playScript(script: Script, maxPayload: number): { bytes: Buffer; destroyAfter: boolean; expected: { binary: boolean; bytes: Uint8Array }[]; ending: Ending } {
  const parts: Buffer[] = [];
  const expected: { binary: boolean; bytes: Uint8Array }[] = [];
  for (const step of script.steps) {
    if (step.kind === 'message') {
      parts.push(messageBytes(step));
      if ((!step.binary && !isUtf8(step.bytes)) || step.bytes.length > maxPayload) return { bytes: Buffer.concat(parts), destroyAfter: false, expected, ending: { kind: 'fault' } };
      expected.push({ binary: step.binary, bytes: step.bytes });
    } else if (step.kind === 'control') parts.push(frame(step.opcode, step.bytes));
    else if (step.kind === 'fault') {
      parts.push(faultBytes(step.fault, maxPayload));
      return { bytes: Buffer.concat(parts), destroyAfter: false, expected, ending: { kind: 'fault' } };
    } else if (step.kind === 'close') {
      parts.push(frame(OP.close, closePayload(step.code, Buffer.from(step.reason))));
      return { bytes: Buffer.concat(parts), destroyAfter: false, expected, ending: { kind: 'close', code: step.code } };
    } else {
      parts.push(frame(OP.binary, new Uint8Array(64)).subarray(0, step.partialFrameBytes));
      return { bytes: Buffer.concat(parts), destroyAfter: true, expected, ending: { kind: 'destroyed' } };
    }
  }
  parts.push(frame(OP.close, closePayload(1000, Buffer.from('end of script'))));
  return { bytes: Buffer.concat(parts), destroyAfter: false, expected, ending: { kind: 'close', code: 1000 } };
}

const textBytes = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => new Uint8Array(Buffer.from(text))),
  fc.uint8Array({ maxLength: 40 }),
  fc.constantFrom(new Uint8Array([0xed, 0xa0, 0x80]), new Uint8Array([0xc0, 0xaf]), new Uint8Array([0xf0, 0x9f, 0x98]), new Uint8Array([0xe2, 0x82, 0xac])),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('message' as const), binary: fc.constant(false), bytes: textBytes, cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }), pingBetween: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('message' as const), binary: fc.constant(true), bytes: fc.oneof({ weight: 4, arbitrary: fc.uint8Array({ maxLength: 2000 }) }, fc.uint8Array({ minLength: 3000, maxLength: 6000 })), cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }), pingBetween: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('control' as const), opcode: fc.constantFrom(9 as const, 10 as const), bytes: fc.uint8Array({ maxLength: 125 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: fc.constantFrom(...FAULTS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), code: fc.constantFrom(undefined, 1000, 1001, 1003, 1011, 3000, 4000, 4999), reason: fc.string({ maxLength: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('destroy' as const), partialFrameBytes: fc.integer({ min: 0, max: 40 }) }) },
);

/** Scripts of up to eight steps, written in up to six pieces. */
export const hostileScript: fc.Arbitrary<Script> = fc.record({
  steps: fc.array(step, { minLength: 1, maxLength: 8 }),
  writeCuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
});
