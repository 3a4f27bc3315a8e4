// How messages of shared/my-wire.ts travel on a bridge that carries several at a time: batches in both
// directions, and from the engine runs, messages of one common shape in a row written once
// (docs/architecture.md#the-send-paths-cost).
// Unpacking gives back each message, still unvalidated: the receiver validates every one on its own, so a
// run is only a shorter way to write the same messages, never a way past the schemas.
import type { CallSuccess, ClientMessage, EngineMessage, SocketTarget } from './my-wire';

/**
 * Several client messages in one link message, in call order. The browser host's shim packs what a page
 * sends within one microtask, so `connectSocket` and a `send` made right after it reach the engine
 * together: the send then always meets the connection still connecting (10), as on a phone, instead of
 * racing a loopback handshake between two bridge messages. The host unpacks and admits each on its own.
 */
export interface ClientBatch {
  op: 'batch';
  messages: ClientMessage[];
}

/** What travels from a `my` client to the engine over a bridge: one message, or a batch of them. */
export type ClientLinkMessage = ClientMessage | ClientBatch;

/** Most messages one client batch carries (a sender splits longer runs; a longer batch is refused whole). */
export const MAX_CLIENT_BATCH = 1024;

/**
 * Several engine messages in one link message, in stream order. A host may pack what it sends to a client
 * within one tick (a flood is then one bridge message per socket read, not one per frame); the client
 * unpacks and validates each message on its own, so a bad one never takes its neighbours with it.
 */
export interface EngineBatch {
  kind: 'batch';
  messages: (EngineMessage | EngineRun)[];
}

/** Every successful send's answer payload (docs/behaviour.md#a20-success-payloads): one frozen object, which marks a send success for packing. */
export const SEND_SUCCESS_PAYLOAD: Readonly<{ success: true }> = Object.freeze({ success: true });

/**
 * Engine messages in a row written once: `sent` stands for `{ kind: 'result', callId, ok: true, payload:
 * { success: true } }` per call id, `texts` for a text `message` event of `target` per string.
 */
export type EngineRun = { kind: 'sent'; callIds: number[] } | { kind: 'texts'; target: SocketTarget; data: string[] };

/** What travels from the engine to a `my` client: one message, a run, or a batch of them. */
export type EngineLinkMessage = EngineMessage | EngineRun | EngineBatch;

/** Most messages one batch carries, runs counted by what they stand for (a sender splits longer runs). */
export const MAX_ENGINE_BATCH = 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Appends the messages `item` stands for to `into` and says so, or says it is not a run. */
type RunExpander = (item: Record<string, unknown>, into: unknown[]) => boolean;

/**
 * The messages of a raw link message, still unvalidated, for either direction (a batch is marked by
 * `batch` in the direction's discriminant): a batch's items, or the message itself, runs expanded. A batch
 * that is not an array, or that stands for more than `max` messages, comes back as itself, so the
 * receiver refuses it as one invalid message; a run whose list is missing stays itself too.
 */
function unpackLinkMessage(raw: unknown, discriminant: 'op' | 'kind', max: number, expand: RunExpander): readonly unknown[] {
  let items: readonly unknown[] = [raw];
  if (isRecord(raw) && raw[discriminant] === 'batch') {
    const { messages } = raw;
    if (!Array.isArray(messages) || messages.length > max) return [raw];
    items = messages;
  }
  const messages: unknown[] = [];
  for (const item of items) if (!isRecord(item) || !expand(item, messages)) messages.push(item);
  return messages.length <= max ? messages : [raw];
}

/** A client link has no runs: what it sends is a handful of calls per microtask, not a flood. */
const noRuns: RunExpander = () => false;

function expandEngineRun(item: Record<string, unknown>, into: unknown[]): boolean {
  if (item.kind === 'sent' && Array.isArray(item.callIds)) {
    for (const callId of item.callIds as unknown[]) into.push({ kind: 'result', callId, ok: true, payload: { success: true } });
    return true;
  }
  if (item.kind === 'texts' && Array.isArray(item.data)) {
    for (const data of item.data as unknown[]) into.push({ kind: 'event', target: item.target, payload: { event: 'message', data, isBuffer: false } });
    return true;
  }
  return false;
}

/** The messages of a link message from a `my` client (see unpackLinkMessage). */
export function unpackClientLinkMessage(raw: unknown): readonly unknown[] {
  return unpackLinkMessage(raw, 'op', MAX_CLIENT_BATCH, noRuns);
}

/** The messages of a link message from the engine (see unpackLinkMessage); each is validated on its own. */
export function unpackEngineLinkMessage(raw: unknown): readonly unknown[] {
  return unpackLinkMessage(raw, 'kind', MAX_ENGINE_BATCH, expandEngineRun);
}

/** A send's success as the engine answers it (the shared payload object). */
function isSendSuccess(message: EngineMessage): message is CallSuccess {
  return message.kind === 'result' && message.ok && message.payload === SEND_SUCCESS_PAYLOAD;
}

/** The link message for messages queued in order: send successes and text message events of one target in a row as runs, a lone message as itself. */
export function packEngineMessages(messages: readonly EngineMessage[]): EngineLinkMessage {
  const packed: (EngineMessage | EngineRun)[] = [];
  let run: EngineRun | undefined;
  for (const message of messages) {
    if (isSendSuccess(message)) {
      if (run?.kind === 'sent') run.callIds.push(message.callId);
      else packed.push((run = { kind: 'sent', callIds: [message.callId] }));
    } else if (message.kind === 'event' && message.payload.event === 'message' && !message.payload.isBuffer && message.payload.asArrayBuffer === undefined) {
      if (run?.kind === 'texts' && run.target === message.target) run.data.push(message.payload.data);
      else packed.push((run = { kind: 'texts', target: message.target, data: [message.payload.data] }));
    } else {
      packed.push(message);
      run = undefined;
    }
  }
  return packed.length === 1 && packed[0] ? packed[0] : { kind: 'batch', messages: packed };
}
