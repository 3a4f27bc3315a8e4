// The capture entry of one my.request (kind 'http', docs/behaviour.md#my-request): method, URL, status,
// timing, both sides' headers and bodies and the failure, written once the request ended.
import type { Json } from '../../../shared/json';
import type { NewCaptureEntry } from '../ports';
import type { RequestOutcome } from './perform-request';
import type { RequestPlan } from './request-options';
import type { RequestReply } from './request-result';

/** Request bodies are logged up to this many characters (the response body is capped by the capture). */
const MAX_LOGGED_REQUEST_BODY = 1024 * 1024;

const TEXT_TYPES = /^(text\/|application\/(json|javascript|xml|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;

export interface RequestTiming {
  startWallTime: number;
  durationMs: number;
}

export function requestEntry(ids: { clientId: string; connectionId: string; callId: number }, plan: RequestPlan, outcome: RequestOutcome, reply: RequestReply, timing: RequestTiming, dialed?: { url: string; ruleId: string }): NewCaptureEntry {
  const response = outcome.ok ? outcome : undefined;
  const textBody = response !== undefined && TEXT_TYPES.test(response.headers['content-type'] ?? 'text/plain');
  const detail: Record<string, Json> = {
    callId: ids.callId,
    method: plan.method,
    url: plan.url.href,
    dataType: plan.dataType,
    timeoutMs: plan.timeoutMs,
    startWallTime: timing.startWallTime,
    durationMs: Math.round(timing.durationMs * 1000) / 1000,
    requestHeaders: { ...plan.headers },
    requestBody: plan.bodyText.slice(0, MAX_LOGGED_REQUEST_BODY),
    requestBodyBinary: plan.bodyBinary,
    requestBodySize: plan.body?.length ?? 0,
  };
  if (plan.bodyText.length > MAX_LOGGED_REQUEST_BODY) detail.requestBodyTruncated = true;
  if (dialed) {
    detail.dialedUrl = dialed.url;
    detail.mappedBy = dialed.ruleId;
  }
  if (response) {
    detail.status = response.status;
    detail.statusText = response.statusText;
    detail.responseHeaders = { ...response.headers };
  }
  const entry: NewCaptureEntry = {
    clientId: ids.clientId,
    connectionId: ids.connectionId,
    kind: 'http',
    name: plan.method,
    direction: 'none',
    size: response?.body.length ?? 0,
    detail,
  };
  if (response) {
    entry.payload = textBody ? response.body.toString('utf8') : response.body.toString('base64');
    entry.binary = !textBody;
  }
  if (!reply.ok) {
    entry.errorCode = reply.error;
    entry.errorMessage = reply.errorMessage;
  }
  return entry;
}
