// The inspector's connection section: final URL, request and response headers, requested vs chosen
// subprotocol, close code and reason in both directions and who closed first.
import type { ReactNode } from 'react';
import type { CloseFrameInfo, ConnectionSummary } from './connection-summary';
import { CopyButton } from '../clipboard/copy-button';
import { showMessages } from '../store/messages-view';

/** Renders `summary` as definition lists and header tables. */
export function ConnectionDetails({ summary }: { summary: ConnectionSummary }) {
  return (
    <section className="inspector-section" aria-label="connection">
      <h3 className="one-line-heading">
        <span className="section-title" title={`Connection ${summary.connectionId}`}>
          Connection
        </span>{' '}
        <span className="section-id">{summary.connectionId}</span>
        {summary.state && <span className={`state-badge state-${summary.state.toLowerCase()}`}>{summary.state}</span>}
        <button type="button" className="messages-button" onClick={() => showMessages(summary.connectionId)} title="Show only this connection's frames, like Chrome's Messages tab">
          Messages
        </button>
      </h3>
      <dl className="facts">
        <Fact term="URL">
          {summary.url ? (
            <>
              <span className="mono wrap">{summary.url}</span> <CopyButton label="Copy" text={() => summary.url ?? ''} />
            </>
          ) : (
            '—'
          )}
        </Fact>
        <Fact term="Client">{summary.clientId || '—'}</Fact>
        <Fact term="Requested subprotocols">{summary.requestedProtocols.length ? summary.requestedProtocols.join(', ') : 'none'}</Fact>
        <Fact term="Chosen subprotocol">{summary.chosenProtocol === undefined ? '— (not open)' : summary.chosenProtocol || 'none'}</Fact>
        {summary.responseStatus !== undefined && <Fact term="Handshake response">HTTP {summary.responseStatus}</Fact>}
        {summary.timeoutMs !== undefined && <Fact term="Connect timeout">{summary.timeoutMs} ms</Fact>}
        <Fact term="Close sent">{describeClose(summary.closeSent)}</Fact>
        <Fact term="Close received">{describeClose(summary.closeReceived)}</Fact>
        {summary.closedFirstBy && <Fact term="Closed first by">{summary.closedFirstBy}</Fact>}
        {summary.neverOpened && <Fact term="Note">The connection never opened.</Fact>}
      </dl>
      <HeaderTable title="Request headers" headers={summary.requestHeaders} />
      <HeaderTable title="Response headers" headers={summary.responseHeaders} />
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function describeClose(close: CloseFrameInfo | undefined): string {
  if (!close) return '—';
  return close.reason ? `${close.code} "${close.reason}"` : String(close.code);
}

export function HeaderTable({ title, headers }: { title: string; headers: [string, string][] }) {
  return (
    <div className="headers">
      <h4>
        {title} <span className="muted">({headers.length})</span>
      </h4>
      {headers.length === 0 ? (
        <p className="muted">none logged</p>
      ) : (
        <table>
          <tbody>
            {headers.map(([name, value], i) => (
              <tr key={`${name}-${i}`}>
                <th scope="row">{name}</th>
                <td className="mono wrap">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
