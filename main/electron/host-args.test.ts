import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './host-args';

describe('parseHostArgs', () => {
  it('finds --miniapp and --port among Electron and Chromium switches and the entry path', () => {
    const argv = ['/usr/lib/electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/electron/index.cjs', '--no-open', '--miniapp', './my app', '--port=9001'];
    expect(parseHostArgs(argv)).toEqual({ miniapp: './my app', port: 9001 });
    expect(parseHostArgs(['electron', '.', '--miniapp=http://127.0.0.1:5173/', '--port', '0'])).toEqual({ miniapp: 'http://127.0.0.1:5173/', port: 0 });
    expect(parseHostArgs(['electron', '.'])).toEqual({});
  });

  it('refuses missing or bad values with a clear message', () => {
    expect(() => parseHostArgs(['--miniapp'])).toThrow('--miniapp needs a value');
    expect(() => parseHostArgs(['--miniapp', '--port', '1'])).toThrow('--miniapp needs a value');
    expect(() => parseHostArgs(['--miniapp='])).toThrow('--miniapp needs a folder or an http(s) URL');
    expect(() => parseHostArgs(['--port', 'abc'])).toThrow('--port must be a number from 0 to 65535, not "abc"');
    expect(() => parseHostArgs(['--port=70000'])).toThrow('--port must be a number');
    expect(() => parseHostArgs(['--port=-1'])).toThrow('--port must be a number');
  });
});

describe('parseHostArgs --client-profile', () => {
  it('reads a known profile and refuses an unknown one', () => {
    expect(parseHostArgs(['electron', '.', '--client-profile', 'alipay-cn'])).toEqual({ clientProfile: 'alipay-cn' });
    expect(() => parseHostArgs(['--client-profile=x'])).toThrow('--client-profile must be one of alipay-plus, alipay-cn, not "x"');
  });
});
