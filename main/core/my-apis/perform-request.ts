// Performs one planned my.request with Node's http/https in the engine's process (docs/behaviour.md#my-request):
// the page never opens a connection of its own. Resolves with the response or with the failure code.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { RequestPlan } from './request-options';

export interface RequestResponse {
  ok: true;
  status: number;
  statusText: string;
  /** Header names lower-cased; repeated headers joined with ", " (set-cookie with "\n"). */
  headers: Record<string, string>;
  body: Buffer;
}

/** 9 aborted, 12 network (refused, TLS, reset, too large), 13 timeout. */
export interface RequestError {
  ok: false;
  code: 9 | 12 | 13;
  detail: string;
}

export type RequestOutcome = RequestResponse | RequestError;

export interface PerformOptions {
  ignoreCertificateErrors: boolean;
  maxResponseBytes: number;
  signal: AbortSignal;
}

function headersOf(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(name === 'set-cookie' ? '\n' : ', ') : value;
  }
  return headers;
}

export function performRequest(plan: RequestPlan, options: PerformOptions): Promise<RequestOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: RequestOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const send = plan.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(plan.url, {
      method: plan.method,
      headers: plan.body === undefined ? plan.headers : { ...plan.headers, 'content-length': String(plan.body.length) },
      rejectUnauthorized: !options.ignoreCertificateErrors,
    });
    const fail = (code: RequestError['code'], detail: string): void => {
      finish({ ok: false, code, detail });
      request.destroy();
    };
    const timer = setTimeout(() => fail(13, `no complete response within ${plan.timeoutMs} ms`), plan.timeoutMs);
    const onAbort = (): void => fail(9, 'request:fail abort');
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener('abort', onAbort);

    request.on('error', (error: NodeJS.ErrnoException) => fail(12, error.code ? `${error.code}: ${error.message}` : error.message));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxResponseBytes) fail(12, `the response is larger than ${options.maxResponseBytes} bytes`);
        else chunks.push(chunk);
      });
      response.on('error', (error) => fail(12, error.message));
      response.on('end', () =>
        finish({ ok: true, status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers: headersOf(response), body: Buffer.concat(chunks) }),
      );
    });
    request.end(plan.body);
  });
}
