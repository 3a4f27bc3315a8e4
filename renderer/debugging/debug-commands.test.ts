// New breakpoint rules (docs/debugging.md#frame-breakpoints): one added in the Debugging section starts
// switched off, so its placeholder match holds no live frame while the user sets it up; "Break on <id>"
// starts on, bound to its connection; ids never collide.
import { expect, it } from 'vitest';
import { compileBreakpoints } from '../../shared/debugging/breakpoint-rules';
import { newBreakpoint } from './debug-commands';

const tick = { connectionId: 's1', url: 'ws://127.0.0.1:1/chat', direction: 'in' as const, data: '{"type":"tick"}', binary: false, protocol: '' };

it('a rule added from the section matches nothing until it is switched on', () => {
  const added = newBreakpoint([], { enabled: false });
  expect(compileBreakpoints([added])?.(tick)).toBeUndefined();
  expect(compileBreakpoints([{ ...added, enabled: true }])?.(tick)).toBe('bp1');
});

it('"Break on" starts on for its connection, with a fresh id', () => {
  const first = newBreakpoint([], { enabled: false });
  const rule = newBreakpoint([first], { connection: 's1', enabled: true });
  expect(rule).toMatchObject({ id: 'bp2', enabled: true, connection: 's1' });
  expect(compileBreakpoints([first, rule])?.(tick)).toBe('bp2');
  expect(compileBreakpoints([first, rule])?.({ ...tick, connectionId: 's2' })).toBeUndefined();
});
