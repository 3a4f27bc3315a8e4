// The `Buffer` bl (mqtt-packet's byte list) gets in the panel bundle (vite.config.ts): the `buffer` package's own
// methods, on views made as a class extending Uint8Array. bl makes a view of every chunk and of every read; the
// package makes each a Uint8Array, then sets its prototype, and its `slice` goes through the species
// constructor: about 2/3 of a candidate's decode in the page (docs/architecture.md#decoding-cost).
import { Buffer as BufferPolyfill } from 'buffer/index.js';

class ViewBuffer extends Uint8Array {}

for (const key of Reflect.ownKeys(BufferPolyfill.prototype)) {
  const descriptor = Object.getOwnPropertyDescriptor(BufferPolyfill.prototype, key);
  if (key !== 'constructor' && descriptor) Object.defineProperty(ViewBuffer.prototype, key, descriptor);
}

/** Node's index rule for `slice`: whole numbers, counted from the end when negative, kept within the bytes. */
function sliceIndex(index: number, length: number): number {
  const whole = Math.trunc(index) || 0;
  return whole < 0 ? Math.max(0, length + whole) : Math.min(whole, length);
}

Object.defineProperty(ViewBuffer.prototype, 'slice', {
  value: function slice(this: ViewBuffer, start = 0, end = this.length): ViewBuffer {
    const from = sliceIndex(start, this.length);
    const to = Math.max(from, sliceIndex(end, this.length));
    return new ViewBuffer(this.buffer, this.byteOffset + from, to - from);
  },
  writable: true,
  configurable: true,
});

type BufferStatics = typeof BufferPolyfill;

/** The package's statics, with `from(arrayBuffer, offset, length)` making a view of that class. */
export const Buffer: BufferStatics = Object.create(BufferPolyfill, {
  from: {
    value: (value: unknown, offsetOrEncoding?: unknown, length?: number) =>
      value instanceof ArrayBuffer
        ? new ViewBuffer(value, typeof offsetOrEncoding === 'number' ? offsetOrEncoding : 0, length)
        : (BufferPolyfill.from as (...args: unknown[]) => unknown)(value, offsetOrEncoding, length),
  },
}) as BufferStatics;
