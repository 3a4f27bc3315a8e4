// The seam between panel sessions and the replay endpoints: register a recording, list and stop replays,
// hear changes. The product's replay server implements it (main/replay/replay-server.ts) and the host
// injects it into the engine (EngineDeps.createReplayRegistry), so the engine depends on no server code.
// One registry per engine is shared by every panel of that engine: a replay started in one tab is listed
// in all of them.
import type { ReplayEndpoint, ReplayOptions, ReplayRecording } from '../../shared/replay';

/** Replay endpoints: each plays its recording to every client that connects to its URL. */
export interface ReplayRegistry {
  /** Registers `recording` and resolves with its endpoint (rejects when the server cannot listen). */
  start(recording: ReplayRecording, options: ReplayOptions): Promise<ReplayEndpoint>;
  /** Unregisters a replay and disconnects its clients; false when the id is unknown. */
  stop(id: string): boolean;
  list(): ReplayEndpoint[];
  /** Called after every change (registered, stopped, a client connected, progress, a play ended). */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

/** The registry of an engine whose host injected none: every start is refused with a reason. */
export function unavailableReplayRegistry(): ReplayRegistry {
  return {
    start: () => Promise.reject(new Error('Replays are not available in this host.')),
    stop: () => false,
    list: () => [],
    onChange: () => () => {},
    close: () => Promise.resolve(),
  };
}
