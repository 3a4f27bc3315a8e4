// Where each component with relations sits on its page (docs/miniprogram-runtime.md#relations): the logic's
// `getRelationNodes` answers at once and in document order, which only the view can see. A component whose
// `init` says `ordered` starts its render with an empty text node (no box, not counted by `:empty` or
// `:first-child`), so it has a place in the DOM even with no host element and no content; after a render that
// added or moved such a component, the view sends its page's order once (`component-order`) when it changed.
import type { ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';

export interface ComponentPlaces {
  /** Follows a component by the first DOM node of its render; returns the function that stops it. */
  track(pageId: number, instanceId: number, node: () => Node | null | undefined): () => void;
  /** A render added a followed component: report its page's order once that render committed. */
  changed(pageId: number): void;
  /** Reports the page's order now (a committed move, before its `component-moved`, so `linkChanged` sees it). */
  report(pageId: number): void;
}

function documentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export function createComponentPlaces(post: (message: ViewToLogic) => void): ComponentPlaces {
  const pages = new Map<number, Map<number, () => Node | null | undefined>>();
  const lastSent = new Map<number, string>();
  const pending = new Set<number>();

  function report(pageId: number): void {
    const placed: { instanceId: number; node: Node }[] = [];
    for (const [instanceId, node] of pages.get(pageId) ?? []) {
      const found = node();
      if (found?.isConnected === true) placed.push({ instanceId, node: found });
    }
    const instanceIds = placed.sort((a, b) => documentOrder(a.node, b.node)).map((entry) => entry.instanceId);
    const key = instanceIds.join(',');
    if (lastSent.get(pageId) === key) return;
    lastSent.set(pageId, key);
    post({ t: 'component-order', pageId, instanceIds });
  }

  return {
    report,
    track(pageId, instanceId, node) {
      const page = pages.get(pageId) ?? new Map<number, () => Node | null | undefined>();
      pages.set(pageId, page.set(instanceId, node));
      return () => {
        page.delete(instanceId);
        if (page.size === 0) pages.delete(pageId);
      };
    },
    changed(pageId) {
      if (pending.size === 0) {
        queueMicrotask(() => {
          for (const page of [...pending]) report(page);
          pending.clear();
        });
      }
      pending.add(pageId);
    },
  };
}
