// The panel's force-close of a connection whoever opened it: a code or reason the protocol refuses
// (docs/behaviour.md#a11-close-code-and-reason-validation) closes with 1000 and says so.
import type { Json } from '../../shared/json';
import type { SocketEventPayload } from '../../shared/my-wire';
import type { ClientRecorder } from './client-recorder';
import { parseCloseArgs } from './close-rules';
import type { Connection } from './connection';

export interface ForceCloseDeps {
  warn: ClientRecorder['warn'];
  record: Pick<ClientRecorder, 'lifecycle'>;
  deliverEvent(target: string | null, payload: SocketEventPayload): void;
}

export function forceCloseConnection(connection: Connection, code: number | undefined, reason: string | undefined, deps: ForceCloseDeps): void {
  const { connectionId } = connection;
  const options: { [key: string]: Json } = {};
  if (code !== undefined) options.code = code;
  if (reason !== undefined) options.reason = reason;
  const parsed = parseCloseArgs(options, 'forceClose');
  const request = parsed.ok ? parsed.request : { code: 1000, reason: '' };
  if (!parsed.ok) deps.warn(connectionId, { id: 'force-close-invalid', message: `${parsed.problem.detail ?? 'invalid close arguments'}; closed with 1000 instead.` });
  deps.record.lifecycle(connectionId, 'force-close', { code: request.code, reason: request.reason, state: connection.state() });
  if (connection.state() === 'OPEN') {
    connection.close(request, 'panel');
    return;
  }
  const closeEvent = connection.abandon({ send: request, event: request, by: 'panel', why: 'closed from the panel' });
  if (closeEvent) deps.deliverEvent(connection.target, closeEvent);
}
