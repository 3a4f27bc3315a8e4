// A collapsible tree of a parsed JSON payload. Keys and values are rendered as text nodes (never HTML);
// objects and arrays open to two levels at first, and very long containers show their first items only.
import { useState } from 'react';
import type { Json } from '../../shared/json';

const OPEN_DEPTH = 2;
const MAX_CHILDREN = 500;

/** The tree of `value`, its root open. */
export function JsonTree({ value }: { value: Json }) {
  return (
    <div className="json-tree" role="tree">
      <JsonNode name={null} value={value} depth={0} />
    </div>
  );
}

function JsonNode({ name, value, depth }: { name: string | null; value: Json; depth: number }) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const label = name === null ? null : <span className="json-key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-row" role="treeitem">
        {label}
        <Scalar value={value} />
      </div>
    );
  }
  const children: [string, Json][] = Array.isArray(value) ? value.map((item, i) => [String(i), item]) : Object.entries(value);
  const summary = Array.isArray(value) ? `Array(${children.length})` : `{${children.length} key${children.length === 1 ? '' : 's'}}`;
  return (
    <div className="json-row" role="treeitem" aria-expanded={open}>
      <button type="button" className="json-toggle" onClick={() => setOpen(!open)} aria-label={open ? 'collapse' : 'expand'}>
        {open ? '▾' : '▸'}
      </button>
      {label}
      <span className="json-summary">{summary}</span>
      {open && (
        <div className="json-children" role="group">
          {children.slice(0, MAX_CHILDREN).map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} />
          ))}
          {children.length > MAX_CHILDREN && <div className="json-more">… {children.length - MAX_CHILDREN} more</div>}
        </div>
      )}
    </div>
  );
}

function Scalar({ value }: { value: string | number | boolean | null }) {
  if (typeof value === 'string') return <span className="json-string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="json-boolean">{String(value)}</span>;
  return <span className="json-null">null</span>;
}

/** The payload parsed as JSON when it is an object or array (scalars are shown as text anyway). */
export function parseJsonContainer(text: string): Json | undefined {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}
