// The contract between a `my` client (the mini-app's, or the panel acting through the same path) and the
// engine that owns the sockets. One ordered message stream each way: results and events share it, so the
// order the engine decides (e.g. the replaced connection's close before the new connect's success) is the
// order the client sees. Every message is validated with these schemas where it enters main.
import * as z from 'zod';
import { jsonSchema, type Json } from './json';
import { MAX_PROBLEM_TEXT, MAX_REPORTED_PAGES } from './miniapp-page-constants';
import type { EngineLinkMessage } from './my-link';
import { OPEN_APIS } from './open-api-stand-ins';

/** `null` = the single-mode connection; otherwise the client-chosen id of a SocketTask. */
export const socketTargetSchema = z.string().min(1).max(64).nullable();
export type SocketTarget = z.infer<typeof socketTargetSchema>;

export const socketEventNameSchema = z.enum(['open', 'message', 'error', 'close']);
export type SocketEventName = z.infer<typeof socketEventNameSchema>;

const callBase = {
  callId: z.number().int().nonnegative(),
  target: socketTargetSchema,
  /** The mini-program page (route) whose logic made the call; absent for plain mini-app pages and the panel. */
  page: z.string().max(512).optional(),
};

/**
 * Options are sent as the client sanitized them (functions dropped, binary turned into
 * `{ $binary: base64 }`): the engine, not the client, decides what is valid, so every misuse is logged.
 */
export const connectCallSchema = z.object({ op: z.literal('connect'), ...callBase, options: jsonSchema });
export const sendCallSchema = z.object({ op: z.literal('send'), ...callBase, options: jsonSchema });
export const closeCallSchema = z.object({ op: z.literal('close'), ...callBase, options: jsonSchema });

/** on* and off* registrations: logged, and counted for the listener pile-up warning. */
export const listenCallSchema = z.object({
  op: z.literal('listen'),
  target: socketTargetSchema,
  event: socketEventNameSchema,
  action: z.enum(['on', 'off', 'offAll']),
  /** Registrations of this event on this target after the call. */
  count: z.number().int().nonnegative(),
  /** How many registrations of this very function exist after an `on` (pile-up detection). */
  sameFunctionCount: z.number().int().nonnegative(),
  /** Set when the argument was not a function (the call was ignored): what was passed instead. */
  invalid: z.string().max(2000).optional(),
});

/** An event the client dispatched to no listener, or to listeners that threw (sent only then). */
export const dispatchReportSchema = z.object({
  op: z.literal('dispatched'),
  target: socketTargetSchema,
  event: socketEventNameSchema,
  listeners: z.number().int().nonnegative(),
  thrown: z.array(z.string().max(2000)).max(100),
});

export { MAX_PROBLEM_TEXT, MAX_REPORTED_PAGES } from './miniapp-page-constants';

/**
 * A mini-program project problem (compile error, uncaught run-time error, onError) the page reports so the
 * panel's Problems list shows it with its file and line (docs/miniprogram-runtime.md "Host integration").
 */
export const problemReportSchema = z.object({
  op: z.literal('problem'),
  problem: z.object({
    kind: z.enum(['axml', 'acss', 'js', 'json', 'sjs', 'runtime']),
    message: z.string().max(MAX_PROBLEM_TEXT),
    file: z.string().max(512).optional(),
    line: z.number().int().nonnegative().optional(),
    column: z.number().int().nonnegative().optional(),
    stack: z.string().max(MAX_PROBLEM_TEXT).optional(),
    refused: z.object({ resource: z.enum(['font', 'image', 'media', 'style sheet', 'resource']), origin: z.string().max(512) }).optional(),
  }),
  /** The page route on top when it happened. */
  page: z.string().max(512).optional(),
});
/** The `my` APIs beyond sockets that the engine answers (docs/behaviour.md#more-of-my). */
export const ENGINE_APIS = ['request', 'abortRequest', 'setClipboard', 'getClipboard', ...OPEN_APIS] as const;
export type EngineApi = (typeof ENGINE_APIS)[number];

/** A call of one of ENGINE_APIS, answered with a `result` like the socket calls. */
export const apiCallSchema = z.object({ op: z.literal('api'), callId: z.number().int().nonnegative(), api: z.enum(ENGINE_APIS), options: jsonSchema, page: callBase.page });

/**
 * A storage write the page already applied to its local mirror (docs/behaviour.md#storage-mirror), sent
 * for persistence in call order; `value` is the JSON text of the stored `data`.
 */
