// Maps a `ws` error to one of the seed's codes (docs/behaviour.md#error-codes, docs/behaviour.md#error-classification-order): during the handshake
// 7 (TLS) → 6 (timeout) → 9 (subprotocol) → 8 (handshake validation) → 1; once open 12 (size) → 1.
// The raw cause is kept for the capture so nothing the network said is lost.
import type { ClientProfileName } from '../../shared/client-profiles';
import { DEFAULT_CLIENT_PROFILE, profileError } from '../../shared/client-profiles';
import type { SocketErrorCode } from '../../shared/error-codes';
import { errorMessageFor } from './call-results';

/** A `ws` error as the app sees it (code, message) plus what the capture keeps. */
export interface ClassifiedError {
  /** The code the app gets under the client profile (docs/behaviour.md#client-profiles). */
  code: number;
  errorMessage: string;
  /** `err.code: err.message` as Node/ws reported it. */
  cause: string;
  /** HTTP status of a refused upgrade (`Unexpected server response: 503`). */
  httpStatus?: number;
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_CRL',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CRL_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CRL_NOT_YET_VALID',
  'CRL_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'ERROR_IN_CRL_LAST_UPDATE_FIELD',
  'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

const SUBPROTOCOL_MESSAGES = ['Server sent a subprotocol but none was requested', 'Server sent an invalid subprotocol', 'Server sent no subprotocol'];
const HANDSHAKE_MESSAGES = [
  'Invalid Sec-WebSocket-Accept header',
  'Invalid Upgrade header',
  'Invalid Sec-WebSocket-Extensions header',
  'Server sent a Sec-WebSocket-Extensions header but no extension was requested',
  'Server indicated an extension that was not requested',
];
const SIZE_CODES = new Set(['WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH', 'WS_ERR_TOO_MANY_BUFFERED_PARTS']);
const UNEXPECTED_RESPONSE = /^Unexpected server response: (\d{3})$/;

function parts(err: unknown): { code: string; message: string } {
  const like: ErrorLike = typeof err === 'object' && err !== null ? (err as ErrorLike) : { message: String(err) };
  return { code: typeof like.code === 'string' ? like.code : '', message: typeof like.message === 'string' ? like.message : String(like.message ?? '') };
}

function result(condition: SocketErrorCode, detail: string, cause: string, profile: ClientProfileName, httpStatus?: number): ClassifiedError {
  const code = profileError(profile, condition).code;
  return { code, errorMessage: errorMessageFor(condition, detail, profile), cause, ...(httpStatus !== undefined ? { httpStatus } : {}) };
}

/** An `error` emitted while the connection was CONNECTING. */
export function classifyHandshakeError(err: unknown, profile: ClientProfileName = DEFAULT_CLIENT_PROFILE): ClassifiedError {
  const { code, message } = parts(err);
  const cause = code ? `${code}: ${message}` : message;
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return result(7, code || message, cause, profile);
  if (message === 'Opening handshake has timed out' || code === 'ETIMEDOUT') return result(6, message, cause, profile);
  if (SUBPROTOCOL_MESSAGES.includes(message)) return result(9, message, cause, profile);
  if (HANDSHAKE_MESSAGES.includes(message)) return result(8, message, cause, profile);
  const status = UNEXPECTED_RESPONSE.exec(message);
  if (status) return result(1, message, `HTTP ${status[1]}`, profile, Number(status[1]));
  return result(1, message || code, cause, profile);
}

/** An `error` emitted after the connection opened (protocol violations, oversized messages). */
export function classifyOpenError(err: unknown, profile: ClientProfileName = DEFAULT_CLIENT_PROFILE): ClassifiedError {
  const { code, message } = parts(err);
  const cause = code ? `${code}: ${message}` : message;
  if (SIZE_CODES.has(code)) return result(12, message, cause, profile);
  return result(1, message || code, cause, profile);
}
