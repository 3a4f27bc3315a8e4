// The seam between panel sessions and the replay endpoints: register a recording, list and stop replays,
// hear changes. The lab implements it (main/lab/replay-server.ts); one registry per engine is shared by
// every panel of that engine, so a replay started in one tab is listed in all of them.
import type { ReplayEndpoint, ReplayOptions, ReplayRecording } from '../../shared/replay';
import { createReplayServer } from '../lab/replay-server';
import type { Engine } from './ports';

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

const perEngine = new WeakMap<Engine, ReplayRegistry>();

/** The replay registry of `engine`, created (not yet listening) on first use. */
export function replayRegistryFor(engine: Engine): ReplayRegistry {
  let registry = perEngine.get(engine);
  if (!registry) {
    registry = createReplayServer();
    perEngine.set(engine, registry);
  }
  return registry;
}

/** Closes `engine`'s registry if it was ever created (its listening port and every replay client). */
export async function closeReplayRegistryOf(engine: Engine): Promise<void> {
  const registry = perEngine.get(engine);
  perEngine.delete(engine);
  await registry?.close();
}