export const storageWriteSchema = z.discriminatedUnion('action', [
  z.object({ op: z.literal('storage'), action: z.literal('set'), key: z.string().min(1).max(4096), value: z.string() }),
  z.object({ op: z.literal('storage'), action: z.literal('remove'), key: z.string().min(1).max(4096) }),
  z.object({ op: z.literal('storage'), action: z.literal('clear') }),
]);

/** The first call of a `my.X` the preview does not offer (one per API and page; a Problems entry). */
export const unsupportedApiSchema = z.object({ op: z.literal('unsupported'), api: z.string().min(1).max(200) });

/**
 * A mini-program view page reports its page stack after every change (route and query of each page, bottom
 * first), so the panel shows the current page, its query and the stack (docs/miniprogram-runtime.md "Opening projects").
 */
export const pageStackReportSchema = z.object({
  op: z.literal('page-stack'),
  pages: z.array(z.object({ route: z.string().max(512), query: z.record(z.string().max(256), z.string().max(4096)) })).max(MAX_REPORTED_PAGES),
});
export type ReportedPage = z.infer<typeof pageStackReportSchema>['pages'][number];

export const clientMessageSchema = z.discriminatedUnion('op', [
  connectCallSchema,
  sendCallSchema,
  closeCallSchema,
  listenCallSchema,
  dispatchReportSchema,
  problemReportSchema,
  apiCallSchema,
  storageWriteSchema,
  unsupportedApiSchema,
  pageStackReportSchema,
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientCall = Extract<ClientMessage, { op: 'connect' | 'send' | 'close' }>;
export type ApiCall = z.infer<typeof apiCallSchema>;
export type StorageWrite = z.infer<typeof storageWriteSchema>;

export interface CallSuccess {
  kind: 'result';
  callId: number;
  ok: true;
  /** connect `{}`, send `{ success: true }`, close `{ message: '' }` (docs/behaviour.md#a20-success-payloads); other APIs their documented result. */
  payload: Record<string, Json>;
}
export interface CallFailure {
  kind: 'result';
  callId: number;
  ok: false;
  error: number;
  errorMessage: string;
  /** More fields of the fail object some APIs define (my.request's 19 carries status, data, headers). */
  extra?: Record<string, Json>;
}
export type CallResult = CallSuccess | CallFailure;

/**
 * Raw event data; the client shapes it for global listeners or a SocketTask (docs/behaviour.md#a10-task-event-payloads). Binary `data`
 * is always base64 on the wire; `asArrayBuffer` (set by the engine for binary messages when the
 * incomingBinary setting is 'arraybuffer', docs/behaviour.md#a14-incoming-binary-as-arraybuffer) asks the client to hand listeners an ArrayBuffer instead.
 */
export type SocketEventPayload =
  | { event: 'open' }
  | { event: 'message'; data: string; isBuffer: boolean; asArrayBuffer?: true }
  | { event: 'error'; error: number; errorMessage: string }
  | { event: 'close'; code: number; reason: string };

export interface SocketEventMessage {
  kind: 'event';
  target: SocketTarget;
  payload: SocketEventPayload;
}

/** The engine ends the client's page session (reload, navigation, host shutdown). */
export interface ClientReset {
  kind: 'reset';
  reason: string;
}

/** The network state the engine emulates (docs/debugging.md#network-conditions), for `my.getNetworkType`. */
export interface NetworkStatusMessage {
  kind: 'network';
  networkAvailable: boolean;
  networkType: string;
}

/**
 * What a page's `my` needs synchronously, sent once when the client attaches: the project's storage for
 * the Sync mirror (docs/behaviour.md#storage-mirror) and the phone profile of getSystemInfoSync.
 */
export interface ClientSeed {
  kind: 'seed';
  /** Key → JSON text of the stored data. */
  storage: Record<string, string>;
  systemInfo: Record<string, Json>;
}

/**
 * The mini-app went to the background (`visible: false`) or came back (docs/behaviour.md#app-life-background-and-foreground): `my` runs
 * its onAppHide / onAppShow listeners; a mini-program's logic runs the App and page hooks first.
 */
export interface AppVisibilityMessage {
  kind: 'app-visibility';
  visible: boolean;
}

export type EngineMessage = CallResult | SocketEventMessage | ClientReset | NetworkStatusMessage | ClientSeed | AppVisibilityMessage;

export * from './my-link';

/** An abstract, ordered, bidirectional message link between a `my` client and the engine. */
export interface MyTransport {
  send(message: ClientMessage): void;
  onMessage(listener: (message: EngineLinkMessage) => void): void;
}

/** The call id of a client message that may be malformed, when it has one that can be answered. */
export function callIdOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('callId' in raw)) return undefined;
  const { callId } = raw;
  return typeof callId === 'number' && Number.isInteger(callId) && callId >= 0 ? callId : undefined;
}
