import { describe, expect, it } from 'vitest';
import { createCaptureLog } from '../core/capture-log';
import { createCallPacer, type CallPacer, type ReadFlow } from './call-rate-limit';

const send = (callId: number) => ({ op: 'send', callId, target: null, options: { data: 'x' } });

/** A pacer for app-1 on a fresh capture that hands each delivered call's id (and itself) to `onDeliver`. */
function pacerDelivering(onDeliver: (callId: number, pacer: CallPacer) => void, flow?: ReadFlow): CallPacer {
  const pacer: CallPacer = createCallPacer({
    now: () => performance.now(),
    capture: createCaptureLog({}),
    clientId: () => 'app-1',
    deliver: (raw) => onDeliver((raw as { callId: number }).callId, pacer),
    ...(flow ? { flow } : {}),
  });
  return pacer;
}

describe('call pacer hold (the engine waits for a slow server)', () => {
  it('delivers nothing while held, pauses reading, and delivers what waited in order once released', () => {
    const delivered: number[] = [];
    const flow: string[] = [];
    // The third call fills the backlog (as a send to a slow server does): the host is told at once.
    const pacer = pacerDelivering(
      (callId, self) => {
        delivered.push(callId);
        if (callId === 3) self.hold(true);
      },
      { pause: () => flow.push('pause'), resume: () => flow.push('resume') },
    );
    for (let callId = 1; callId <= 6; callId += 1) pacer.receive(send(callId));
    expect(delivered).toEqual([1, 2, 3]);
    expect(pacer.waiting()).toBe(3);
    expect(flow).toEqual(['pause']);
    pacer.receive(send(7));
    expect(delivered).toEqual([1, 2, 3]);
    pacer.hold(false);
    expect(delivered).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pacer.waiting()).toBe(0);
    expect(flow).toEqual(['pause', 'resume']);
  });

  it('a release during a delivery does not deliver out of order', () => {
    const delivered: number[] = [];
    const pacer = pacerDelivering((callId, self) => {
      if (callId === 2) {
        self.hold(true);
        self.hold(false);
      }
      delivered.push(callId);
    });
    for (let callId = 1; callId <= 4; callId += 1) pacer.receive(send(callId));
    expect(delivered).toEqual([1, 2, 3, 4]);
  });
});
