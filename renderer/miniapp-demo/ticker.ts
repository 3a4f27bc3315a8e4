// The chat's live ticker: while the single-mode connection is open, a small JSON message goes out every
// couple of seconds and the echo server sends it back, so a new user sees frames, timeline lanes and a
// filled inspector without pressing anything. Its traffic shows in one status row (not as chat lines, so
// the chat stays readable), with a pause/resume toggle.
import { el } from './dom';

/** How often a tick goes out while the connection is open and the ticker runs. */
export const TICK_INTERVAL_MS = 2000;

/** How the ticker sends: the chat's `my.sendSocketMessage`; `failed` gets the errorMessage of a failed send. */
export type TickSender = (text: string, failed: (message: string) => void) => void;

/** The ticker as the chat drives it. */
export interface Ticker {
  /** The status row with the toggle. */
  readonly element: HTMLElement;
  /** The connection opened: a tick goes out at once, then one per interval. */
  opened(): void;
  /** The connection is gone: no more ticks until the next open. */
  closed(): void;
  /** True when `data` is the echo of a tick (shown in the row instead of as a chat line). */
  takeEcho(data: string): boolean;
}

interface TickMessage {
  type: 'tick';
  seq: number;
  sentAt: string;
}

function parseTick(data: string): TickMessage | undefined {
  if (!data.startsWith('{"type":"tick"')) return undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null && (parsed as { type?: unknown }).type === 'tick' && typeof (parsed as { seq?: unknown }).seq === 'number' ? (parsed as TickMessage) : undefined;
  } catch {
    return undefined;
  }
}

/** Creates a ticker that is running (not paused) and waits for the connection to open. */
export function createTicker(send: TickSender): Ticker {
  let open = false;
  let paused = false;
  let seq = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const status = el('span', { className: 'ticker-status grow', dataset: { role: 'ticker-status' } });
  const toggle = el('button', { type: 'button', className: 'ticker-toggle', onClick: () => setPaused(!paused) });
  const dot = el('span', { className: 'ticker-dot' });
  const element = el('div', { className: 'row ticker', dataset: { part: 'ticker' } }, dot, status, toggle);

  function show(text: string): void {
    status.textContent = text;
    element.dataset.state = paused ? 'paused' : open ? 'running' : 'waiting';
    toggle.textContent = paused ? 'Resume' : 'Pause';
    toggle.setAttribute('aria-label', paused ? 'Resume ticker' : 'Pause ticker');
  }

  /** One short blink per echoed tick (an endless CSS animation would keep the compositor busy). */
  function pulse(): void {
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    dot.animate([{ opacity: 0.3 }, { opacity: 1 }], { duration: 600, easing: 'ease-out' });
  }

  function tick(): void {
    if (!open || paused) return;
    seq += 1;
    const message: TickMessage = { type: 'tick', seq, sentAt: new Date().toISOString() };
    const sent = seq;
    send(JSON.stringify(message), (errorMessage) => show(`Live ticker: tick #${sent} failed: ${errorMessage}`));
    show(`Live ticker: tick #${sent} sent…`);
  }

  function schedule(): void {
    clearInterval(timer);
    timer = undefined;
    if (!open || paused) return;
    tick();
    timer = setInterval(tick, TICK_INTERVAL_MS);
  }

  function setPaused(value: boolean): void {
    paused = value;
    show(paused ? `Live ticker paused after tick #${seq}` : 'Live ticker resumed');
    schedule();
  }

  show('Live ticker: waiting for the connection');
  return {
    element,
    opened() {
      open = true;
      show('Live ticker: connected');
      schedule();
    },
    closed() {
      open = false;
      schedule();
      show(paused ? `Live ticker paused after tick #${seq}` : 'Live ticker: waiting for the connection');
    },
    takeEcho(data) {
      const echoed = parseTick(data);
      if (!echoed) return false;
      if (paused) return true;
      show(`Live ticker: tick #${echoed.seq} echoed (every ${TICK_INTERVAL_MS / 1000} s)`);
      pulse();
      return true;
    },
  };
}
