// How the engine answers a call: the success payloads of docs/behaviour.md#a20-success-payloads and failures whose errorMessage is
// the seed's description of the code, plus a detail in parentheses when it helps the developer.
import type { CallFailure, CallSuccess } from '../../shared/my-wire';
import type { ClientProfileName, ErrorCondition } from '../../shared/client-profiles';
import { DEFAULT_CLIENT_PROFILE, profileError, profileErrorMessage } from '../../shared/client-profiles';

/** A validation or call failure before it is addressed to a call. */
export interface CallProblem {
  /** The condition, named by the seed's code (docs/behaviour.md#client-profiles): the profile turns it into the app's code. */
  code: ErrorCondition;
  /** Extra words after the seed description ("closeSocket code 1005 is not allowed"). */
  detail?: string;
}

/** The profile's description, with the detail in parentheses (docs/behaviour.md#error-codes). */
export function errorMessageFor(condition: ErrorCondition, detail?: string, profile: ClientProfileName = DEFAULT_CLIENT_PROFILE): string {
  return profileErrorMessage(profile, condition, detail);
}

/** A fail result for a call, with the code and text of the client profile. */
export function failure(callId: number, problem: CallProblem, profile: ClientProfileName = DEFAULT_CLIENT_PROFILE): CallFailure {
  return { kind: 'result', callId, ok: false, error: profileError(profile, problem.code).code, errorMessage: errorMessageFor(problem.code, problem.detail, profile) };
}

/** A success result for a call with the payload the API defines. */
export function success(callId: number, payload: CallSuccess['payload']): CallSuccess {
  return { kind: 'result', callId, ok: true, payload };
}
