// What `ws` hands a connection, in the forms the capture and the app events use: response headers as JSON,
// the close code `ws` sends itself on a broken frame, and a message's data as one Buffer.
import type { IncomingHttpHeaders } from 'node:http';
import type WebSocket from 'ws';
import type { Json } from '../../shared/json';

export function headersToJson(headers: IncomingHttpHeaders): Record<string, Json> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined));
}

/**
 * The close code `ws` sends itself when a frame breaks the protocol or a limit (1009 too large, 1008 too
 * many parts, 1007 invalid UTF-8, 1002 protocol error): its receiver puts it on the error under the
 * `status-code` symbol and then calls `close(code)`.
 */
export function closeCodeWsSends(err: Error): number | undefined {
  const symbol = Object.getOwnPropertySymbols(err).find((candidate) => candidate.description === 'status-code');
  const code: unknown = symbol === undefined ? undefined : (err as unknown as Record<symbol, unknown>)[symbol];
  return typeof code === 'number' ? code : undefined;
}

export function rawDataToBuffer(data: WebSocket.RawData): Buffer {
  return Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}
