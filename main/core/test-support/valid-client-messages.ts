// The fuzz tests' valid client messages (one of every shape of shared/my-wire.ts, to mutate) and what the
// engine owes the page for any message, valid or not (docs/architecture.md#fuzz-tests).
import { expect } from 'vitest';
import { callBoundRefusal } from '../../../shared/json-value-budget';
import type { CallResult, ClientMessage } from '../../../shared/my-wire';
import { callIdOf, clientMessageSchema } from '../../../shared/my-wire';

/** One valid message of every shape a page may send, its sockets on `url` (a loopback `ws://` server). */
export function validClientMessages(url: string): Record<string, unknown>[] {
  const messages: ClientMessage[] = [
    { op: 'connect', callId: 1, target: null, options: { url, header: { 'x-a': '1' }, protocols: ['chat'], data: { q: 'x' }, timeout: 5000 } },
    { op: 'connect', callId: 2, target: 't1', page: 'pages/index/index', options: { url, multiple: true } },
    { op: 'send', callId: 3, target: null, options: { data: 'hello', isBuffer: false } },
    { op: 'send', callId: 4, target: 't1', options: { data: { $binary: 'AAEC' } } },
    { op: 'close', callId: 5, target: null, options: { code: 1000, reason: 'bye' } },
    { op: 'listen', target: null, event: 'message', action: 'on', count: 1, sameFunctionCount: 1 },
    { op: 'dispatched', target: 't1', event: 'error', listeners: 0, thrown: ['Error: x'] },
    { op: 'problem', problem: { kind: 'js', message: 'boom', file: 'app.js', line: 1, column: 2, stack: 'at x' }, page: 'pages/a' },
    { op: 'api', callId: 6, api: 'setClipboard', options: { text: 'copied' } },
    { op: 'api', callId: 7, api: 'getClipboard', options: {} },
    { op: 'api', callId: 8, api: 'request', options: { url: url.replace('ws:', 'http:'), method: 'POST', data: { a: 1 }, timeout: 3000 } },
    { op: 'api', callId: 9, api: 'abortRequest', options: { requestCallId: 8 } },
    { op: 'storage', action: 'set', key: 'k', value: '"v"' },
    { op: 'storage', action: 'remove', key: 'k' },
    { op: 'storage', action: 'clear' },
    { op: 'unsupported', api: 'getLocation' },
    { op: 'page-stack', pages: [{ route: 'pages/index/index', query: { id: '1' } }] },
  ];
  return messages.map((message) => structuredClone(message) as Record<string, unknown>);
}

/** Calls answered with a result: the socket calls and every API but abortRequest, which ends the request's own call. */
const isAnswered = (message: ClientMessage): boolean =>
  message.op === 'connect' || message.op === 'send' || message.op === 'close' || (message.op === 'api' && message.api !== 'abortRequest');

/**
 * What the engine owes the page for `raw`: a refusal (an `invalid-message` warning, and fail 1 when it has
 * a call id), one result of a valid call, or nothing (a valid report or registration).
 */
export function owedAnswer(raw: unknown): { kind: 'refused'; callId: number | undefined } | { kind: 'result'; callId: number } | { kind: 'none' } {
  const parsed = callBoundRefusal(raw) === undefined ? clientMessageSchema.safeParse(raw) : undefined;
  if (!parsed?.success) return { kind: 'refused', callId: callIdOf(raw) };
  const callId = callIdOf(raw);
  return callId !== undefined && isAnswered(parsed.data) ? { kind: 'result', callId } : { kind: 'none' };
}

/** A success, or a fail with a positive integer code and a message that says something. */
export function expectDocumentedResult(result: CallResult): void {
  if (result.ok) return;
  expect(Number.isInteger(result.error)).toBe(true);
  expect(result.error).toBeGreaterThan(0);
  expect(result.errorMessage.trim()).not.toBe('');
}
