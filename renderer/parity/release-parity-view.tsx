// The verdict as the inspector shows it: the overall answer, then one row per item with a pass / warn /
// fail / not-checked mark, the reason, and the fix when something needs changing.
import type { ParityStatus, ParityVerdict } from '../../shared/release-parity';
import './parity.css';

const MARKS: Record<ParityStatus, { symbol: string; word: string }> = {
  pass: { symbol: '✓', word: 'pass' },
  warn: { symbol: '!', word: 'warn' },
  fail: { symbol: '✕', word: 'fail' },
  skip: { symbol: '–', word: 'not checked' },
};

const HEADLINES: Record<ParityVerdict['overall'], string> = {
  pass: 'Would connect from a release build on a phone.',
  warn: 'Would probably connect from a release build; check the warnings.',
  fail: 'Would not connect from a release build on a phone.',
};

/** Renders `verdict` (pure view; ReleaseParity computes it). */
export function ReleaseParityView({ verdict, note }: { verdict: ParityVerdict; note?: string }) {
  return (
    <section className="inspector-section parity" aria-label="release parity">
      <h3>
        Release parity <span className={`parity-badge parity-${verdict.overall}`}>{verdict.overall}</span>
      </h3>
      <p className={`parity-headline parity-text-${verdict.overall}`}>{HEADLINES[verdict.overall]}</p>
      <ul className="parity-items">
        {verdict.items.map((item) => (
          <li key={item.id} className={`parity-item parity-item-${item.status}`} data-item={item.id} data-status={item.status}>
            <span className={`parity-mark parity-${item.status}`} title={MARKS[item.status].word} aria-label={MARKS[item.status].word}>
              {MARKS[item.status].symbol}
            </span>
            <div className="parity-body">
              <div className="parity-label">{item.label}</div>
              <div className="parity-reason">{item.reason}</div>
              {item.fix && item.status !== 'pass' && (
                <div className="parity-fix">
                  <span className="parity-fix-word">Fix:</span> {item.fix}
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
      {note && <p className="muted parity-note">{note}</p>}
    </section>
  );
}
