// The chat's live ticker: while the connection is open, a small JSON message goes out every 2 s and the echo
// sends it back, so the panel fills without a click. `show(status, state)` receives what to display.
export const TICK_INTERVAL_MS = 2000;

function parseTick(data) {
  if (typeof data !== 'string' || !data.startsWith('{"type":"tick"')) return undefined;
  try {
    const parsed = JSON.parse(data);
    return parsed && parsed.type === 'tick' && typeof parsed.seq === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function createTicker(send, show) {
  let open = false;
  let paused = false;
  let seq = 0;
  let timer;

  const state = () => (paused ? 'paused' : open ? 'running' : 'waiting');
  const report = (text) => show(text, state(), paused);

  function tick() {
    if (!open || paused) return;
    seq += 1;
    const sent = seq;
    send(JSON.stringify({ type: 'tick', seq, sentAt: new Date().toISOString() }), (errorMessage) => report(`Live ticker: tick #${sent} failed: ${errorMessage}`));
    report(`Live ticker: tick #${sent} sent…`);
  }

  function schedule() {
    clearInterval(timer);
    timer = undefined;
    if (!open || paused) return;
    tick();
    timer = setInterval(tick, TICK_INTERVAL_MS);
  }

  return {
    toggle() {
      paused = !paused;
      report(paused ? `Live ticker paused after tick #${seq}` : 'Live ticker resumed');
      schedule();
    },
    opened() {
      open = true;
      report('Live ticker: connected');
      schedule();
    },
    closed() {
      open = false;
      schedule();
      report(paused ? `Live ticker paused after tick #${seq}` : 'Live ticker: waiting for the connection');
    },
    /** True when `data` is a tick's echo (shown in the ticker row, not as a chat line). */
    takeEcho(data) {
      const echoed = parseTick(data);
      if (!echoed) return false;
      if (!paused) report(`Live ticker: tick #${echoed.seq} echoed (every ${TICK_INTERVAL_MS / 1000} s)`);
      return true;
    },
    stop() {
      open = false;
      clearInterval(timer);
    },
  };
}
