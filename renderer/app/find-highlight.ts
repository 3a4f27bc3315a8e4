// Marks the current Find match where it shows: the selected row's Preview cell and the inspector, with
// the CSS Custom Highlight API (ranges over existing text nodes: no re-render, no DOM change). Re-applied
// after the DOM under the workspace changes, at most once per frame.
import { useEffect } from 'react';
import { useFindStore } from '../frame-log/find-store';

const HIGHLIGHT = 'find-match';
const WHERE = '.log-row.selected .c-preview, .inspector';

export function useFindHighlight(root: () => HTMLElement | null): void {
  // Subscribed outside React: opening Find or typing in it must not re-render the whole panel.
  useEffect(() => {
    let stop: (() => void) | undefined;
    const follow = (open: boolean, query: string) => {
      stop?.();
      stop = highlightWhileOpen(root(), open, query);
    };
    const initial = useFindStore.getState();
    follow(initial.open, initial.query);
    const unsubscribe = useFindStore.subscribe((state, previous) => {
      if (state.open !== previous.open || state.query !== previous.query) follow(state.open, state.query);
    });
    return () => {
      unsubscribe();
      stop?.();
    };
  }, [root]);
}

/** Keeps the highlight on `query` under `element` while Find is open; returns the stop function. */
function highlightWhileOpen(element: HTMLElement | null, open: boolean, query: string): (() => void) | undefined {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || !element) return undefined;
  if (!open || query === '') {
    CSS.highlights.delete(HIGHLIGHT);
    return undefined;
  }
  let frame = 0;
  const apply = () => {
    frame = 0;
    CSS.highlights.set(HIGHLIGHT, new Highlight(...rangesOf(element, query.toLowerCase())));
  };
  const observer = new MutationObserver(() => {
    frame ||= requestAnimationFrame(apply);
  });
  observer.observe(element, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  apply();
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
    CSS.highlights.delete(HIGHLIGHT);
  };
}

/** Ranges of every occurrence of `needle` in the text under the highlighted places (at most 200). */
function rangesOf(root: HTMLElement, needle: string): Range[] {
  const ranges: Range[] = [];
  for (const container of root.querySelectorAll(WHERE)) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && ranges.length < 200; node = walker.nextNode()) {
      const text = (node.nodeValue ?? '').toLowerCase();
      for (let at = text.indexOf(needle); at >= 0 && ranges.length < 200; at = text.indexOf(needle, at + needle.length)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        ranges.push(range);
      }
    }
  }
  return ranges;
}
