// The gates' straight path (docs/architecture.md#capture-cpu): a connection delivers an incoming frame itself
// only while no breakpoint, route or network condition could delay or hold it; every change of those turns
// the detour back on for the very next frame.
import { describe, expect, it } from 'vitest';
import { NO_CONDITIONS } from '../../../shared/debugging/network-conditions';
import { createCaptureLog } from '../capture-log';
import { systemClock } from '../clock';
import { createDebugController } from './debug-controller';

function attached() {
  const debug = createDebugController({ capture: createCaptureLog(), clock: systemClock, stateChanged: () => undefined });
  const gates = debug.attach({ connectionId: 'c1', clientId: 'app', url: 'ws://127.0.0.1:1/x', protocol: () => '', drop: () => undefined });
  return { debug, gates };
}

const frame = (data: string) => ({ data, binary: false, size: data.length });

describe('FrameGate.straight', () => {
  it('is true with nothing in force and follows breakpoints, routes and network conditions as they change', () => {
    const { debug, gates } = attached();
    expect(gates.inbound.straight()).toBe(true);

    debug.command({ op: 'set-breakpoints', rules: [{ id: 'r', enabled: true, direction: 'both', connection: '', match: { kind: 'text', text: 'never' } }] });
    expect(gates.inbound.straight()).toBe(false);
    debug.command({ op: 'set-breakpoints', rules: [{ id: 'r', enabled: false, direction: 'both', connection: '', match: { kind: 'text', text: 'never' } }] });
    expect(gates.inbound.straight()).toBe(true);

    const unroute = debug.route(() => false, () => undefined);
    expect(gates.inbound.straight()).toBe(false);
    unroute();
    expect(gates.inbound.straight()).toBe(true);

    debug.command({ op: 'set-network', conditions: { all: null, perConnection: { c1: { ...NO_CONDITIONS, latencyInMs: 5 } } } });
    expect(gates.inbound.straight()).toBe(false);
    debug.command({ op: 'set-network', conditions: { all: { ...NO_CONDITIONS }, perConnection: {} } });
    expect(gates.inbound.straight()).toBe(true);
  });

  it('is false while a frame is held, so later frames keep their place behind it, and after the connection ended', () => {
    const { debug, gates } = attached();
    debug.command({ op: 'set-breakpoints', rules: [{ id: 'hold', enabled: true, direction: 'in', connection: '', match: { kind: 'text', text: 'first' } }] });
    const passed: string[] = [];
    gates.inbound.frame(frame('first'), (out) => passed.push(out.data), () => undefined);
    debug.command({ op: 'set-breakpoints', rules: [] });
    expect(gates.inbound.waiting()).toBe(1);
    expect(gates.inbound.straight()).toBe(false);
    const [paused] = debug.state().paused;
    expect(debug.resume(paused?.pauseId ?? '', 'forward')).toBe(true);
    expect(passed).toEqual(['first']);
    expect(gates.inbound.straight()).toBe(true);

    gates.inbound.end('the connection closed');
    expect(gates.inbound.straight()).toBe(false);
  });
});
