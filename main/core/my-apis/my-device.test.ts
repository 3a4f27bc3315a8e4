// getSystemInfo's phone profiles, canIUse, the base64 helpers, the preview clipboard and the failing
// stubs of APIs the preview lacks (one Problems entry per API), through a real engine.
import { describe, expect, it } from 'vitest';
import type { MyApi } from '../../../shared/my';
import type { EngineSettings } from '../../../shared/settings';
import { attachMyClient } from '../test-support/attach-my';
import { engineEachTest } from '../test-support/engine-per-test';

const engines = engineEachTest();
const attachMy = (settings: Partial<EngineSettings> = {}): MyApi => attachMyClient(engines.shared(settings)).my;

const seeded = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('system info', () => {
  it('describes the default iPhone 6 profile before and after the seed, with consistent window size', async () => {
    const my = attachMy();
    expect(my.getSystemInfoSync()).toMatchObject({ platform: 'iOS', pixelRatio: 2, screenWidth: 375, screenHeight: 667, windowHeight: 603, app: 'alipay', language: 'zh-Hans' });
    await seeded();
    await expect(my.getSystemInfo()).resolves.toMatchObject({ windowWidth: 375, statusBarHeight: 20, titleBarHeight: 44 });
  });

  it('uses the phone profile the settings pick, and a result edited by the app does not change the next', async () => {
    const my = attachMy({ phoneProfile: 'android-1080p' });
    await seeded();
    const info = my.getSystemInfoSync();
    expect(info).toMatchObject({ platform: 'Android', pixelRatio: 3, screenWidth: 360, screenHeight: 780, windowHeight: 780 - 24 - 48 });
    (info['screen'] as Record<string, number>)['width'] = 1;
    expect(my.getSystemInfoSync()['screen']).toEqual({ width: 360, height: 780 });
  });
});

describe('helpers', () => {
  it('canIUse answers for the APIs my offers, with their object/return/callback details', () => {
    const my = attachMy();
    expect(my.canIUse('request')).toBe(true);
    expect(my.canIUse('getStorageSync')).toBe(true);
    expect(my.canIUse('connectSocket.object.multiple')).toBe(true);
    expect(my.canIUse('getLocation')).toBe(false);
    expect(my.canIUse('request.unknown')).toBe(false);
    expect(my.canIUse(42)).toBe(false);
  });

  it('converts between ArrayBuffer and base64 both ways, and wrong input gives empty values', () => {
    const my = attachMy();
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const text = my.arrayBufferToBase64(bytes.buffer);
    expect(text).toBe('AAEC+v8=');
    expect([...new Uint8Array(my.base64ToArrayBuffer(text))]).toEqual([...bytes]);
    expect(my.arrayBufferToBase64(new Uint8Array([7, 8]).subarray(1))).toBe('CA==');
    expect(my.arrayBufferToBase64('nope')).toBe('');
    expect(my.base64ToArrayBuffer('%%%').byteLength).toBe(0);
  });

  it('keeps a preview clipboard shared by the pages of the engine; a text that is not a string fails with 2', async () => {
    const writer = attachMy();
    const reader = attachMy();
    await expect(writer.setClipboard({ text: 'copied' })).resolves.toEqual({});
    await expect(reader.getClipboard()).resolves.toEqual({ text: 'copied' });
    await expect(writer.setClipboard({ text: 5 })).rejects.toMatchObject({ error: 2 });
  });
});

describe('APIs the preview does not offer', () => {
  it('fail with a clear message instead of being undefined, and give one Problems entry per API', async () => {
    const my = attachMy() as unknown as Record<string, (options?: unknown) => unknown>;
    const fails: unknown[] = [];
    const showToast = my['showToast'];
    expect(typeof showToast).toBe('function');
    await expect(showToast?.({ content: 'hi', fail: (failure: unknown) => fails.push(failure) })).rejects.toEqual({ error: 1, errorMessage: 'my.showToast is not available in the preview' });
    expect(fails).toEqual([{ error: 1, errorMessage: 'my.showToast is not available in the preview' }]);
    void my['showToast']?.();
    expect(my['getLocationSync']?.()).toEqual({ error: 1, errorMessage: 'my.getLocationSync is not available in the preview' });
    expect(my['then']).toBeUndefined();
    await seeded();
    const problems = [...(engines.current().capture.from(0))].filter((entry) => entry.name === 'api-unsupported').map((entry) => entry.detail?.api);
    expect(problems).toEqual(['showToast', 'getLocationSync']);
  });

  it('keep a frozen my usable: known APIs unchanged, unknown ones stubbed', async () => {
    const my = Object.freeze(attachMy()) as unknown as Record<string, unknown>;
    expect(Object.isFrozen(my)).toBe(true);
    expect(typeof my['connectSocket']).toBe('function');
    await expect((my['vibrate'] as () => Promise<unknown>)()).rejects.toMatchObject({ error: 1 });
  });
});
