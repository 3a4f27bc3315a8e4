// The inspector's error section: the code, the client profile's description and solution (shared/client-profiles.ts),
// what raises it in this emulator, the message the app got and the raw cause.
import type { CaptureEntry } from '../../shared/capture';
import { explainProfileCode, profileOfEntryDetail } from '../../shared/client-profiles';
import { givenSolution } from '../warnings/describe-problem';

/** Shown for any entry carrying an error code. */
export function ErrorDetails({ entry }: { entry: CaptureEntry }) {
  if (entry.errorCode === undefined) return null;
  const info = explainProfileCode(profileOfEntryDetail(entry.detail), entry.errorCode);
  return (
    <section className="inspector-section error-section" aria-label="error">
      <h3 className="error-heading">
        Error {entry.errorCode}
        {info && <span className="error-title"> — {info.description}</span>}
      </h3>
      <dl className="facts">
        {entry.errorMessage !== undefined && (
          <>
            <dt>error<wbr />Message</dt>
            <dd className="mono wrap">{entry.errorMessage}</dd>
          </>
        )}
        {info && (
          <>
            <dt>Solution</dt>
            <dd>{givenSolution(info.solution) ?? <span className="muted">none in the client's error table</span>}</dd>
            <dt>Raised when</dt>
            <dd>{info.meaning}</dd>
            <dt>Client profile</dt>
            <dd className="mono">{info.profile}</dd>
          </>
        )}
        <dt>Raw cause</dt>
        <dd className="mono wrap">{entry.cause ?? '—'}</dd>
      </dl>
    </section>
  );
}
