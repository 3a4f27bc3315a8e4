import { describe, expect, it } from 'vitest';
import { formatNumber, formatSummary, renderMarkdown, type BenchResults } from './results-table';
import { summarize } from './stats';

const machine = {
  date: '2026-01-01T00:00:00.000Z',
  cores: 2,
  cpuModel: 'Test CPU',
  memoryGiB: 24,
  os: 'Linux',
  node: 'v20.0.0',
  chromium: 'Chromium 1.0',
  commit: 'abc1234',
  loadAverage: [1, 2, 3],
};

describe('results table', () => {
  it('formats numbers by size', () => {
    expect(formatNumber(123_456.7)).toBe('123,457');
    expect(formatNumber(42.25)).toBe('42.3');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(3.14159)).toBe('3.14');
    expect(formatNumber(0.012345)).toBe('0.012');
    expect(formatNumber(0)).toBe('0');
  });

  it('shows a median with its range, or one value when the runs agree', () => {
    expect(formatSummary(summarize([100_000, 90_000, 110_000]), 'frames/s')).toBe('100,000 (90,000–110,000) frames/s');
    expect(formatSummary(summarize([7, 7]), 'ms')).toBe('7 ms');
  });

  it('renders the machine, one row per metric, ratios, targets, misses and failed measurements', () => {
    const results: BenchResults = {
      machine,
      options: { quick: false, runs: 3, only: null },
      seconds: 12,
      reports: [
        {
          name: 'capture',
          title: 'Capture throughput',
          seconds: 10,
          load: [1, 1.5],
          rows: [
            {
              metric: 'frames/s',
              unit: 'frames/s',
              product: summarize([80_000, 90_000, 85_000]),
              baseline: { label: 'bare ws', summary: summarize([100_000, 100_000, 100_000]) },
              ratio: summarize([0.8, 0.9, 0.85]),
              target: '≥ 0.9× bare ws',
              met: false,
            },
            { metric: 'context | with a pipe', unit: 'ms', product: summarize([1]) },
          ],
          notes: ['How it was measured.'],
        },
        { name: 'panel', title: 'Panel throughput', seconds: 1, load: [2, 2], error: 'Chromium did not start' },
      ],
    };
    const markdown = renderMarkdown(results);
    expect(markdown).toContain('2 cores, Test CPU, 24 GiB');
    expect(markdown).toContain('Chromium 1.0');
    expect(markdown).toContain('| Capture throughput | frames/s | 85,000 (80,000–90,000) frames/s | 100,000 frames/s (bare ws) | 0.85× (0.80–0.90) | ≥ 0.9× bare ws | **NO** |');
    expect(markdown).toContain('context \\| with a pipe');
    expect(markdown).toContain('| Panel throughput | — | not measured: Chromium did not start |');
    expect(markdown).toContain('- How it was measured.');
    expect(markdown).toContain('load 1 → 1.5');
  });
});
