import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parse-args';

describe('parseCliArgs: the preferences file', () => {
  it('reads --prefs-file, and refuses an empty one', () => {
    expect(parseCliArgs(['--web', '--prefs-file', '/tmp/p.json'])).toEqual({ kind: 'run', options: { web: true, open: true, prefsFile: '/tmp/p.json' } });
    expect(parseCliArgs(['--prefs-file', ' '])).toEqual({ kind: 'error', message: '--prefs-file needs a file path' });
  });
});
