// Runs on the engine → client link (docs/architecture.md#the-send-paths-cost): the bridge writes send successes
// and text message events in a row once; unpacking gives back exactly the messages packed, in order, and
// anything that is not a well-formed run reaches the client's validation as it is.
import { describe, expect, it } from 'vitest';
import type { EngineMessage } from './my-wire';
import { MAX_ENGINE_BATCH, packEngineMessages, SEND_SUCCESS_PAYLOAD, unpackEngineLinkMessage } from './my-wire';
import { engineMessageSchema } from './my/engine-message-schema';

const sent = (callId: number): EngineMessage => ({ kind: 'result', callId, ok: true, payload: SEND_SUCCESS_PAYLOAD });
const text = (target: string | null, data: string): EngineMessage => ({ kind: 'event', target, payload: { event: 'message', data, isBuffer: false } });

/** What a client gets from the packed messages after the bridge's JSON. */
const overTheWire = (messages: EngineMessage[]): readonly unknown[] => unpackEngineLinkMessage(JSON.parse(JSON.stringify(packEngineMessages(messages))));

describe('engine link runs', () => {
  it('gives back every message in order, runs included, each valid for the client', () => {
    const messages: EngineMessage[] = [
      sent(1),
      sent(2),
      text(null, 'a'),
      text(null, 'b'),
      text('task-1', 'c'),
      { kind: 'result', callId: 3, ok: false, error: 10, errorMessage: 'not open' },
      sent(4),
      { kind: 'event', target: null, payload: { event: 'message', data: 'AAE=', isBuffer: true } },
      { kind: 'event', target: null, payload: { event: 'message', data: 'AAE=', isBuffer: true, asArrayBuffer: true } },
      text(null, 'd'),
      { kind: 'result', callId: 5, ok: true, payload: {} },
      { kind: 'event', target: null, payload: { event: 'close', code: 1000, reason: '' } },
    ];
    const received = overTheWire(messages);
    expect(received).toEqual(JSON.parse(JSON.stringify(messages)));
    expect(received.every((message) => engineMessageSchema.safeParse(message).success)).toBe(true);
  });

  it('writes a run once: 256 send successes and 256 echoes are two items', () => {
    const messages = Array.from({ length: 256 }, (_, index) => sent(index)).concat(Array.from({ length: 256 }, (_, index) => text(null, `m${index}`)));
    const packed = packEngineMessages(messages);
    expect(packed).toEqual({ kind: 'batch', messages: [{ kind: 'sent', callIds: messages.slice(0, 256).map((message) => (message as { callId: number }).callId) }, { kind: 'texts', target: null, data: Array.from({ length: 256 }, (_, index) => `m${index}`) }] });
  });

  it('keeps a success whose payload is not the send answer, and a lone message, as themselves', () => {
    const copied: EngineMessage = { kind: 'result', callId: 7, ok: true, payload: { success: true } };
    expect(packEngineMessages([copied])).toBe(copied);
    expect(packEngineMessages([sent(8)])).toEqual({ kind: 'sent', callIds: [8] });
    expect(unpackEngineLinkMessage({ kind: 'sent', callIds: [8] })).toEqual([{ kind: 'result', callId: 8, ok: true, payload: { success: true } }]);
  });

  it('gives each expanded success its own payload object (an app that changes one changes no other)', () => {
    const [first, second] = unpackEngineLinkMessage({ kind: 'sent', callIds: [1, 2] }) as { payload: object }[];
    expect(first?.payload).not.toBe(second?.payload);
  });

  it('hands malformed runs on for the client to refuse, and refuses a run longer than a batch whole', () => {
    const notAList = { kind: 'sent', callIds: 'everything' };
    expect(unpackEngineLinkMessage(notAList)).toEqual([notAList]);
    const forged = unpackEngineLinkMessage({ kind: 'batch', messages: [{ kind: 'sent', callIds: [-1, 'x'] }, { kind: 'texts', target: 5, data: [{}] }] });
    expect(forged).toHaveLength(3);
    expect(forged.map((message) => engineMessageSchema.safeParse(message).success)).toEqual([false, false, false]);
    const tooLong = { kind: 'sent', callIds: Array.from({ length: MAX_ENGINE_BATCH + 1 }, (_, index) => index) };
    expect(unpackEngineLinkMessage(tooLong)).toEqual([tooLong]);
    const tooManyInAll = { kind: 'batch', messages: [tooLong.callIds.slice(0, 600), tooLong.callIds.slice(600)].map((callIds) => ({ kind: 'sent', callIds })) };
    expect(unpackEngineLinkMessage(tooManyInAll)).toEqual([tooManyInAll]);
  });
});
