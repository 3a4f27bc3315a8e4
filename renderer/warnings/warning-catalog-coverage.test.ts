// Every warning id the product can log (shared/warning-ids.ts, the type of every logged warning's id) has
// a written explanation, and the catalogue explains nothing else. The compiler already refuses a missing
// entry; this pins the runtime list too.
import { describe, expect, it } from 'vitest';
import { WARNING_IDS } from '../../shared/warning-ids';
import { KNOWN_WARNING_IDS, explainWarning } from './warning-catalog';

describe('warning catalog coverage', () => {
  it('explains exactly the warning ids the product can log', () => {
    expect([...KNOWN_WARNING_IDS].sort()).toEqual([...WARNING_IDS].sort());
  });

  it('gives each of them its own title and says what happened, why it matters on a phone, how to fix', () => {
    for (const id of WARNING_IDS) {
      const explanation = explainWarning(id);
      expect(explanation.title).not.toBe(id);
      for (const text of [explanation.what, explanation.whyOnPhone, explanation.fix]) expect(text.length).toBeGreaterThan(30);
    }
  });
});
