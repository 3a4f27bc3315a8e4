// In-page scripts (sent as text over CDP) for the decoder measurement on the product path: focus the frame
// log's filter box (the text is then typed with Input.insertText, as a user types it), read how many rows the
// log shows, and the rate at which the engine recorded the biggest incoming flood the panel holds.

/** Focuses the filter box and selects its text, so typed text replaces it; true when it has the focus. */
export const FOCUS_FILTER_BOX = `(() => {
  const input = document.querySelector('input[aria-label="Filter text or regex"]');
  if (!input) return false;
  input.focus();
  input.select();
  return document.activeElement === input;
})()`;

/** The frame log's row count (its grid's aria-rowcount; 0 when the log shows its empty message). */
export const SHOWN_ROWS = `Number(document.querySelector('[aria-rowcount]')?.getAttribute('aria-rowcount') ?? 0)`;

/** The incoming data frames (text, binary) of the connection with the most of them, and the engine's monotonic ms of its first and last. */
export interface EngineFloodSpan {
  frames: number;
  firstMs: number;
  lastMs: number;
}

/** Reads the span from the e2e hook's summaries of every held entry. */
export const ENGINE_FLOOD_SPAN = `(() => {
  const hook = window.__devtoolsTest;
  const spans = new Map();
  for (const entry of hook.slice(0, hook.ringSize)) {
    if (entry.kind !== 'frame' || entry.direction !== 'in' || (entry.name !== 'text' && entry.name !== 'binary')) continue;
    const span = spans.get(entry.connectionId) ?? { frames: 0, firstMs: entry.monoTime, lastMs: entry.monoTime };
    span.frames += 1;
    span.lastMs = entry.monoTime;
    spans.set(entry.connectionId, span);
  }
  return [...spans.values()].sort((a, b) => b.frames - a.frames)[0] ?? { frames: 0, firstMs: 0, lastMs: 0 };
})()`;
