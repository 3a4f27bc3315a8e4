import { describe, expect, it } from 'vitest';
import { Buffer as BufferPolyfill } from 'buffer/index.js';
import { Buffer as ViewBuffer } from './bl-buffer';

const INDEXES = [undefined, Number.NaN, -100, -3, -0.5, 0, 1, 2.7, 5, 9, 100];

function bytesOf(view: Uint8Array): number[] {
  return [...view];
}

describe('bl-buffer: the Buffer bl gets in the panel bundle', () => {
  const arrayBuffer = new Uint8Array([9, 9, 0x00, 0x0f, 0x61, 0x6c, 0x69, 0x70, 0x61, 0x79, 0x2f, 9]).buffer;

  it('views an ArrayBuffer range without copying and reads it with the buffer package methods', () => {
    const view = ViewBuffer.from(arrayBuffer, 2, 9);
    expect(view.byteOffset).toBe(2);
    expect(view.readUInt16BE(0)).toBe(15);
    expect(view.toString('utf8', 2, 9)).toBe('alipay/');
    expect(BufferPolyfill.isBuffer(view)).toBe(true);
    new Uint8Array(arrayBuffer)[4] = 0x41;
    expect(view.toString('utf8', 2, 3)).toBe('A');
    new Uint8Array(arrayBuffer)[4] = 0x61;
  });

  it('slices like the buffer package for every start and end, as views of the same bytes and of the same kind', () => {
    const view = ViewBuffer.from(arrayBuffer, 2, 9);
    const reference = BufferPolyfill.from(arrayBuffer, 2, 9);
    for (const start of INDEXES) {
      for (const end of INDEXES) {
        const slice = view.slice(start, end);
        expect(bytesOf(slice), `slice(${start}, ${end})`).toEqual(bytesOf(reference.slice(start, end)));
        expect(slice.buffer).toBe(arrayBuffer);
        expect(Object.getPrototypeOf(slice)).toBe(Object.getPrototypeOf(view));
      }
    }
    const tail = view.slice(2);
    expect(tail.readUInt8(0)).toBe(0x61);
    expect(tail.slice(1, 3).toString()).toBe('li');
  });

  it('copies into and from package Buffers, and leaves every other form of from to the package', () => {
    const view = ViewBuffer.from(arrayBuffer, 4, 6);
    const target = BufferPolyfill.alloc(6);
    expect(view.copy(target)).toBe(6);
    expect(target.toString()).toBe('alipay');
    const text = ViewBuffer.from('alipay', 'utf8');
    expect(text).toBeInstanceOf(BufferPolyfill);
    expect(bytesOf(ViewBuffer.concat([view, text]))).toEqual([...bytesOf(view), ...bytesOf(text)]);
    expect(ViewBuffer.alloc(0).length).toBe(0);
  });
});
