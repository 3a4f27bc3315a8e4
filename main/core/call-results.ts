// How the engine answers a call: the success payloads of docs/behaviour.md#a20-success-payloads and failures whose errorMessage is
// the seed's description of the code, plus a detail in parentheses when it helps the developer.
import type { CallFailure, CallSuccess } from '../../shared/my-wire';
import type { SocketErrorCode } from '../../shared/error-codes';
import { socketError } from '../../shared/error-codes';

/** A validation or call failure before it is addressed to a call. */
export interface CallProblem {
  code: SocketErrorCode;
  /** Extra words after the seed description ("closeSocket code 1005 is not allowed"). */
  detail?: string;
}

/** The seed description, with the detail in parentheses (docs/behaviour.md#error-codes). */
export function errorMessageFor(code: SocketErrorCode, detail?: string): string {
  const description = socketError(code).description;
  return detail ? `${description} (${detail})` : description;
}

/** A fail result for a call. */
export function failure(callId: number, problem: CallProblem): CallFailure {
  return { kind: 'result', callId, ok: false, error: problem.code, errorMessage: errorMessageFor(problem.code, problem.detail) };
}

/** A success result for a call with the payload the API defines. */
export function success(callId: number, payload: CallSuccess['payload']): CallSuccess {
  return { kind: 'result', callId, ok: true, payload };
}
