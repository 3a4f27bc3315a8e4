// A warning notice the rules return, and the one function that logs it as a capture entry of kind
// 'warning', so every warning has the same shape whoever noticed it.
import type { Json } from '../../shared/json';
import type { WarningId } from '../../shared/warning-ids';
import type { NewCaptureEntry } from './ports';
import { summarizeOptions, summarizeText } from './call-detail';

/** One API misuse noticed by the engine or a host; its id is explained in the panel's catalogue. */
export interface EngineWarning {
  id: WarningId;
  message: string;
  detail?: Record<string, Json>;
}

/** Who the warning is about: a client ('' for the engine itself) and a connection ('' for none). */
export interface WarningSubject {
  clientId: string;
  connectionId?: string;
  /** The mini-program page route on top when it happened, if the client runs one. */
  page?: string;
}

/** Where warnings are appended (the engine's capture log). */
export interface WarningSink {
  append(entry: NewCaptureEntry): unknown;
}

/**
 * Appends `warning` to `capture` (name and `detail.warning` are its id, `errorMessage` its text). Its text and
 * detail are summarized as call options are: a warning may quote what a hostile page or server sent, and
 * the capture's byte bound counts payloads only (docs/architecture.md#threat-model).
 */
export function logWarning(capture: WarningSink, subject: WarningSubject, warning: EngineWarning): void {
  capture.append({
    clientId: subject.clientId,
    ...(subject.page === undefined ? {} : { page: subject.page }),
    connectionId: subject.connectionId ?? '',
    kind: 'warning',
    name: warning.id,
    direction: 'none',
    size: 0,
    errorMessage: summarizeText(warning.message),
    detail: { warning: warning.id, ...summarizedDetail(warning.detail) },
  });
}

function summarizedDetail(detail: Record<string, Json> | undefined): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(detail ?? {})) out[key] = summarizeOptions(value, 1);
  return out;
}
