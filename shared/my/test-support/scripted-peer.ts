// Test support: a tiny scripted engine on the far end of a memory transport. It validates every client
// message with the real wire schema and answers like docs/behaviour.md (connect/send/close results, echo,
// replacement close before the new success), so the client's unit tests run against the contract.
import { clientMessageSchema, type ClientMessage, type SocketEventPayload, type SocketTarget } from '../../my-wire';
import type { Json } from '../../json';
import { socketError, type SocketErrorCode } from '../../error-codes';
import { createMemoryTransportPair, type MemoryEngineSide } from '../memory-transport';
import type { MyTransport } from '../../my-wire';

/** Behaviour switches of the scripted engine. */
export interface ScriptedPeerOptions {
  /** Send `open` right after a successful connect (default true). */
  autoOpen?: boolean;
  /** Echo every sent message back as a `message` event (default true). */
  echo?: boolean;
}

/** The scripted engine and what it saw. */
export interface ScriptedPeer {
  client: MyTransport;
  engineSide: MemoryEngineSide;
  /** Every client message that passed the wire schema, in order. */
  received: ClientMessage[];
  /** Raw client messages that failed the wire schema (must stay empty). */
  rejected: unknown[];
  /** Sends an event as the engine would. */
  emit(target: SocketTarget, payload: SocketEventPayload): void;
  /** Ends the page session. */
  reset(reason?: string): void;
  /** Received messages of one op. */
  ofOp<Op extends ClientMessage['op']>(op: Op): Extract<ClientMessage, { op: Op }>[];
}

/** A scripted engine attached to a fresh memory transport. */
export function createScriptedPeer(options: ScriptedPeerOptions = {}): ScriptedPeer {
  const autoOpen = options.autoOpen ?? true;
  const echo = options.echo ?? true;
  const { client, engineSide } = createMemoryTransportPair();
  const received: ClientMessage[] = [];
  const rejected: unknown[] = [];
  const open = new Set<string>();
  const keyOf = (target: SocketTarget) => target ?? '';

  const fail = (callId: number, code: SocketErrorCode) =>
    engineSide.send({ kind: 'result', callId, ok: false, error: code, errorMessage: socketError(code).description });
  const emit = (target: SocketTarget, payload: SocketEventPayload) => engineSide.send({ kind: 'event', target, payload });

  function field(options: Json, key: string): Json | undefined {
    return typeof options === 'object' && options !== null && !Array.isArray(options) ? options[key] : undefined;
  }

  function onMessage(message: ClientMessage): void {
    if (message.op === 'connect') {
      const url = field(message.options, 'url');
      if (typeof url !== 'string' || url === '') return fail(message.callId, 3);
      if (!/^wss?:\/\//i.test(url)) return fail(message.callId, 5);
      if (open.has(keyOf(message.target))) emit(message.target, { event: 'close', code: 1000, reason: 'replaced by connectSocket' });
      engineSide.send({ kind: 'result', callId: message.callId, ok: true, payload: {} });
      if (autoOpen) {
        open.add(keyOf(message.target));
        emit(message.target, { event: 'open' });
      }
    } else if (message.op === 'send') {
      if (!open.has(keyOf(message.target))) return fail(message.callId, 10);
      const data = field(message.options, 'data');
      const binary = field(data ?? null, '$binary');
      if (typeof data !== 'string' && typeof binary !== 'string') return fail(message.callId, 1);
      engineSide.send({ kind: 'result', callId: message.callId, ok: true, payload: { success: true } });
      if (echo) {
        const isBuffer = typeof binary === 'string' || field(message.options, 'isBuffer') === true;
        emit(message.target, { event: 'message', data: typeof binary === 'string' ? binary : String(data), isBuffer });
      }
    } else if (message.op === 'close') {
      engineSide.send({ kind: 'result', callId: message.callId, ok: true, payload: { message: '' } });
      if (open.delete(keyOf(message.target))) {
        const code = field(message.options, 'code');
        const reason = field(message.options, 'reason');
        emit(message.target, { event: 'close', code: typeof code === 'number' ? code : 1000, reason: typeof reason === 'string' ? reason : '' });
      }
    }
  }

  engineSide.onMessage((raw) => {
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push(raw);
      return;
    }
    received.push(parsed.data);
    onMessage(parsed.data);
  });

  return {
    client,
    engineSide,
    received,
    rejected,
    emit,
    reset: (reason = 'page reloaded') => {
      open.clear();
      engineSide.send({ kind: 'reset', reason });
    },
    ofOp: <Op extends ClientMessage['op']>(op: Op) =>
      received.filter((message): message is Extract<ClientMessage, { op: Op }> => message.op === op),
  };
}

/** Lets every queued microtask (the whole client ⇄ engine exchange) run. */
export function flushMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
