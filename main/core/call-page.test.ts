// A call made by mini-program logic carries its page route (shared/my-wire.ts `page`) into the capture.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import type { Engine } from './ports';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.shutdown();
});

describe('call page', () => {
  it('keeps the page of a call in its capture entry, and none for calls without one', () => {
    engine = createEngine();
    const session = engine.attachClient({ origin: 'http://miniapp.test', send: () => undefined });
    session.receive({ op: 'connect', callId: 1, target: null, options: { url: 'ws://127.0.0.1:9/x' }, page: 'pages/chat/chat' });
    session.receive({ op: 'close', callId: 2, target: null, options: {} });
    const calls = [...engine.capture.from(0)].filter((entry) => entry.kind === 'call');
    expect(calls.map((entry) => entry.page)).toEqual(['pages/chat/chat', undefined]);
  });
});
