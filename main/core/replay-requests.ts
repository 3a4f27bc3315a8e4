// A panel's replay requests: start a replay of a live connection (built from the engine's own capture, so
// payloads are whole) or of a recording the panel read from a HAR, stop one, and list them as a long poll
// (a `replay-list` reply comes at once when the panel is behind, else at the next change), so the panel
// follows progress without a message kind of its own and without polling.
import type { PanelRequest } from '../../shared/panel-wire';
import type { RecordingResult, ReplayList } from '../../shared/replay';
import { recordingFromEntries } from '../../shared/replay';
import type { CaptureLog, PanelSink } from './ports';
import type { ReplayRegistry } from './replay-registry';

/** The requests this module answers. */
export type ReplayRequest = Extract<PanelRequest, { kind: 'replay-start' | 'replay-stop' | 'replay-list' }>;

export interface ReplayRequests {
  handle(request: ReplayRequest): void;
  /** Answers held list requests (nothing more is sent) and stops listening to the registry. */
  close(): void;
}

/** How long a list request waits for a change before it is answered with the same version. */
export const LIST_HOLD_MS = 20_000;
/** Held list requests per panel; an older one is answered at once when a newer one arrives. */
const MAX_HELD = 2;

/** Answers one panel's replay requests with `registry` (taken on first use) and `deliver`. */
export function createReplayRequests(capture: CaptureLog, registryOf: () => ReplayRegistry, deliver: PanelSink, holdMs = LIST_HOLD_MS): ReplayRequests {
  let registry: ReplayRegistry | undefined;
  let stopListening: (() => void) | undefined;
  let version = 0;
  let closed = false;
  const held = new Map<number, NodeJS.Timeout>();

  function use(): ReplayRegistry {
    if (!registry) {
      registry = registryOf();
      stopListening = registry.onChange(() => {
        version += 1;
        answerHeld();
      });
    }
    return registry;
  }

  const ok = (requestId: number, body: string) => deliver({ kind: 'reply', requestId, ok: true, body });
  const fail = (requestId: number, error: string) => deliver({ kind: 'reply', requestId, ok: false, error });

  function answerList(requestId: number): void {
    const list: ReplayList = { version, replays: use().list() };
    ok(requestId, JSON.stringify(list));
  }

  function answerHeld(): void {
    for (const [requestId, timer] of held) {
      clearTimeout(timer);
      held.delete(requestId);
      answerList(requestId);
    }
  }

  function hold(requestId: number): void {
    if (held.size >= MAX_HELD) {
      const [oldest] = held.keys();
      if (oldest !== undefined) {
        clearTimeout(held.get(oldest));
        held.delete(oldest);
        answerList(oldest);
      }
    }
    const timer = setTimeout(() => {
      held.delete(requestId);
      answerList(requestId);
    }, holdMs);
    timer.unref();
    held.set(requestId, timer);
  }

  function start(request: Extract<ReplayRequest, { kind: 'replay-start' }>): void {
    const built: RecordingResult =
      request.source.kind === 'capture' ? recordingFromEntries(request.source.connectionId, capture.from(0)) : { ok: true, recording: request.source.recording };
    if (!built.ok) {
      fail(request.requestId, built.error);
      return;
    }
    use()
      .start(built.recording, request.options)
      .then(
        (endpoint) => ok(request.requestId, JSON.stringify(endpoint)),
        (error: unknown) => fail(request.requestId, `the replay endpoint could not start: ${error instanceof Error ? error.message : String(error)}`),
      )
      .catch(() => undefined);
  }

  return {
    handle(request) {
      if (closed) return;
      switch (request.kind) {
        case 'replay-start':
          start(request);
          return;
        case 'replay-stop':
          if (use().stop(request.replayId)) ok(request.requestId, request.replayId);
          else fail(request.requestId, `no replay "${request.replayId}" is registered (stopped, or dropped as the oldest)`);
          return;
        case 'replay-list':
          use();
          if (request.since !== version) answerList(request.requestId);
          else hold(request.requestId);
          return;
      }
    },
    close() {
      closed = true;
      held.forEach((timer) => clearTimeout(timer));
      held.clear();
      stopListening?.();
    },
  };
}
