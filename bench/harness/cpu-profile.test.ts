import { describe, expect, it } from 'vitest';
import { describeHotspots, hotspots, type CpuProfile } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

describe('profile hotspots', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('render', 'http://127.0.0.1:1/assets/index-abc.js', 9) },
      { id: 3, callFrame: frame('(idle)') },
      { id: 4, callFrame: frame('render', 'http://127.0.0.1:1/assets/index-abc.js', 9) },
    ],
    startTime: 0,
    endTime: 1000,
    samples: [2, 2, 3, 4, 2],
    timeDeltas: [0, 100, 100, 200, 100],
  };

  it('sums self time per function and location, largest first, as shares of the whole', () => {
    const spots = hotspots(profile);
    expect(spots[0]).toMatchObject({ name: 'render index-abc.js:10' });
    expect(spots[0]?.ms).toBeCloseTo(0.4);
    expect(spots[0]?.share).toBeCloseTo(0.4);
    expect(spots.map((spot) => spot.name)).toContain('(idle)');
  });

  it('names positions through a mapper when one is given', () => {
    const spots = hotspots(profile, 5, (file, line) => (file === 'index-abc.js' ? `renderer/app.tsx:${line + 1}` : undefined));
    expect(spots[0]?.name).toBe('render renderer/app.tsx:10');
    expect(describeHotspots(spots)).toMatch(/^render renderer\/app\.tsx:10 40\.0%/);
  });
});
