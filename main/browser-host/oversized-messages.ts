// A bridge message from a page over the value budget is not parsed (docs/behaviour.md#a26-call-size-limits). The
// page's own `my` never sends one, so this is a forged message: it is dropped with a warning, like any
// other message the engine cannot read, and the engine's loop never spends seconds on it.
import { MAX_CLIENT_MESSAGE_VALUES } from '../../shared/json-value-budget';
import { logWarning } from '../core/engine-warning';
import type { CaptureLog } from '../core/ports';

/** Logs the dropped message of `clientId` (its length only: the text itself is what must not be kept). */
export function reportTooManyValues(capture: CaptureLog, clientId: string, chars: number): void {
  logWarning(capture, { clientId }, {
    id: 'invalid-message',
    message: `A message from the client was not read: it holds more than ${MAX_CLIENT_MESSAGE_VALUES} values (${chars} characters); my never sends one, so it was dropped.`,
    detail: { limit: MAX_CLIENT_MESSAGE_VALUES, chars },
  });
}
