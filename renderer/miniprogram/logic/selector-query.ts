// my.createSelectorQuery (docs/miniprogram-runtime.md#references §9.9): select / selectAll / selectViewport,
// then boundingClientRect / scrollOffset (each with an optional callback), then exec(callback) — the view
// measures the top page and answers one result per request, in order (docs/behaviour.md#selector-queries).
import type { Json } from '../../../shared/json';
import type { SelectorRequest, ViewQuestion } from '../../../shared/miniprogram/view-logic-protocol';
import { invoke, type LogicContext } from './logic-context';

type Callback = (result: unknown) => void;

export interface NodesRef {
  boundingClientRect(callback?: Callback): SelectorQuery;
  scrollOffset(callback?: Callback): SelectorQuery;
}

export interface SelectorQuery {
  select(selector: unknown): NodesRef;
  selectAll(selector: unknown): NodesRef;
  selectViewport(): NodesRef;
  exec(callback?: Callback): void;
}

export function createSelectorQueryApi(context: LogicContext, ask: (question: ViewQuestion) => Promise<Json>): { createSelectorQuery(): SelectorQuery } {
  return {
    createSelectorQuery() {
      const requests: SelectorRequest[] = [];
      const callbacks: (Callback | undefined)[] = [];
      const query: SelectorQuery = {
        select: (selector) => nodes(selector, false),
        selectAll: (selector) => nodes(selector, true),
        selectViewport: () => nodes(null, false),
        exec(callback) {
          const asked = requests.splice(0);
          const each = callbacks.splice(0);
          void ask({ kind: 'query', requests: asked }).then((answer) => {
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
        const add = (field: SelectorRequest['field'], callback?: Callback): SelectorQuery => {
          requests.push({ selector: typeof selector === 'string' ? selector : selector === null ? null : '', all, field });
          callbacks.push(typeof callback === 'function' ? callback : undefined);
          return query;
        };
        return { boundingClientRect: (callback) => add('rect', callback), scrollOffset: (callback) => add('scroll', callback) };
      }
      return query;
    },
  };
}
