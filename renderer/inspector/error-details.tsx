// The inspector's error section: the code, the seed's description and solution (shared/error-codes.ts),
// what raises it in this emulator, the message the app got and the raw cause.
import type { CaptureEntry } from '../../shared/capture';
import { SOCKET_ERRORS, isSocketErrorCode } from '../../shared/error-codes';

/** Shown for any entry carrying an error code. */
export function ErrorDetails({ entry }: { entry: CaptureEntry }) {
  if (entry.errorCode === undefined) return null;
  const info = isSocketErrorCode(entry.errorCode) ? SOCKET_ERRORS.get(entry.errorCode) : undefined;
  return (
    <section className="inspector-section error-section" aria-label="error">
      <h3 className="error-heading">
        Error {entry.errorCode}
        {info && <span className="error-title"> — {info.description}</span>}
      </h3>
      <dl className="facts">
        {entry.errorMessage !== undefined && (
          <>
            <dt>errorMessage</dt>
            <dd className="mono wrap">{entry.errorMessage}</dd>
          </>
        )}
        {info && (
          <>
            <dt>Solution</dt>
            <dd>{info.solution}</dd>
            <dt>Raised when</dt>
            <dd>{info.meaning}</dd>
          </>
        )}
        <dt>Raw cause</dt>
        <dd className="mono wrap">{entry.cause ?? '—'}</dd>
      </dl>
    </section>
  );
}
