import { describe, expect, it } from 'vitest';
import { createStringTable, NO_STRING } from './string-table';

describe('counted string table', () => {
  it('gives a repeated string one id and undefined the empty id', () => {
    const table = createStringTable();
    const a = table.acquire('app-1');
    expect(table.acquire('s1')).not.toBe(a);
    expect(table.acquire('app-1')).toBe(a);
    expect(table.acquire(`app-${1}`)).toBe(a); // equal text, another string object
    expect(table.acquire(undefined)).toBe(NO_STRING);
    expect(table.text(a)).toBe('app-1');
    expect(table.text(NO_STRING)).toBeUndefined();
    expect(table.size()).toBe(2);
  });

  it('forgets a string at its last release and reuses its id for another', () => {
    const table = createStringTable();
    const id = table.acquire('t1');
    table.acquire('t1');
    table.release(id);
    expect(table.text(id)).toBe('t1');
    table.release(id);
    expect(table.text(id)).toBeUndefined();
    expect(table.size()).toBe(0);
    // The freed id now stands for the new string, and the old one gets a fresh id when it comes back.
    expect(table.acquire('t2')).toBe(id);
    const again = table.acquire('t1');
    expect(again).not.toBe(id);
    expect([table.text(id), table.text(again)]).toEqual(['t2', 't1']);
    table.release(NO_STRING);
    expect(table.size()).toBe(2);
  });

  it('takes a hint only when it stands for the text: a wrong or freed hint falls back to the lookup', () => {
    const table = createStringTable();
    const a = table.acquire('a');
    const b = table.acquire('b');
    expect(table.acquire('a', a)).toBe(a);
    expect(table.acquire('a', b)).toBe(a); // a wrong hint
    expect(table.acquire(`${'a'}`, a)).toBe(a);
    for (let n = 0; n < 4; n += 1) table.release(a);
    // The freed id is reused for 'c': the stale hint for 'a' must not return it.
    const c = table.acquire('c');
    expect(c).toBe(a);
    const again = table.acquire('a', a);
    expect(again).not.toBe(c);
    expect([table.text(c), table.text(again)]).toEqual(['c', 'a']);
    table.release(again);
    expect(table.text(again)).toBeUndefined();
    expect(table.acquire('b', 99)).toBe(b); // an id never given
  });

  it('stays bounded by the strings in use through a storm of one-use ids', () => {
    const table = createStringTable();
    for (let n = 0; n < 100_000; n += 1) table.release(table.acquire(`t${n}`));
    expect(table.size()).toBe(0);
    expect(table.acquire('t0')).toBe(1);
  });
});
