import { describe, expect, it } from 'vitest';
import { floodAppliedAtEnd } from './panel-flood-scripts';

describe('floodAppliedAtEnd', () => {
  it("ends the flood at its connection's last entry, before the demo ticker's later entries", () => {
    // 100 entries applied in all; the ring's newest: flood frames (t4), its close, then one tick (t1) of 4 entries.
    const tailConnections = ['t4', 't4', 't4', 't4', 't1', 't1', 't1', 't1'];
    expect(floodAppliedAtEnd({ appliedAtEnd: 100, floodConnection: 't4', tailConnections })).toBe(96);
  });

  it('is the last applied entry when the flood connection holds it', () => {
    expect(floodAppliedAtEnd({ appliedAtEnd: 50, floodConnection: 't4', tailConnections: ['t1', 't4', 't4'] })).toBe(50);
  });

  it('falls back to the last applied entry when the flood connection is not among the newest entries', () => {
    expect(floodAppliedAtEnd({ appliedAtEnd: 50, floodConnection: 't9', tailConnections: ['t1', 't4'] })).toBe(50);
    expect(floodAppliedAtEnd({ appliedAtEnd: 0, floodConnection: null, tailConnections: [] })).toBe(0);
  });
});
