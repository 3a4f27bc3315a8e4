// Plays one recording to one connected client: the recorded server messages in order, at their recorded
// times divided by the speed (or at once), optionally waiting for each recorded app message and checking it,
// then the recorded ending (close code, dropped connection, or waiting for the client to close). Every
// timer is cleared when the client leaves; gaps are bounded.
import type { RawData, WebSocket } from 'ws';
import type { ReplayOptions, ReplayPlay, ReplayRecording, ReplayStep } from '../../shared/replay';

/** The longest single wait between two recorded events, after compression. */
export const MAX_REPLAY_GAP_MS = 10 * 60 * 1000;
/** Messages sent back to back before the player yields to the event loop (and to the socket's backpressure). */
const BURST = 256;
/** Outgoing bytes buffered before the player waits for the socket to drain. */
const HIGH_WATER_BYTES = 4 * 1024 * 1024;
/** Close code and reason length for a client that sent something else than the recording. */
const MISMATCH_CODE = 1008;
const MAX_REASON_BYTES = 123;

/** A play in progress: its state now, and a way to stop it (the lab closing). */
export interface ReplayPlayer {
  state(): ReplayPlay;
  stop(): void;
}

/** What the client sent, as a recorded step would carry it. */
interface Received {
  kind: 'text' | 'binary';
  data: string;
}

/** Starts playing `recording` on the open server-side socket `ws`; `onChange` hears every state change. */
export function playRecording(ws: WebSocket, recording: ReplayRecording, options: ReplayOptions, onChange: (play: ReplayPlay) => void): ReplayPlayer {
  const play: ReplayPlay = { state: 'playing', sent: 0, matched: 0, detail: 'playing' };
  const notify = (): void => onChange({ ...play });
  const steps = recording.steps;
  const inbox: Received[] = [];
  let index = 0;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  let waitingForClient = false;
  // The recording's clock is re-anchored to now whenever the player had to wait for the client.
  let anchorNow = performance.now();
  let anchorAt = 0;

  function update(state: ReplayPlay['state'], detail: string): void {
    play.state = state;
    play.detail = detail;
    notify();
  }

  function finish(state: ReplayPlay['state'], detail: string): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    update(state, detail);
  }

  function delayUntil(atMs: number): number {
    if (options.speed === 0) return 0;
    const due = (atMs - anchorAt) / options.speed - (performance.now() - anchorNow);
    return Math.min(MAX_REPLAY_GAP_MS, Math.max(0, due));
  }

  function wait(ms: number, then: () => void): void {
    timer = setTimeout(then, ms);
    timer.unref();
  }

  function send(step: ReplayStep): void {
    ws.send(step.kind === 'binary' ? Buffer.from(step.data, 'base64') : step.data, { binary: step.kind === 'binary' });
    play.sent += 1;
  }

  function matches(step: ReplayStep, got: Received): boolean {
    return step.kind === got.kind && step.data === got.data;
  }

  function advance(): void {
    let burst = 0;
    const pause = (ms: number): void => {
      if (burst > 0) notify();
      wait(ms, advance);
    };
    while (!finished && index < steps.length) {
      if (ws.readyState !== ws.OPEN) return;
      const step = steps[index] as ReplayStep;
      if (step.direction === 'out') {
        if (!options.matchSent) {
          index += 1;
          continue;
        }
        const got = inbox.shift();
        if (!got) {
          waitingForClient = true;
          return;
        }
        if (!matches(step, got)) {
          const detail = `the client's message ${play.matched + 1} differs from the recording: expected ${preview(step)}, got ${preview(got)}`;
          ws.close(MISMATCH_CODE, fitReason(`replay mismatch at app message ${play.matched + 1}`));
          finish('mismatch', detail);
          return;
        }
        play.matched += 1;
        index += 1;
        anchorNow = performance.now();
        anchorAt = step.atMs;
        notify();
        continue;
      }
      const delay = delayUntil(step.atMs);
      if (delay > 0) {
        pause(delay);
        return;
      }
      if (burst >= BURST || ws.bufferedAmount > HIGH_WATER_BYTES) {
        pause(ws.bufferedAmount > HIGH_WATER_BYTES ? 5 : 0);
        return;
      }
      send(step);
      index += 1;
      burst += 1;
    }
    if (burst > 0) notify();
    if (!finished && index >= steps.length) end();
  }

  function end(): void {
    const { end: ending } = recording;
    if (ending.kind === 'open') {
      update('playing', 'every recorded message was sent; the connection stays open as it was when recorded');
      return;
    }
    if (ending.kind === 'client-close') {
      update('playing', 'every recorded message was sent; waiting for the client to close, as the app did in the recording');
      return;
    }
    const delay = delayUntil(ending.atMs);
    if (delay > 0) {
      wait(delay, end);
      return;
    }
    if (ending.kind === 'drop') {
      ws.terminate();
      finish('done', 'dropped the connection without a close frame, as recorded (the client sees 1006)');
      return;
    }
    if (ending.code === undefined) ws.close();
    else ws.close(ending.code, fitReason(ending.reason));
    finish('done', `closed with ${ending.code ?? 'no status (1005)'}${ending.reason ? ` "${ending.reason}"` : ''}, as recorded`);
  }

  ws.on('message', (raw: RawData, isBinary: boolean) => {
    if (finished || !options.matchSent) return;
    const buffer = rawToBuffer(raw);
    inbox.push(isBinary ? { kind: 'binary', data: buffer.toString('base64') } : { kind: 'text', data: buffer.toString() });
    if (waitingForClient) {
      waitingForClient = false;
      advance();
    }
  });
  ws.on('close', (code) => {
    if (finished) return;
    const left = index >= steps.length ? 'the client closed' : `the client closed after ${play.sent} of ${countServerSteps(steps)} server messages`;
    finish(index >= steps.length ? 'done' : 'client-closed', `${left} (${code})`);
  });

  advance();
  return {
    state: () => ({ ...play }),
    stop() {
      clearTimeout(timer);
      finished = true;
    },
  };
}

function rawToBuffer(raw: RawData): Buffer {
  if (Array.isArray(raw)) return Buffer.concat(raw);
  return Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
}

function countServerSteps(steps: readonly ReplayStep[]): number {
  return steps.reduce((count, step) => count + (step.direction === 'in' ? 1 : 0), 0);
}

function preview(message: { kind: 'text' | 'binary'; data: string }): string {
  const text = message.data.length > 40 ? `${message.data.slice(0, 40)}…` : message.data;
  return `${message.kind} ${JSON.stringify(text)}`;
}

/** A close reason cut to the 123 bytes a close frame allows. */
function fitReason(reason: string): string {
  let out = reason;
  while (Buffer.byteLength(out) > MAX_REASON_BYTES) out = out.slice(0, -1);
  return out;
}
