import { describe, expect, it } from 'vitest';
import { electronArgs, parseCliArgs } from './parse-args';

describe('parseCliArgs', () => {
  it('defaults: try Electron, bundled demo, any port, open a browser', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { web: false, open: true } });
  });

  it('reads every option', () => {
    expect(parseCliArgs(['--web', '--miniapp', './app', '--port', '8123', '--no-open'])).toEqual({
      kind: 'run',
      options: { web: true, miniapp: './app', port: 8123, open: false },
    });
    expect(parseCliArgs(['--miniapp=http://127.0.0.1:5173/', '--port=0'])).toEqual({
      kind: 'run',
      options: { web: false, miniapp: 'http://127.0.0.1:5173/', port: 0, open: true },
    });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it('turns bad input into an error message, never an exception', () => {
    for (const argv of [['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--port', '1.5'], ['--bogus'], ['stray'], ['--miniapp'], ['--miniapp', ' '], ['--web=yes']]) {
      const command = parseCliArgs(argv);
      expect(command.kind, argv.join(' ')).toBe('error');
      if (command.kind === 'error') expect(command.message.length).toBeGreaterThan(5);
    }
  });

  it('hands the mini-app choice to the Electron app', () => {
    expect(electronArgs({ web: false, open: true })).toEqual([]);
    expect(electronArgs({ web: false, open: true, miniapp: '/tmp/app' })).toEqual(['--miniapp', '/tmp/app']);
  });
});

describe('--client-profile (docs/behaviour.md#client-profiles)', () => {
  it('takes alipay-plus or alipay-cn, refuses anything else, and hands it to the Electron app', () => {
    expect(parseCliArgs(['--web', '--client-profile', 'alipay-cn'])).toEqual({ kind: 'run', options: { web: true, open: true, clientProfile: 'alipay-cn' } });
    expect(parseCliArgs(['--client-profile=alipay-plus'])).toEqual({ kind: 'run', options: { web: false, open: true, clientProfile: 'alipay-plus' } });
    const bad = parseCliArgs(['--client-profile', 'wechat']);
    expect(bad).toEqual({ kind: 'error', message: '--client-profile must be one of alipay-plus, alipay-cn, not "wechat"' });
    expect(parseCliArgs(['--client-profile']).kind).toBe('error');
    expect(electronArgs({ web: false, open: true, miniapp: '/a', clientProfile: 'alipay-cn' })).toEqual(['--miniapp', '/a', '--client-profile', 'alipay-cn']);
  });
});
