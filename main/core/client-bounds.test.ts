import { describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { MAX_LISTENER_KEYS } from './client-listener-counts';

describe('per-client bounds', () => {
  it('keeps at most MAX_LISTENER_KEYS socket/event pairs per page, warning once with the number', async () => {
    const engine = createEngine();
    const session = engine.attachClient({ origin: 'http://app', send: () => undefined });
    for (let index = 0; index < MAX_LISTENER_KEYS + 500; index += 1) {
      session.receive({ op: 'listen', target: `task-${index}`, event: 'message', action: 'on', count: 1, sameFunctionCount: 1 });
    }
    const listeners = engine.state().clients[0]?.listeners ?? {};
    expect(Object.keys(listeners)).toHaveLength(MAX_LISTENER_KEYS);
    session.receive({ op: 'listen', target: 'task-0', event: 'message', action: 'off', count: 0, sameFunctionCount: 0 });
    expect(engine.state().clients[0]?.listeners['task-0:message']).toBe(0);
    const bounds = [...engine.capture.from(0)].filter((entry) => entry.name === 'client-bound');
    expect(bounds).toHaveLength(1);
    expect(bounds[0]?.detail).toMatchObject({ bound: 'listener keys', limit: MAX_LISTENER_KEYS });
    await engine.shutdown();
  });
});
