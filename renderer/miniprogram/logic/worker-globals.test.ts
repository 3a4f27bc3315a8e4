// The Worker's global set-up, on stand-in scopes (the real one is checked in Chromium: worker-sandbox.chromium.test.ts).
import { describe, expect, it } from 'vitest';
import { lockDownGlobals } from './lock-down-globals';
import { installLogicTimers } from './logic-timers';

describe('lockDownGlobals', () => {
  it('removes names from the scope and its whole prototype chain', () => {
    const base = { fetch: () => 'base', keep: 1 };
    const middle = Object.create(base, { WebSocket: { value: 'ws', configurable: true } }) as object;
    const scope = Object.create(middle, { fetch: { value: 'own', configurable: true }, importScripts: { value: 'x', configurable: true } }) as Record<string, unknown>;
    expect(lockDownGlobals(scope, ['fetch', 'WebSocket', 'importScripts'])).toEqual([]);
    expect(['fetch', 'WebSocket', 'importScripts'].filter((name) => name in scope)).toEqual([]);
    expect(scope.keep).toBe(1);
  });

  it('names what it could not remove', () => {
    const scope = Object.defineProperty({}, 'fetch', { value: 1, configurable: false });
    expect(lockDownGlobals(scope, ['fetch'])).toEqual(['fetch']);
  });
});

describe('installLogicTimers', () => {
  it('passes extra arguments, refuses string code, and reports a throwing callback', async () => {
    const scope = { setTimeout, setInterval, queueMicrotask } as Record<string, unknown>;
    const reported: unknown[] = [];
    const warnings: string[] = [];
    installLogicTimers(scope, (error) => reported.push(error), (message) => warnings.push(message));
    const got: unknown[] = [];
    const setTimeoutLike = scope.setTimeout as (callback: unknown, delay?: number, ...args: unknown[]) => unknown;
    setTimeoutLike((a: unknown, b: unknown) => got.push(a, b), 0, 1, 2);
    expect(setTimeoutLike('got.push(3)', 0)).toBe(0);
    setTimeoutLike(() => {
      throw new Error('late');
    }, 0);
    (scope.queueMicrotask as (callback: () => void) => void)(() => {
      throw new Error('micro');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(got).toEqual([1, 2]);
    expect(warnings).toHaveLength(1);
    expect(reported.map((error) => (error as Error).message)).toEqual(['micro', 'late']);
  });
});
