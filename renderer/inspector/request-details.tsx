// The inspector's section for one my.request (capture kind 'http', docs/behaviour.md#my-request): method,
// URL, status, timing, the failure, both sides' headers and the request body; the response body is the
// entry's payload, shown by PayloadView.
import type { CaptureEntry } from '../../shared/capture';
import type { Json } from '../../shared/json';
import { CopyButton } from '../clipboard/copy-button';
import { HeaderTable } from './connection-details';

function headerPairs(value: Json | undefined): [string, string][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([name, v]): [string, string][] => (typeof v === 'string' ? [[name, v]] : []));
}

function text(value: Json | undefined): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export function RequestDetails({ entry }: { entry: CaptureEntry }) {
  const detail = entry.detail ?? {};
  const url = text(detail.url);
  const status = detail.status === undefined ? 'no response' : `${text(detail.status)} ${text(detail.statusText)}`.trim();
  const started = typeof detail.startWallTime === 'number' ? new Date(detail.startWallTime).toISOString() : '';
  const body = text(detail.requestBody);
  return (
    <section className="inspector-section" aria-label="request">
      <h3 className="one-line-heading">
        <span className="section-title" title={`Request ${entry.connectionId}`}>
          Request
        </span>{' '}
        <span className="section-id">{entry.connectionId}</span>
        <span className={`state-badge ${entry.errorCode === undefined ? 'state-open' : 'state-closed'}`}>{status}</span>
      </h3>
      <dl className="facts">
        <dt>Method</dt>
        <dd className="mono">{entry.name}</dd>
        <dt>URL</dt>
        <dd>
          <span className="mono wrap">{url}</span> <CopyButton label="Copy" text={() => url} />
        </dd>
        <dt>Status</dt>
        <dd className="mono">{status}</dd>
        <dt>Started</dt>
        <dd className="mono time-fact">
          <span className="time-value">{started || '—'}</span>
        </dd>
        <dt>Duration</dt>
        <dd className="mono">{text(detail.durationMs)} ms</dd>
        <dt>dataType / timeout</dt>
        <dd className="mono">
          {text(detail.dataType)} / {text(detail.timeoutMs)} ms
        </dd>
        {entry.errorCode !== undefined && (
          <>
            <dt>Failed</dt>
            <dd className="error-text">
              {entry.errorCode}: {entry.errorMessage ?? ''}
            </dd>
          </>
        )}
      </dl>
      <HeaderTable title="Request headers" headers={headerPairs(detail.requestHeaders)} />
      <div className="headers">
        <h4>
          Request body <span className="muted">({text(detail.requestBodySize) || 0} bytes{detail.requestBodyBinary === true ? ', base64' : ''})</span>
        </h4>
        {body === '' ? <p className="muted">none</p> : <pre className="mono wrap">{body}</pre>}
      </div>
      <HeaderTable title="Response headers" headers={headerPairs(detail.responseHeaders)} />
    </section>
  );
}
