// The engine's answers to replay requests, read defensively: a reply body that is not what the request
// asked for reads as undefined, never as a half-valid object.
import type { CaptureEntry } from '../../shared/capture';
import { parseJsonObject } from '../../shared/json';
import type { ReplayEndpoint, ReplayList } from '../../shared/replay';

function isReplayEndpoint(value: unknown): value is ReplayEndpoint {
  return typeof value === 'object' && value !== null && typeof (value as ReplayEndpoint).id === 'string' && typeof (value as ReplayEndpoint).url === 'string';
}

/** The endpoint a replay-start answered with. */
export function parseReplayEndpoint(body: string | CaptureEntry): ReplayEndpoint | undefined {
  const value = typeof body === 'string' ? parseJsonObject(body) : undefined;
  return isReplayEndpoint(value) ? value : undefined;
}

/** The list a replay-list answered with. */
export function parseReplayList(body: string | CaptureEntry): ReplayList | undefined {
  const value = typeof body === 'string' ? parseJsonObject(body) : undefined;
  if (value === undefined) return undefined;
  const { version, replays } = value;
  if (typeof version !== 'number' || !Array.isArray(replays)) return undefined;
  return replays.every(isReplayEndpoint) ? { version, replays } : undefined;
}
