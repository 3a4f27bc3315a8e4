// The breakpoint rules (docs/debugging.md#frame-breakpoints): direction, connection, what the payload must
// contain (text, regex, a JSON field, a decoded field), on/off; every change sends the whole list.
import type { BreakpointMatch, BreakpointRule } from '../../shared/debugging/breakpoint-rules';
import { breakpointRuleProblem } from '../../shared/debugging/breakpoint-rules';

export interface BreakpointsEditorProps {
  rules: readonly BreakpointRule[];
  onChange(rules: BreakpointRule[]): void;
  onAdd(): void;
}

function textOf(match: BreakpointMatch): string {
  switch (match.kind) {
    case 'text':
      return match.text;
    case 'regex':
    case 'decoded':
      return match.pattern;
    case 'field':
      return match.equals;
    case 'any':
      return 'type';
  }
}

function matchWith(kind: BreakpointMatch['kind'], previous: BreakpointMatch): BreakpointMatch {
  const text = textOf(previous);
  if (kind === 'any') return { kind };
  if (kind === 'regex') return { kind, pattern: text || '.', flags: '' };
  if (kind === 'field') return { kind, path: 'type', equals: text };
  if (kind === 'decoded') return { kind, field: 'topic', pattern: text || '.' };
  return { kind, text: text || 'type' };
}

const DECODED_FIELDS = ['event', 'topic', 'type'] as const;
const RULE_DECODERS = ['socket.io', 'mqtt', 'stomp', 'msgpack'] as const;
/** The connection field's hint; also its tooltip, since the rule's row cuts the placeholder. */
const ANY_CONNECTION = 'any connection (id or URL text)';

/** A decoded-field rule: which field, its pattern, and the decoder (the connection's detected one unless set). */
function DecodedMatchFields({ match, onChange }: { match: Extract<BreakpointMatch, { kind: 'decoded' }>; onChange(match: BreakpointMatch): void }) {
  return (
    <>
      <select aria-label="decoded field" value={match.field} onChange={(event) => onChange({ ...match, field: event.target.value as (typeof DECODED_FIELDS)[number] })}>
        {DECODED_FIELDS.map((field) => (
          <option key={field} value={field}>
            {field}
          </option>
        ))}
      </select>
      <input aria-label="decoded field regex" className="mono" value={match.pattern} onChange={(event) => onChange({ ...match, pattern: event.target.value || '.' })} />
      <select
        aria-label="rule decoder"
        value={match.decoder ?? 'detected'}
        onChange={(event) => {
          const { decoder: _previous, ...rest } = match;
          const value = event.target.value;
          onChange(value === 'detected' ? rest : { ...rest, decoder: value as (typeof RULE_DECODERS)[number] });
        }}
      >
        <option value="detected">detected decoder</option>
        {RULE_DECODERS.map((decoder) => (
          <option key={decoder} value={decoder}>
            {decoder}
          </option>
        ))}
      </select>
    </>
  );
}

function MatchFields({ match, onChange }: { match: BreakpointMatch; onChange(match: BreakpointMatch): void }) {
  switch (match.kind) {
    case 'any':
      return null;
    case 'text':
      return <input aria-label="payload contains" placeholder="text" value={match.text} onChange={(event) => onChange({ ...match, text: event.target.value || ' ' })} />;
    case 'regex':
      return <input aria-label="payload regex" className="mono" value={match.pattern} onChange={(event) => onChange({ ...match, pattern: event.target.value || '.' })} />;
    case 'decoded':
      return <DecodedMatchFields match={match} onChange={onChange} />;
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
          <div className={`debug-rule breakpoint-rule ${rule.enabled ? 'is-on' : 'is-off'}`} key={rule.id} data-rule={rule.id}>
            <label className="breakpoint-switch">
              <input type="checkbox" aria-label={`enable ${rule.id}`} checked={rule.enabled} onChange={(event) => update(index, { enabled: event.target.checked })} />
              {rule.id}
            </label>
            <select aria-label="direction" value={rule.direction} onChange={(event) => update(index, { direction: event.target.value as BreakpointRule['direction'] })}>
              <option value="in">↓ in (to the app)</option>
              <option value="out">↑ out (to the server)</option>
              <option value="both">both</option>
            </select>
            <input aria-label="connection" placeholder={ANY_CONNECTION} title={ANY_CONNECTION} value={rule.connection} onChange={(event) => update(index, { connection: event.target.value })} />
            <select aria-label="match" value={rule.match.kind} onChange={(event) => update(index, { match: matchWith(event.target.value as BreakpointMatch['kind'], rule.match) })}>
              <option value="text">contains</option>
              <option value="regex">regex</option>
              <option value="field">JSON field</option>
              <option value="decoded">decoded field</option>
              <option value="any">every frame</option>
            </select>
            <MatchFields match={rule.match} onChange={(match) => update(index, { match })} />
            <button type="button" aria-label={`remove ${rule.id}`} onClick={() => onChange(rules.filter((_, at) => at !== index))}>
              ✕
            </button>
            {problem && <span className="debug-problem" role="alert">{problem}</span>}
            {!problem && !rule.enabled && (
              <span className="breakpoint-off-hint">
                <strong>off</strong>: tick it to hold frames
              </span>
            )}
          </div>
        );
      })}
      <button type="button" onClick={onAdd}>
        Add breakpoint
      </button>
    </div>
  );
}
