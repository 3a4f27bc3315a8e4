// Long `a:for` lists mount in slices, one slice per task, so that no main-thread task grows with the length of a
// list (the "no task over 50 ms"; docs/miniprogram-runtime.md "Long lists"). A list renders its first
// FIRST_SLICE new items at once; the rest follow in later tasks, each slice sized from the time the previous one
// took per item so that it stays near SLICE_BUDGET_MS whatever the machine's load. One slice runs per animation
// frame, so the style and layout of each slice's rows happen in a frame of their own. `whenListsMounted` delays
// what promises a finished render (`rendered`, `page-ready`) until no list has items left to mount.

/** A list with items still to mount; `growSlice` mounts the next slice (its render happens in this task). */
export interface SlicedList {
  growSlice(): void;
}

/** New items a list mounts within the render that brought them. */
export const FIRST_SLICE = 50;
/** Script time aimed at for one slice (render + DOM creation), leaving room for the frame's style and layout. */
export const SLICE_BUDGET_MS = 5;
const MIN_SLICE = 5;
const MAX_SLICE = 200;
/** A frame that does not come (a throttled, off-screen iframe) holds the next slice back at most this long. */
const FRAME_WAIT_MS = 100;

const unfinished = new Set<SlicedList>();
const queue: SlicedList[] = [];
let afterMounted: Array<() => void> = [];
let taskPosted = false;

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-visible' }): Promise<void>;
}

/** A new task: `scheduler.postTask` where the browser has it (not clamped like nested timers), else a timer. */
function postTask(callback: () => void): void {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (scheduler === undefined) setTimeout(callback, 0);
  else void scheduler.postTask(callback, { priority: 'user-visible' });
}

/** A task after the next animation frame, or after FRAME_WAIT_MS when no frame comes (no frames at all: now). */
function postAfterFrame(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return postTask(callback);
  let ran = false;
  const once = (): void => {
    if (ran) return;
    ran = true;
    clearTimeout(fallback);
    callback();
  };
  const fallback = setTimeout(once, FRAME_WAIT_MS);
  requestAnimationFrame(() => postTask(once));
}

function runSlice(): void {
  taskPosted = false;
  const list = queue.shift();
  if (list !== undefined && unfinished.has(list)) list.growSlice();
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (taskPosted) return;
  taskPosted = true;
  postAfterFrame(runSlice);
}

/** Called after each commit of a list: queues its next slice while it has items left, else marks it done. */
export function listCommitted(list: SlicedList, complete: boolean): void {
  if (complete) return listGone(list);
  unfinished.add(list);
  if (!queue.includes(list)) queue.push(list);
  schedule();
}

/** A list finished or unmounted; the last one to go runs what waited for all lists to be mounted. */
export function listGone(list: SlicedList): void {
  if (!unfinished.delete(list) || unfinished.size > 0) return;
  const callbacks = afterMounted;
  afterMounted = [];
  for (const callback of callbacks) callback();
}

/** Runs `callback` now when every list is fully mounted, else once the last slice has rendered. */
export function whenListsMounted(callback: () => void): void {
  if (unfinished.size === 0) callback();
  else afterMounted.push(callback);
}

/** Items for the next slice, from the time the last slice took per item. */
export function nextSliceSize(elapsedMs: number, items: number): number {
  const perItem = elapsedMs / Math.max(items, 1);
  if (perItem <= 0) return MAX_SLICE;
  return Math.max(MIN_SLICE, Math.min(MAX_SLICE, Math.floor(SLICE_BUDGET_MS / perItem)));
}
