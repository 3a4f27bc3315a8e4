// closeSocket / task.close arguments (docs/behaviour.md#a11-close-code-and-reason-validation): the codes `ws` can send (default 1000, sent
// explicitly so the server never sees 1005), reasons of at most 123 UTF-8 bytes. A bad call fails with
// 1 before `ws.close` is touched, because `ws` throws only after switching to CLOSING (c.2).
import type { Json } from '../../shared/json';
import type { CallProblem } from './call-results';
import type { EngineWarning } from './engine-warning';

/** A close frame carries at most 125 bytes: 2 for the code, 123 for the reason. */
export const MAX_CLOSE_REASON_BYTES = 123;

/** Code and reason of a closing handshake. */
export interface CloseRequest {
  code: number;
  reason: string;
}

/** The close to perform, or the fail-1 problem of bad arguments. */
export type CloseArgsResult = { ok: true; request: CloseRequest; warnings: EngineWarning[] } | { ok: false; problem: CallProblem; warnings: EngineWarning[] };

/** The codes `ws` lets a client send (its validation.isValidStatusCode). */
export function isSendableCloseCode(code: number): boolean {
  return (
    Number.isInteger(code) &&
    ((code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999))
  );
}

/** Codes a browser's WebSocket.close() accepts; others work here but throw in H5 builds. */
export function isBrowserCloseCode(code: number): boolean {
  return code === 1000 || (code >= 3000 && code <= 4999);
}

/** The close to perform, or the fail-1 problem; `api` names the call in messages. */
export function parseCloseArgs(options: Json, api: string): CloseArgsResult {
  const warnings: EngineWarning[] = [];
  const fail = (detail: string): CloseArgsResult => ({ ok: false, problem: { code: 1, detail }, warnings });
  const record = typeof options === 'object' && options !== null && !Array.isArray(options) ? options : {};
  const { code: rawCode, reason: rawReason } = record;

  let code = 1000;
  if (rawCode !== undefined && rawCode !== null) {
    if (typeof rawCode !== 'number' || !Number.isInteger(rawCode)) return fail(`${api} code must be an integer, got ${JSON.stringify(rawCode)}`);
    if (!isSendableCloseCode(rawCode)) return fail(`${api} code ${rawCode} is not allowed`);
    code = rawCode;
  }
  let reason = '';
  if (rawReason !== undefined && rawReason !== null) {
    if (typeof rawReason !== 'string') return fail(`${api} reason must be a string, got ${JSON.stringify(rawReason)}`);
    const bytes = Buffer.byteLength(rawReason);
    if (bytes > MAX_CLOSE_REASON_BYTES) {
      warnings.push({ id: 'reason-too-long', message: `The close reason is ${bytes} UTF-8 bytes; at most ${MAX_CLOSE_REASON_BYTES} fit in a close frame.`, detail: { bytes } });
      return fail(`${api} reason is ${bytes} UTF-8 bytes, more than ${MAX_CLOSE_REASON_BYTES}`);
    }
    reason = rawReason;
  }
  if (!isBrowserCloseCode(code)) {
    warnings.push({ id: 'close-code-browser-rejects', message: `Close code ${code} was sent, but browsers only accept 1000 or 3000-4999.`, detail: { code } });
  }
  return { ok: true, request: { code, reason }, warnings };
}
