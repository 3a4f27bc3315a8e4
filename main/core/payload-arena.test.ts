// The off-heap payload arena (docs/architecture.md#capture-cpu): bytes read back as the capture logs them,
// wrapping to the start, refusing what does not fit, and freeing space as the oldest slots are released.
import { describe, expect, it } from 'vitest';
import { createPayloadArena } from './payload-arena';

const bytesOf = (text: string): Buffer => Buffer.from(text);

describe('payload arena', () => {
  it('reads text back as UTF-8 and binary as base64, BOM, multi-byte characters and empty frames included', () => {
    const arena = createPayloadArena(8, 256);
    const texts = ['\uFEFFbom first', '拒绝 é 😀', ''];
    texts.forEach((text, slot) => expect(arena.store(slot, bytesOf(text))).toBe(true));
    const binary = Buffer.from([0, 255, 0xc3, 0x28, 128]);
    expect(arena.store(3, binary)).toBe(true);
    expect(arena.store(4, Buffer.alloc(0))).toBe(true);
    expect(texts.map((_, slot) => arena.text(slot, false))).toStrictEqual(texts);
    expect([arena.text(3, true), arena.text(4, true)]).toStrictEqual([binary.toString('base64'), '']);
  });

  it('refuses bytes that do not fit until the oldest are released, then wraps to the start', () => {
    const arena = createPayloadArena(8, 10);
    expect(arena.store(0, bytesOf('aaaa'))).toBe(true);
    expect(arena.store(1, bytesOf('bbbb'))).toBe(true);
    expect(arena.store(2, bytesOf('ccc'))).toBe(false); // 2 bytes free at the end, none at the start
    arena.release(0);
    expect(arena.store(2, bytesOf('ccc'))).toBe(true); // wraps: the 2 bytes at the end are skipped
    expect([arena.text(1, false), arena.text(2, false)]).toStrictEqual(['bbbb', 'ccc']);
    expect(arena.store(3, bytesOf('d'))).toBe(true); // 8 of 10 used (the skipped end counts)
    expect(arena.store(4, bytesOf('e'))).toBe(false);
    arena.release(1);
    expect(arena.store(4, bytesOf('eeee'))).toBe(true);
    expect([arena.text(2, false), arena.text(3, false), arena.text(4, false)]).toStrictEqual(['ccc', 'd', 'eeee']);
    expect(arena.store(5, bytesOf('x'.repeat(11)))).toBe(false); // larger than the arena
  });

  it('starts over empty after clear, and at 0 once everything is released', () => {
    const arena = createPayloadArena(4, 8);
    arena.store(0, bytesOf('12345678'));
    expect(arena.store(1, bytesOf('9'))).toBe(false);
    arena.clear();
    expect(arena.store(1, bytesOf('abcdefgh'))).toBe(true);
    arena.release(1);
    expect(arena.store(2, bytesOf('ABCDEFGH'))).toBe(true);
    expect(arena.text(2, false)).toBe('ABCDEFGH');
  });
});
