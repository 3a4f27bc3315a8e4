// The saved-session side of the sessions measurement, in the engine child after its flood: the session
// is closed, exported as HAR through the streamed writer into a checking sink (never held whole), and the
// HAR's receive frames are checked to be the flood's frames in order ("<n>:xxx…", n = 0, 1, 2, …).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { CAPTURE_CREATOR } from '../../main/core/capture-export';
import type { CaptureRecorder } from '../../main/core/session-store/capture-recorder';
import type { SessionStore } from '../../main/core/session-store/session-store';
import { streamHar } from '../../main/core/session-store/stream-export';

export interface SessionCheck {
  entries: number;
  /** The session's file on disk. */
  bytes: number;
  harBytes: number;
  /** Text `_webSocketMessages` items of type receive, and whether they are the flood's frames 0…n-1 in order. */
  receiveFrames: number;
  inOrder: boolean;
  exportMs: number;
  /** The panel's text filter over the whole session in the engine (session-filter.ts): time, matches, longest event-loop delay meanwhile. */
  filterMs: number;
  filterMatches: number;
  filterLoopMaxMs: number;
  /** RSS after the export (the end of the run) and the process's peak RSS, MB. */
  rssMB: number;
  maxRssMB: number;
}

/**
 * The streamed HAR writes one message item per line (stream-export.ts), so the sink checks line by line;
 * a line that is a receive item is parsed and its payload's flood number must be the next one.
 */
class ReceiveOrderSink extends Writable {
  bytes = 0;
  receiveFrames = 0;
  inOrder = true;
  private rest = '';

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.bytes += chunk.length;
    const lines = (this.rest + chunk.toString('utf8')).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) this.check(line);
    done();
  }

  private check(line: string): void {
    if (!line.startsWith('{"type":"receive"')) return;
    // A connection's last item is followed on its line by the end of its message list and its events.
    const listEnd = line.indexOf('],"_events":');
    const item = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : listEnd >= 0 ? line.slice(0, listEnd) : line) as { opcode: number; data: string };
    if (item.opcode !== 1) return; // the closing handshake's close frame is a receive item too
    if (Number(item.data.slice(0, item.data.indexOf(':'))) !== this.receiveFrames) this.inOrder = false;
    this.receiveFrames += 1;
  }
}

export async function checkSession(recorder: CaptureRecorder, store: SessionStore): Promise<SessionCheck> {
  const info = await recorder.stop();
  const sink = new ReceiveOrderSink();
  const started = performance.now();
  await streamHar((range) => store.entries(info.id, range), sink, { creator: CAPTURE_CREATOR });
  const exportMs = performance.now() - started;
  // A text that matches one flood frame in ten thousand ("<n>:" with n ending in 0000), as a user narrowing a run down.
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const filterStarted = performance.now();
  const filtered = await store.filter(info.id, '^\\d*0000:');
  const filterMs = performance.now() - filterStarted;
  loop.disable();
  await store.close();
  return {
    entries: info.entries,
    bytes: info.bytes,
    harBytes: sink.bytes,
    receiveFrames: sink.receiveFrames,
    inOrder: sink.inOrder,
    exportMs,
    filterMs,
    filterMatches: filtered.seqs.length,
    filterLoopMaxMs: loop.max / 1e6,
    rssMB: process.memoryUsage().rss / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1e3,
  };
}
