// A second single-mode connectSocket while one is live (docs/behaviour.md#a2-the-replaced-connection-gets-one-close):
// the "reject" policy refuses it, the storm guard stops a replace loop, otherwise the old connection is
// abandoned with its one close event before the new one dials.
import type { SocketEventPayload } from '../../shared/my-wire';
import type { EngineSettings } from '../../shared/settings';
import type { CallProblem } from './call-results';
import type { ClientRecorder } from './client-recorder';
import type { CloseRequest } from './close-rules';
import type { Connection } from './connection';
import type { ReconnectStormGuard } from './reconnect-storm-guard';

const REPLACED: CloseRequest = { code: 1000, reason: 'replaced by connectSocket' };

export interface ReplacementDeps {
  warn: ClientRecorder['warn'];
  stormGuard: ReconnectStormGuard;
  deliverEvent(target: string | null, payload: SocketEventPayload): void;
}

/** Replaces `current`; returns the problem to answer the new call with when it is refused instead. */
export function replaceSingleConnection(current: Connection, settings: EngineSettings, deps: ReplacementDeps): CallProblem | undefined {
  const { warn, stormGuard } = deps;
  if (current.state() !== 'CLOSING') {
    warn(current.connectionId, {
      id: 'second-single-connect',
      message: `connectSocket while ${current.connectionId} is ${current.state()}: policy "${settings.singleModePolicy}".`,
      detail: { policy: settings.singleModePolicy, state: current.state() },
    });
    if (settings.singleModePolicy === 'reject') return { code: 2 };
    if (!stormGuard.allow()) {
      const detail = `reconnect storm: more than ${stormGuard.limit} replacements within ${stormGuard.windowMs} ms; connectSocket refused`;
      warn(current.connectionId, { id: 'reconnect-storm', message: detail, detail: { limit: stormGuard.limit, windowMs: stormGuard.windowMs } });
      return { code: 1, detail };
    }
  }
  const closeEvent = current.abandon({ send: REPLACED, event: REPLACED, by: 'engine', why: 'replaced by connectSocket' });
  if (closeEvent) deps.deliverEvent(null, closeEvent);
  return undefined;
}
