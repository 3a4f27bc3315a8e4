// The gate between the logic and the view: a stack naming an unloaded page waits for its modules, and no
// message overtakes it; stacks of loaded pages pass at once.
import { describe, expect, it } from 'vitest';
import type { LogicToView } from '../../../shared/miniprogram/view-logic-protocol';
import { StackGate } from './stack-gate';

const stack = (...routes: string[]): LogicToView => ({ t: 'stack', pages: routes.map((route, index) => ({ pageId: index + 1, route, query: {} })) });
const init = (instanceId: number): LogicToView => ({ t: 'init', instanceId, data: { n: instanceId } });

describe('StackGate', () => {
  it('delivers at once while every page is loaded', () => {
    const delivered: LogicToView[] = [];
    const asked: string[][] = [];
    const gate = new StackGate((routes) => (asked.push([...routes]), undefined), (message) => delivered.push(message));
    gate.push(init(1));
    gate.push(stack('pages/a/a'));
    expect(delivered).toEqual([init(1), stack('pages/a/a')]);
    expect(asked).toEqual([['pages/a/a']]);
  });

  it('holds a stack with an unloaded page, and everything after it, until its modules are loaded', async () => {
    const delivered: LogicToView[] = [];
    const loaded = new Set(['pages/a/a']);
    let finish: () => void = () => undefined;
    const gate = new StackGate(
      (routes) => (routes.every((route) => loaded.has(route)) ? undefined : new Promise<void>((resolve) => (finish = () => (routes.forEach((route) => loaded.add(route)), resolve())))),
      (message) => delivered.push(message),
    );
    gate.push(stack('pages/a/a'));
    gate.push(init(2));
    gate.push(stack('pages/a/a', 'pages/b/b'));
    gate.push(init(3));
    gate.push({ t: 'unload', pageIds: [1] });
    expect(delivered).toEqual([stack('pages/a/a'), init(2)]);
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(delivered).toEqual([stack('pages/a/a'), init(2), stack('pages/a/a', 'pages/b/b'), init(3), { t: 'unload', pageIds: [1] }]);
    gate.push(stack('pages/b/b'));
    expect(delivered.at(-1)).toEqual(stack('pages/b/b'));
  });
});
