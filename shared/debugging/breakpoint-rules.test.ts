// The breakpoint matcher (docs/debugging.md#frame-breakpoints): direction, connection, text, regex, JSON field, binary as hex.
import { expect, it } from 'vitest';
import type { BreakpointRule, FrameForMatch } from './breakpoint-rules';
import { breakpointRuleProblem, compileBreakpoints } from './breakpoint-rules';

const frame = (partial: Partial<FrameForMatch>): FrameForMatch => ({ connectionId: 's1', url: 'wss://api.test/chat', direction: 'in', data: '', binary: false, protocol: '', ...partial });
const rule = (partial: Partial<BreakpointRule> & Pick<BreakpointRule, 'match'>): BreakpointRule => ({ id: 'r', enabled: true, direction: 'both', connection: '', ...partial });

it('no enabled rule compiles to nothing, so frames take no detour', () => {
  expect(compileBreakpoints([])).toBeUndefined();
  expect(compileBreakpoints([rule({ enabled: false, match: { kind: 'any' } })])).toBeUndefined();
  expect(compileBreakpoints([rule({ match: { kind: 'regex', pattern: '(', flags: '' } })])).toBeUndefined();
  expect(breakpointRuleProblem(rule({ match: { kind: 'regex', pattern: '(', flags: '' } }))).toMatch(/Invalid regular expression|Unterminated/);
});

it('direction, connection (id or URL text), text, regex, field and hex of binary each decide', () => {
  const match = compileBreakpoints([
    rule({ id: 'out-only', direction: 'out', match: { kind: 'text', text: 'ping' } }),
    rule({ id: 'conn', connection: 't9', match: { kind: 'any' } }),
    rule({ id: 'url', connection: '/prices', match: { kind: 'regex', pattern: '^\\d+$', flags: '' } }),
    rule({ id: 'field', match: { kind: 'field', path: 'meta.kind', equals: 'order' } }),
    rule({ id: 'hex', match: { kind: 'text', text: 'cafe' } }),
  ]);
  expect(match?.(frame({ direction: 'in', data: 'ping' }))).toBeUndefined();
  expect(match?.(frame({ direction: 'out', data: 'ping' }))).toBe('out-only');
  expect(match?.(frame({ connectionId: 't9', data: 'x' }))).toBe('conn');
  expect(match?.(frame({ url: 'wss://api.test/prices', data: '42' }))).toBe('url');
  expect(match?.(frame({ url: 'wss://api.test/prices', data: '42a' }))).toBeUndefined();
  expect(match?.(frame({ data: '{"meta":{"kind":"order"}}' }))).toBe('field');
  expect(match?.(frame({ data: '{"meta":{"kind":"quote"}}' }))).toBeUndefined();
  expect(match?.(frame({ data: 'not json' }))).toBeUndefined();
  expect(match?.(frame({ binary: true, data: btoa('\xca\xfe') }))).toBe('hex');
});

it('a decoded-field rule with a pattern that does not compile says why and never matches', () => {
  const broken = rule({ match: { kind: 'decoded', field: 'topic', pattern: '(' } });
  expect(breakpointRuleProblem(broken)).toMatch(/Invalid regular expression|Unterminated/);
  expect(compileBreakpoints([broken])).toBeUndefined();
  const match = compileBreakpoints([rule({ match: { kind: 'decoded', field: 'event', pattern: '^chat$' } })]);
  expect(match?.(frame({ url: 'ws://127.0.0.1:1/socket.io/?EIO=4', data: '42["CHAT",1]' }))).toBe('r');
  expect(match?.(frame({ url: 'ws://127.0.0.1:1/socket.io/?EIO=4', data: '42["chatter",1]' }))).toBeUndefined();
  expect(match?.(frame({ url: 'ws://127.0.0.1:1/plain', data: '42["chat",1]' }))).toBeUndefined();
});
