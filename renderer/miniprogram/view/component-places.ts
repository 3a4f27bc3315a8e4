// Where each component with relations sits on its page (docs/miniprogram-runtime.md#relations): the logic's
// `getRelationNodes` answers at once and in document order, which only the view can see. A component whose
// `init` says `ordered` starts its render with an empty text node (no box, not counted by `:empty` or
// `:first-child`), so it has a place in the DOM even with no host element and no content; after a render that
// added or moved such a component, the view sends its page's order once (`component-order`) when it changed.
// A component created inside one with relations may be linked at once (`linked` runs when the logic creates it),
// so it marks its place before its `init` and every message waits until that render committed: then the page's
// order goes first, and the component's `component-create` after it.
import type { ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';

export interface ComponentPlaces {
  /** Follows a component by the first DOM node of its render; returns the function that stops it. */
  track(pageId: number, instanceId: number, node: () => Node | null | undefined): () => void;
  /** A render added a followed component: report its page's order once that render committed. */
  changed(pageId: number): void;
  /** Reports the page's order now (a committed move, before its `component-moved`, so `linkChanged` sees it). */
  report(pageId: number): void;
  /** A component inside one with relations is being created: hold every message until the render committed. */
  hold(pageId: number): void;
  /** Sends a message to the logic, after the held ones. */
  send(message: ViewToLogic): void;
}

function documentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export function createComponentPlaces(post: (message: ViewToLogic) => void): ComponentPlaces {
  const pages = new Map<number, Map<number, () => Node | null | undefined>>();
  const lastSent = new Map<number, string>();
  const pending = new Set<number>();
  const heldPages = new Set<number>();
  let held: ViewToLogic[] | undefined;

  function send(message: ViewToLogic): void {
    if (held === undefined) post(message);
    else held.push(message);
  }

  /** The held pages' order as it is now (it supersedes any held for them), then the held messages. */
  function release(): void {
    const messages = held ?? [];
    held = undefined;
    for (const pageId of heldPages) report(pageId, true);
    for (const message of messages) if (message.t !== 'component-order' || !heldPages.has(message.pageId)) post(message);
    heldPages.clear();
  }

  function report(pageId: number, always = false): void {
    const placed: { instanceId: number; node: Node }[] = [];
    for (const [instanceId, node] of pages.get(pageId) ?? []) {
      const found = node();
      if (found?.isConnected === true) placed.push({ instanceId, node: found });
    }
    const instanceIds = placed.sort((a, b) => documentOrder(a.node, b.node)).map((entry) => entry.instanceId);
    const key = instanceIds.join(',');
    if (!always && lastSent.get(pageId) === key) return;
    lastSent.set(pageId, key);
    send({ t: 'component-order', pageId, instanceIds });
  }

  return {
    report,
    send,
    hold(pageId) {
      heldPages.add(pageId);
      if (held !== undefined) return;
      held = [];
      queueMicrotask(release);
    },
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
