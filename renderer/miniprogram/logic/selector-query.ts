// my.createSelectorQuery (docs/miniprogram-runtime.md#references §9.9): select / selectAll / selectViewport,
// then boundingClientRect / scrollOffset / fields / node (each with an optional callback), then exec(callback)
// — the view measures the top page and answers one result per request, in order
// (docs/behaviour.md#selector-queries).
import type { Json } from '../../../shared/json';
import type { SelectorRequest, ViewQuestion } from '../../../shared/miniprogram/view-logic-protocol';
import { invoke, type LogicContext } from './logic-context';
import { readSelectorFields } from './selector-fields';

type Callback = (result: unknown) => void;

export interface NodesRef {
  boundingClientRect(callback?: Callback): SelectorQuery;
  scrollOffset(callback?: Callback): SelectorQuery;
  fields(spec: unknown, callback?: Callback): SelectorQuery;
  node(callback?: Callback): SelectorQuery;
}

export interface SelectorQuery {
  select(selector: unknown): NodesRef;
  selectAll(selector: unknown): NodesRef;
  selectViewport(): NodesRef;
  exec(callback?: Callback): void;
}

type Ask = (question: ViewQuestion) => Promise<Json>;

/** `my.createSelectorQuery`: queries of the page on top. */
export function createSelectorQueryApi(context: LogicContext, ask: Ask): { createSelectorQuery(): SelectorQuery } {
  return { createSelectorQuery: () => createSelectorQuery(context, ask) };
}

/** One query; with `pageId` it searches that page (`this.createSelectorQuery()`), else the page on top. */
export function createSelectorQuery(context: LogicContext, ask: Ask, pageId?: number): SelectorQuery {
  const requests: SelectorRequest[] = [];
  const callbacks: (Callback | undefined)[] = [];
  const query: SelectorQuery = {
    select: (selector) => nodes(selector, false),
    selectAll: (selector) => nodes(selector, true),
    selectViewport: () => nodes(null, false),
    exec(callback) {
      const asked = requests.splice(0);
      const each = callbacks.splice(0);
      void ask({ kind: 'query', requests: asked, ...(pageId === undefined ? {} : { pageId }) }).then((answer) => {
        const results = Array.isArray(answer) ? answer : asked.map(() => null);
        each.forEach((run, index) => run && invoke(context, () => run(results[index] ?? null)));
        if (typeof callback === 'function') invoke(context, () => callback(results));
      });
    },
  };

  function nodes(selector: unknown, all: boolean): NodesRef {
    if (selector !== null && (typeof selector !== 'string' || selector.trim() === '')) {
      context.warn(`createSelectorQuery: ${all ? 'selectAll' : 'select'} needs a CSS selector string; the result is null`);
    }
    const add = (field: SelectorRequest['field'], callback?: Callback, extra: Pick<SelectorRequest, 'fields'> = {}): SelectorQuery => {
      requests.push({ selector: typeof selector === 'string' ? selector : selector === null ? null : '', all, field, ...extra });
      callbacks.push(typeof callback === 'function' ? callback : undefined);
      return query;
    };
    return {
      boundingClientRect: (callback) => add('rect', callback),
      scrollOffset: (callback) => add('scroll', callback),
      fields(spec, callback) {
        const { fields, ignored } = readSelectorFields(spec);
        if (ignored.length > 0) context.warn(`createSelectorQuery: fields() does not answer ${ignored.join(', ')} in the preview`);
        return add('fields', callback, { fields });
      },
      // A native node (canvas, scroll-view context) lives in the view; the logic Worker cannot hold one.
      node(callback) {
        context.warn('createSelectorQuery: node() is not available in the preview (the page logic runs apart from the view); the result is null');
        return add('node', callback);
      },
    };
  }
  return query;
}
