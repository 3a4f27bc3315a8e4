// my.pageScrollTo (docs/miniprogram-runtime.md "Page scrolling"): the view scrolls the page on top to `scrollTop`
// (px), or to the first element matching `selector` when no `scrollTop` is given (the number wins, as the
// framework documents). Anything else fails with 2. Success comes once the view has the request, not after the
// scroll ends (no callback waits for an animation).
import type { ViewQuestion } from '../../../shared/miniprogram/view-logic-protocol';
import type { LogicContext } from './logic-context';
import { asyncApi, type RouteApi } from './route-apis';

export function createPageScrollApi(context: LogicContext, ask: (question: ViewQuestion) => Promise<unknown>): { pageScrollTo: RouteApi } {
  return {
    pageScrollTo: asyncApi(context, (options) => {
      const { scrollTop, selector, duration } = options;
      const byNumber = typeof scrollTop === 'number' && Number.isFinite(scrollTop);
      if (!byNumber && (typeof selector !== 'string' || selector.trim() === '')) {
        return { ok: false, error: 2, errorMessage: 'pageScrollTo: give scrollTop (a number of px) or selector (a string)' };
      }
      const target = byNumber ? { scrollTop: Math.max(0, scrollTop) } : { selector: String(selector) };
      void ask({ kind: 'page-scroll', ...target, duration: typeof duration === 'number' && duration > 0 ? duration : 0 });
      return { ok: true };
    }),
  };
}
