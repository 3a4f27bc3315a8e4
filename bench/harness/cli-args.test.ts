import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './cli-args';

describe('bench arguments', () => {
  it('defaults to every measurement, three runs', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, only: null, runs: 3 });
  });

  it('takes --quick (two runs), --only lists and --runs', () => {
    expect(parseBenchArgs(['--quick'])).toEqual({ quick: true, only: null, runs: 2 });
    expect(parseBenchArgs(['--only', 'capture,filter', '--only', 'memory', '--runs', '5'])).toEqual({ quick: false, only: ['capture', 'filter', 'memory'], runs: 5 });
  });

  it('refuses unknown flags and silly run counts', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow();
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/--runs/);
    expect(() => parseBenchArgs(['--runs', 'many'])).toThrow(/--runs/);
  });
});
