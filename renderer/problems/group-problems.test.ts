import { describe, expect, it } from 'vitest';
import { entry } from '../timeline/test-support/timeline-entries';
import { createProblemGrouper, groupProblems } from './group-problems';

const dropped = (seq: number, connectionId: string, fields: Parameters<typeof entry>[2] = {}) =>
  entry(seq, seq * 100, {
    kind: 'warning',
    name: 'request-header-dropped',
    clientId: 'app-1',
    connectionId,
    errorMessage: 'my.request did not send the header Authorization (its value is null, not a string).',
    detail: { warning: 'request-header-dropped' },
    ...fields,
  });

describe('groupProblems', () => {
  it('folds identical warnings from different requests into one row placed at the newest, counting each', () => {
    const closeCode = entry(2, 200, { kind: 'warning', name: 'close-code-invalid', connectionId: 't1', errorMessage: 'code 999' });
    const { groups, groupOfSeq } = groupProblems([dropped(1, 'h1'), closeCode, dropped(3, 'h2'), dropped(4, 'h3')]);
    expect(groups.map((group) => [group.first.seq, group.latest.seq, group.count])).toEqual([
      [2, 2, 1],
      [1, 4, 3],
    ]);
    expect([1, 3, 4].map((seq) => groupOfSeq.get(seq))).toEqual([groups[1], groups[1], groups[1]]);
  });

  it('keeps warnings apart when the header, reason, page or client differs', () => {
    const { groups } = groupProblems([
      dropped(1, 'h1'),
      dropped(2, 'h2', { errorMessage: 'my.request did not send the header host (the client sets it).' }),
      dropped(3, 'h3', { page: 'pages/cart/cart' }),
      dropped(4, 'h4', { clientId: 'app-2' }),
      dropped(5, 'h5'),
    ]);
    expect(groups.map((group) => group.count)).toEqual([1, 1, 1, 2]);
  });

  it('never folds errors: each is its own failure', () => {
    const error = (seq: number) => entry(seq, seq, { kind: 'error', name: 'error', connectionId: `t${seq}`, errorCode: 7, errorMessage: 'cert' });
    expect(groupProblems([error(1), error(2)]).groups).toHaveLength(2);
  });

  it('folds a list that grew by its new tail alone, with the rows a one-shot fold gives; a trimmed list is folded again', () => {
    const closeCode = (seq: number) => entry(seq, seq * 100, { kind: 'warning', name: 'close-code-invalid', connectionId: 't1', errorMessage: 'code 999' });
    const all = [dropped(1, 'h1'), closeCode(2), dropped(3, 'h2'), closeCode(4), dropped(5, 'h3')];
    const rows = (grouped: ReturnType<typeof groupProblems>) => grouped.groups.map((group) => [group.first.seq, group.latest.seq, group.count]);
    const grouper = createProblemGrouper();
    grouper(all.slice(0, 2));
    grouper(all.slice(0, 4));
    const grown = grouper(all);
    expect(rows(grown)).toEqual(rows(groupProblems(all)));
    expect(rows(grown)).toEqual([
      [2, 4, 2],
      [1, 5, 3],
    ]);
    expect(grown.groupOfSeq.get(3)).toBe(grown.groups[1]);
    // The oldest problem left (the ring trimmed it): the rows are those of what is left.
    expect(rows(grouper(all.slice(1)))).toEqual(rows(groupProblems(all.slice(1))));
    expect(grouper(all.slice(1)).groupOfSeq.has(1)).toBe(false);
  });
});
