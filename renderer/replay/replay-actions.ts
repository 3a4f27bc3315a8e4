// Starting and stopping replays over the panel's request/reply path; the engine's refusal comes back as the
// rejection's message, said plainly enough to show as is.
import type { ReplayEndpoint, ReplayOptions } from '../../shared/replay';
import type { RequestReplier } from '../transport/request-reply';
import { parseReplayEndpoint } from './replay-replies';
import type { ReplaySource } from './replay-sources';

/** Starting may wait for the replay server to listen the first time. */
const START_TIMEOUT_MS = 15_000;

/** Registers a replay; resolves with its endpoint. */
export async function startReplay(replier: RequestReplier, source: ReplaySource, options: ReplayOptions): Promise<ReplayEndpoint> {
  const body = await replier.request({ kind: 'replay-start', source, options }, START_TIMEOUT_MS);
  const endpoint = parseReplayEndpoint(body);
  if (!endpoint) throw new Error('the engine answered the replay start with something else');
  return endpoint;
}

/** Stops a replay and disconnects its clients. */
export async function stopReplay(replier: RequestReplier, replayId: string): Promise<void> {
  await replier.request({ kind: 'replay-stop', replayId });
}
