// Turns a my.request outcome into the result the page gets (docs/behaviour.md#my-request): the response
// decoded by dataType, `{ data, status, headers }` plus the typings' aliases `statusCode` and `header`,
// and the failure codes 9, 12, 13, 14 and 19.
import type { Json } from '../../../shared/json';
import type { RequestOutcome, RequestResponse } from './perform-request';
import type { RequestDataType } from './request-options';

export type RequestReply = { ok: true; payload: Record<string, Json> } | { ok: false; error: number; errorMessage: string; extra?: Record<string, Json> };

const MESSAGES: Record<number, string> = {
  9: 'request:fail abort',
  12: 'network error',
  13: 'timeout',
  14: 'decode failure',
  19: 'http status error',
};

function decode(response: RequestResponse, dataType: RequestDataType): { ok: true; data: Json } | { ok: false; detail: string } {
  const { body } = response;
  if (dataType === 'arraybuffer') return { ok: true, data: { $binary: body.toString('base64') } };
  if (dataType === 'base64') {
    const mime = (response.headers['content-type'] ?? 'application/octet-stream').split(';')[0]?.trim() || 'application/octet-stream';
    return { ok: true, data: `data:${mime};base64,${body.toString('base64')}` };
  }
  const text = body.toString('utf8');
  if (dataType === 'text' || text.trim() === '') return { ok: true, data: text };
  try {
    return { ok: true, data: JSON.parse(text) as Json };
  } catch {
    return { ok: false, detail: 'JSON parse data error' };
  }
}

/** The page's answer; `httpErrorStatusFails`: a status >= 400 fails with 19 (the engine setting). */
export function requestReply(outcome: RequestOutcome, dataType: RequestDataType, httpErrorStatusFails: boolean): RequestReply {
  if (!outcome.ok) return { ok: false, error: outcome.code, errorMessage: outcome.code === 9 ? MESSAGES[9] ?? '' : `${MESSAGES[outcome.code] ?? ''} (${outcome.detail})` };
  const decoded = decode(outcome, dataType);
  const headers: Record<string, Json> = { ...outcome.headers };
  if (httpErrorStatusFails && outcome.status >= 400) {
    // The status decides first: an error page that is not JSON still fails with 19, its body as text.
    const data = decoded.ok ? decoded.data : outcome.body.toString('utf8');
    return { ok: false, error: 19, errorMessage: `${MESSAGES[19] ?? ''} (${outcome.status})`, extra: { data, status: outcome.status, headers, statusCode: outcome.status, header: headers } };
  }
  if (!decoded.ok) return { ok: false, error: 14, errorMessage: decoded.detail, extra: { status: outcome.status, statusCode: outcome.status, headers, header: headers } };
  return { ok: true, payload: { data: decoded.data, status: outcome.status, headers, statusCode: outcome.status, header: headers } };
}
