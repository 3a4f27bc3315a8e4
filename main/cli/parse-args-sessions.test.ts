import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parse-args';

describe('parseCliArgs: saved sessions', () => {
  it('reads --sessions-dir and --sessions-cap (MiB)', () => {
    expect(parseCliArgs(['--web', '--sessions-dir', '/tmp/s', '--sessions-cap', '512'])).toEqual({
      kind: 'run',
      options: { web: true, open: true, sessionsDir: '/tmp/s', sessionsCapMiB: 512 },
    });
  });

  it('refuses an empty folder and a cap that is not a whole number of MiB', () => {
    for (const argv of [['--sessions-dir', ' '], ['--sessions-cap', '0'], ['--sessions-cap', '1.5'], ['--sessions-cap', 'lots'], ['--sessions-dir']]) {
      expect(parseCliArgs(argv).kind, argv.join(' ')).toBe('error');
    }
  });
});

describe('--capture-mib', () => {
  it('takes a whole number of MiB and refuses anything else', () => {
    expect(parseCliArgs(['--web', '--capture-mib', '64'])).toMatchObject({ kind: 'run', options: { captureMiB: 64 } });
    expect(parseCliArgs(['--capture-mib', '0'])).toMatchObject({ kind: 'error' });
    expect(parseCliArgs(['--capture-mib', '1.5'])).toMatchObject({ kind: 'error' });
  });
});

describe('--client-buffer-mib', () => {
  it('takes a whole number of MiB for the slow-reader bound and refuses anything else, naming the flag', () => {
    expect(parseCliArgs(['--web', '--client-buffer-mib', '32'])).toMatchObject({ kind: 'run', options: { clientBufferMiB: 32 } });
    expect(parseCliArgs(['--client-buffer-mib', '0'])).toEqual({ kind: 'error', message: '--client-buffer-mib must be a whole number of MiB, at least 1, not "0"' });
    expect(parseCliArgs(['--client-buffer-mib', 'lots'])).toMatchObject({ kind: 'error' });
    const plain = parseCliArgs(['--web']);
    expect(plain.kind === 'run' ? plain.options.clientBufferMiB : 'not run').toBeUndefined();
  });
});
