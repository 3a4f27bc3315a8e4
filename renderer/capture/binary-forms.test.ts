import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../shared/my/bytes-to-base64';
import { base64ToBytes, bytesToUtf8, hexDump, hexDumpText, utf8Length } from './binary-forms';

describe('binary forms', () => {
  it('dumps offset, hex and ASCII 16 bytes a line', () => {
    const bytes = new Uint8Array([...Array.from('Hello, world!', (c) => c.charCodeAt(0)), 0, 1, 0xff, 0x7f, 0x41]);
    const lines = hexDump(bytes);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      offset: '00000000',
      hex: '48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 00 01 ff',
      ascii: 'Hello, world!...',
    });
    expect(lines[1]).toEqual({ offset: '00000010', hex: `7f 41${'   '.repeat(6)}  ${'   '.repeat(7)}  `, ascii: '.A' });
    expect(lines[1]?.hex.length).toBe(lines[0]?.hex.length);
  });

  it('limits the number of lines', () => {
    expect(hexDump(new Uint8Array(100), 3)).toHaveLength(3);
    expect(hexDump(new Uint8Array(0))).toEqual([]);
  });

  it('renders the dump as text with offsets', () => {
    expect(hexDumpText(new Uint8Array([0x41, 0x42]))).toMatch(/^00000000 {2}41 42 +AB$/);
  });

  it('round-trips base64 and decodes UTF-8', () => {
    const bytes = base64ToBytes('5L2g5aW9IPCfkYs=');
    expect(bytes).not.toBeNull();
    expect(bytesToUtf8(bytes as Uint8Array)).toBe('你好 👋');
    expect(bytesToBase64(bytes as Uint8Array)).toBe('5L2g5aW9IPCfkYs=');
    expect(utf8Length('你好 👋')).toBe(11);
  });

  it('accepts URL-safe and unpadded base64 and rejects what is not base64', () => {
    expect(Array.from(base64ToBytes('-_8') ?? [])).toEqual([0xfb, 0xff]);
    expect(base64ToBytes('not base64!')).toBeNull();
    expect(base64ToBytes('A')).toBeNull();
  });

  it('turns invalid UTF-8 into replacement characters instead of throwing', () => {
    expect(bytesToUtf8(new Uint8Array([0x61, 0xff, 0x62]))).toBe('a\uFFFDb');
  });
});

describe('narrow hex dump', () => {
  it('puts 8 bytes on a line without the middle gap', () => {
    const lines = hexDump(new Uint8Array([0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x0a]), Number.POSITIVE_INFINITY, 8);
    expect(lines).toEqual([
      { offset: '00000000', hex: '30 31 32 33 34 35 36 37', ascii: '01234567' },
      { offset: '00000008', hex: `38 0a${'   '.repeat(6)}`, ascii: '8.' },
    ]);
  });
});
