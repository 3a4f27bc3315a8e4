// The event object handlers receive (docs/miniprogram-runtime.md#references §5.6): `currentTarget` is the element that bound the
// handler; Alipay's `target.dataset` is that element's dataset too, while `target.id`/`tagName` name the
// element actually touched.
import type { Json } from '../../../shared/json';
import type { MiniEvent } from '../../../shared/miniprogram/view-logic-protocol';
import { MARK_ATTRIBUTE } from './builtins/builtin-props';

type Dataset = Record<string, Json>;

/** `data-alpha-beta` → `alphaBeta`, from the element's props (values bound with `{{ }}` keep their type). */
export function datasetOf(props: Record<string, unknown>): Dataset {
  const dataset: Dataset = {};
  for (const [name, value] of Object.entries(props)) {
    if (!name.startsWith('data-')) continue;
    const key = name.slice(5).replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    dataset[key] = toJson(value);
  }
  return dataset;
}

/** Only JSON crosses to the logic; SJS functions and undefined become null. */
export function toJson(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const result: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined && typeof item !== 'function') result[key] = toJson(item);
    return result;
  }
  return null;
}

/** The basic-component tag of a rendered element (its `a-<tag>` class), else the DOM tag name. */
export function miniTagOf(element: Element | null): string {
  let node = element;
  while (node !== null) {
    for (const name of node.classList) if (name.startsWith('a-')) return name.slice(2);
    node = node.parentElement;
  }
  return element?.tagName.toLowerCase() ?? '';
}

/** `mark:*` values from `element` up to the document, merged with the nearer element's value winning (§5.6, 2.8.5+). */
export function markOf(element: Element | null): Record<string, Json> {
  const mark: Record<string, Json> = {};
  for (let node = element; node !== null; node = node.parentElement) {
    const own = node.getAttribute(MARK_ATTRIBUTE);
    if (own === null) continue;
    for (const [name, value] of Object.entries(JSON.parse(own) as Record<string, Json>)) if (!(name in mark)) mark[name] = value;
  }
  return mark;
}

export function createMiniEvent(
  type: string,
  binding: { tag: string; props: Record<string, unknown> },
  domEvent: Event | undefined,
  detail: Json,
): MiniEvent {
  const dataset = datasetOf(binding.props);
  const id = typeof binding.props.id === 'string' ? binding.props.id : '';
  const touched = domEvent?.target instanceof Element ? domEvent.target : null;
  const touchedMini = touched?.closest('[class*="a-"]') ?? null;
  return {
    type,
    timeStamp: Math.round(domEvent?.timeStamp ?? performance.now()),
    target: { id: touchedMini?.id || id, tagName: touchedMini ? miniTagOf(touchedMini) : binding.tag, dataset },
    currentTarget: { id, tagName: binding.tag, dataset },
    detail,
    mark: touched === null ? {} : markOf(touched),
  };
}
