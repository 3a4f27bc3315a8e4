// What `NodesRef.fields(spec)` may ask for, read from the page's argument: the flags it names and the CSS
// properties of `computedStyle`; anything else is named in one warning (docs/behaviour.md#selector-queries).
import type { SelectorFields } from '../../../shared/miniprogram/view-logic-protocol';

const FLAGS = ['id', 'dataset', 'rect', 'size', 'scrollOffset'] as const;

/** The fields to measure and the names in `spec` that are not answered (empty when all are). */
export function readSelectorFields(spec: unknown): { fields: SelectorFields; ignored: string[] } {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return { fields: {}, ignored: ['(not an object)'] };
  const fields: SelectorFields = {};
  const ignored: string[] = [];
  for (const [name, value] of Object.entries(spec)) {
    if ((FLAGS as readonly string[]).includes(name)) {
      if (value === true) fields[name as (typeof FLAGS)[number]] = true;
    } else if (name === 'computedStyle' && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      fields.computedStyle = [...(value as string[])];
    } else if (value !== false && value !== undefined) {
      ignored.push(name);
    }
  }
  return { fields, ignored };
}
