// The breakpoint rules (docs/debugging.md#frame-breakpoints): direction, connection, what the payload must
// contain (text, regex, a JSON field), on/off; every change sends the whole list.
import type { BreakpointMatch, BreakpointRule } from '../../shared/debugging/breakpoint-rules';
import { breakpointRuleProblem } from '../../shared/debugging/breakpoint-rules';

export interface BreakpointsEditorProps {
  rules: readonly BreakpointRule[];
  onChange(rules: BreakpointRule[]): void;
  onAdd(): void;
}

function matchWith(kind: BreakpointMatch['kind'], previous: BreakpointMatch): BreakpointMatch {
  const text = previous.kind === 'text' ? previous.text : previous.kind === 'regex' ? previous.pattern : previous.kind === 'field' ? previous.equals : 'type';
  if (kind === 'any') return { kind };
  if (kind === 'regex') return { kind, pattern: text || '.', flags: '' };
  if (kind === 'field') return { kind, path: 'type', equals: text };
  return { kind, text: text || 'type' };
}

function MatchFields({ match, onChange }: { match: BreakpointMatch; onChange(match: BreakpointMatch): void }) {
  switch (match.kind) {
    case 'any':
      return null;
    case 'text':
      return <input aria-label="payload contains" placeholder="text" value={match.text} onChange={(event) => onChange({ ...match, text: event.target.value || ' ' })} />;
    case 'regex':
      return <input aria-label="payload regex" className="mono" value={match.pattern} onChange={(event) => onChange({ ...match, pattern: event.target.value || '.' })} />;
    case 'field':
      return (
        <>
          <input aria-label="field path" className="mono" placeholder="a.b.c" value={match.path} onChange={(event) => onChange({ ...match, path: event.target.value || 'type' })} />
          <span>=</span>
          <input aria-label="field value" value={match.equals} onChange={(event) => onChange({ ...match, equals: event.target.value })} />
        </>
      );
  }
}

export function BreakpointsEditor({ rules, onChange, onAdd }: BreakpointsEditorProps) {
  const update = (index: number, patch: Partial<BreakpointRule>) => onChange(rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)));
  return (
    <div className="debug-rules" aria-label="breakpoint rules">
      {rules.length === 0 && <p className="msd-muted">No breakpoints. A rule pauses matching frames before they reach the app or the server.</p>}
      {rules.map((rule, index) => {
        const problem = breakpointRuleProblem(rule);
        return (
          <div className="debug-rule" key={rule.id} data-rule={rule.id}>
            <input type="checkbox" aria-label={`enable ${rule.id}`} checked={rule.enabled} onChange={(event) => update(index, { enabled: event.target.checked })} />
            <select aria-label="direction" value={rule.direction} onChange={(event) => update(index, { direction: event.target.value as BreakpointRule['direction'] })}>
              <option value="in">↓ in (to the app)</option>
              <option value="out">↑ out (to the server)</option>
              <option value="both">both</option>
            </select>
            <input aria-label="connection" placeholder="any connection (id or URL text)" value={rule.connection} onChange={(event) => update(index, { connection: event.target.value })} />
            <select aria-label="match" value={rule.match.kind} onChange={(event) => update(index, { match: matchWith(event.target.value as BreakpointMatch['kind'], rule.match) })}>
              <option value="text">contains</option>
              <option value="regex">regex</option>
              <option value="field">JSON field</option>
              <option value="any">every frame</option>
            </select>
            <MatchFields match={rule.match} onChange={(match) => update(index, { match })} />
            <button type="button" aria-label={`remove ${rule.id}`} onClick={() => onChange(rules.filter((_, at) => at !== index))}>
              ✕
            </button>
            {problem && <span className="debug-problem" role="alert">{problem}</span>}
          </div>
        );
      })}
      <button type="button" onClick={onAdd}>
        Add breakpoint
      </button>
    </div>
  );
}
