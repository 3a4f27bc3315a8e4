import { describe, expect, it } from 'vitest';
import { outsideAsar } from './outside-asar';

describe('outsideAsar', () => {
  it('names the unpacked copy of a file inside app.asar, on POSIX and Windows paths', () => {
    expect(outsideAsar('/opt/Mini Socket DevTools/resources/app.asar/out/main/session-writer-thread.mjs')).toBe('/opt/Mini Socket DevTools/resources/app.asar.unpacked/out/main/session-writer-thread.mjs');
    expect(outsideAsar('C:\\Program Files\\MSD\\resources\\app.asar\\out\\main\\t.mjs')).toBe('C:\\Program Files\\MSD\\resources\\app.asar.unpacked\\out\\main\\t.mjs');
  });

  it('leaves an unpackaged checkout and look-alike names alone', () => {
    expect(outsideAsar('/work/app/out/main/session-writer-thread.mjs')).toBe('/work/app/out/main/session-writer-thread.mjs');
    expect(outsideAsar('/work/my-app.asar.d/out/t.mjs')).toBe('/work/my-app.asar.d/out/t.mjs');
  });
});
