// The answers to the panel's own calls, newest first: success, or fail with its code and message. Both cut
// to one line, so each says itself whole as its tooltip.
import type { CallOutcome } from './panel-sockets';
import './controls.css';
import './call-outcomes.css';

/** Renders the outcome list (see the module comment). */
export function CallOutcomes({ outcomes }: { outcomes: CallOutcome[] }) {
  if (outcomes.length === 0) return null;
  return (
    <ol className="msd-outcomes" aria-label="Results of the panel's calls" aria-live="polite">
      {outcomes.map((outcome) => (
        <li key={outcome.id} className={outcome.ok ? 'msd-outcome is-ok' : 'msd-outcome is-fail'}>
          <span className="msd-outcome__mark" aria-hidden="true">
            {outcome.ok ? '✓' : '✕'}
          </span>
          <span className="msd-outcome__label msd-mono" title={outcome.label}>
            {outcome.label}
          </span>
          <span className="msd-outcome__text" title={outcome.text}>
            {outcome.text}
          </span>
        </li>
      ))}
    </ol>
  );
}
