// Requests that expect a `reply` (get-entry, export): each gets a fresh requestId and a promise that
// settles with the engine's answer, or rejects after a timeout so no caller waits forever.
import type { CaptureEntry } from '../../shared/capture';
import type { PanelRequest, PanelTransport } from '../../shared/panel-wire';

type ReplyingRequest = Extract<PanelRequest, { requestId: number }>;
/** A get-entry or export request without its id (the replier picks it). */
export type ReplyRequest = ReplyingRequest extends infer R ? (R extends ReplyingRequest ? Omit<R, 'requestId'> : never) : never;

export interface RequestReplier {
  request(request: ReplyRequest, timeoutMs?: number): Promise<string | CaptureEntry>;
  dispose(): void;
}

/** The answer of a request that replies with text (JSON, an export), or an error naming the request. */
export async function textReply(replier: RequestReplier, request: ReplyRequest, timeoutMs?: number): Promise<string> {
  const body = await replier.request(request, timeoutMs);
  if (typeof body !== 'string') throw new Error(`the engine answered ${request.kind} with an entry instead of text`);
  return body;
}

/** Routes replies by requestId over `transport`. */
export function createRequestReplier(transport: PanelTransport, defaultTimeoutMs = 30_000): RequestReplier {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (body: string | CaptureEntry) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  const unsubscribe = transport.onMessage((message) => {
    if (message.kind !== 'reply') return;
    const pending = waiting.get(message.requestId);
    if (!pending) return;
    waiting.delete(message.requestId);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.body);
    else pending.reject(new Error(message.error));
  });
  return {
    request(request, timeoutMs = defaultTimeoutMs) {
      const requestId = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(requestId);
          reject(new Error(`the engine did not answer the ${request.kind} request within ${Math.round(timeoutMs / 1000)} s`));
        }, timeoutMs);
        waiting.set(requestId, { resolve, reject, timer });
        transport.send({ ...request, requestId } as ReplyingRequest);
      });
    },
    dispose() {
      unsubscribe();
      for (const pending of waiting.values()) {
        clearTimeout(pending.timer);
        pending.reject(new Error('the panel link closed'));
      }
      waiting.clear();
    },
  };
}
