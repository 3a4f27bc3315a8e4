// The explanation of one problem entry, as text only: for errors the code, the seed's description and
// remedy, what raises it here and the raw cause; for warnings what happened, why it matters on a phone
// and how to fix it. Used by the warnings list's detail pane and the timeline tooltip.
import type { ProblemDescription } from './describe-problem';

export interface ProblemDetailsProps {
  problem: ProblemDescription;
  /** Compact form for tooltips: no "what raises it here" paragraph. */
  compact?: boolean;
}

/** Renders a ProblemDescription (see the module comment). */
export function ProblemDetails({ problem, compact = false }: ProblemDetailsProps) {
  return (
    <div className={`msd-problem msd-problem--${problem.severity}`}>
      <div className="msd-problem__title">
        {problem.code !== undefined && <span className="msd-code-badge">{problem.code}</span>}
        {problem.severity === 'warning' && <span className="msd-warning-badge" aria-hidden="true">!</span>}
        <span>{problem.title}</span>
      </div>
      {problem.origin && <div className="msd-problem__origin">{problem.origin}</div>}
      {problem.message && !(compact && problem.seedText && problem.message.startsWith(problem.seedText)) && (
        <Field label={problem.severity === 'error' ? 'Message the app received' : 'Message'} text={problem.message} />
      )}
      {problem.cause && <Field label="Raw cause" text={problem.cause} mono />}
      {problem.remedy && <Field label="Remedy" text={problem.remedy} />}
      {!compact && problem.meaning && <Field label="Raised here when" text={problem.meaning} />}
      {problem.what && <Field label="What happened" text={problem.what} />}
      {problem.whyOnPhone && <Field label="Why it matters on a phone" text={problem.whyOnPhone} />}
      {problem.fix && <Field label="How to fix" text={problem.fix} />}
      {!compact && problem.details && <Field label="Details" text={problem.details} mono />}
    </div>
  );
}

function Field({ label, text, mono = false }: { label: string; text: string; mono?: boolean }) {
  return (
    <div className="msd-problem__field">
      <div className="msd-problem__label">{label}</div>
      <div className={mono ? 'msd-problem__text msd-mono' : 'msd-problem__text'}>{text}</div>
    </div>
  );
}
