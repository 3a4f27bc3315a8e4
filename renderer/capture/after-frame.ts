// A task of its own right after the next animation frame has been rendered. Work that changes the DOM runs
// there rather than in the frame's callbacks, so its script and the layout and paint it causes are two
// tasks, not one long one; work that reads layout runs there after the frame laid the page out, so it
// forces no layout (docs/architecture.md#keeping-the-panels-frames-short).

/** Runs `callback` in a task after the next rendered frame; returns a function that cancels it. */
export function afterNextFrame(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
