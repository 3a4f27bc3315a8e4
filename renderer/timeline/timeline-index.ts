// The timeline's incremental index over the capture: one lane per connection, each with time-sorted frame
// columns (for the density histogram) and a sparse marker list. Entries are ingested once, as they arrive,
// so a redraw never walks the whole capture.
import type { CaptureEntry } from '../../shared/capture';
import type { MarkerKind } from './classify-entry';
import { classifyEntry, closeCodeOf, isProblem, urlOf } from './classify-entry';
import { TimeSeries } from './time-series';

/** One point-like event on a lane. */
export interface TimelineMarker {
  seq: number;
  time: number;
  kind: MarkerKind;
  /** Error code for errors, close code for closes. */
  code?: number;
}

/** What the timeline knows about one lane. */
export interface LaneInfo {
  /** The connection id, `client:<clientId>` for calls made without a connection, 'engine' for the engine's own entries. */
  key: string;
  connectionId: string;
  clientId: string;
  url: string;
  firstTime: number;
  lastTime: number;
  /** Time of the first close marker (the lane's span ends there). */
  closedAt?: number;
}

/** A lane's data: the info plus its columns. */
export interface LaneData {
  info: LaneInfo;
  incoming: TimeSeries;
  outgoing: TimeSeries;
  markers: TimelineMarker[];
}

/** Anything the index can read newly appended entries from (the panel's entry ring). */
export interface EntrySource {
  size(): number;
  at(index: number): CaptureEntry | undefined;
}

/** Lane key of an entry (see LaneInfo.key). */
export function laneKeyOf(entry: CaptureEntry): string {
  if (entry.connectionId !== '') return entry.connectionId;
  const clientId = laneClientOf(entry);
  return clientId === '' ? 'engine' : `client:${clientId}`;
}

/** The client an entry concerns: its own, or for engine entries ('client-attached') the one named in detail. */
function laneClientOf(entry: CaptureEntry): string {
  if (entry.clientId !== '') return entry.clientId;
  const named = entry.detail?.clientId;
  return typeof named === 'string' ? named : '';
}

/** Pending connectSocket calls whose connection is not known yet, at most this many remembered. */
const PENDING_CONNECT_LIMIT = 1000;

/** Incremental per-lane index of capture entries (see the module comment). */
export class TimelineIndex {
  private readonly laneMap = new Map<string, LaneData>();
  private readonly problems: CaptureEntry[] = [];
  /** connectSocket call markers logged before their connection existed, by `${clientId}:${callId}`. */
  private readonly pendingConnects = new Map<string, { laneKey: string; markers: TimelineMarker[] }>();
  /** The newest pending connect per client: warnings logged while it is handled belong to it. */
  private readonly pendingByClient = new Map<string, string>();
  private markersSorted = true;
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;
  private newestSeq = -1;
  private oldestSeq = Number.POSITIVE_INFINITY;
  private changes = 0;

  /** Builds an index over a finished list (tests, imports). */
  static fromEntries(entries: Iterable<CaptureEntry>): TimelineIndex {
    const index = new TimelineIndex();
    for (const entry of entries) index.ingest(entry);
    return index;
  }

  /** Bumped on every change: the canvas redraws only when it moved. */
  get version(): number {
    return this.changes;
  }

  /** Highest seq ingested (-1 when empty). */
  get lastSeq(): number {
    return this.newestSeq;
  }

  ingest(entry: CaptureEntry): void {
    if (entry.seq <= this.newestSeq) return;
    this.newestSeq = entry.seq;
    this.oldestSeq = Math.min(this.oldestSeq, entry.seq);
    this.changes += 1;
    const time = entry.monoTime;
    if (Number.isFinite(time)) {
      this.first = Math.min(this.first, time);
      this.last = Math.max(this.last, time);
    }
    if (isProblem(entry)) this.problems.push(entry);
    if (entry.kind === 'result') this.settleConnect(entry);
    const role = classifyEntry(entry);
    if (role.role === 'none' && entry.connectionId === '') return;
    const lane = this.laneFor(entry);
    lane.info.firstTime = Math.min(lane.info.firstTime, time);
    lane.info.lastTime = Math.max(lane.info.lastTime, time);
    if (lane.info.url === '' && lane.info.connectionId !== '') lane.info.url = urlOf(entry) ?? '';
    if (role.role === 'density') {
      (role.direction === 'out' ? lane.outgoing : lane.incoming).push(time, entry.seq);
    } else if (role.role === 'marker') {
      const marker: TimelineMarker = { seq: entry.seq, time, kind: role.kind };
      const code = role.kind === 'close' ? closeCodeOf(entry) : entry.errorCode;
      if (code !== undefined) marker.code = code;
      this.addMarker(lane, marker);
      if (role.kind === 'close' && entry.kind === 'lifecycle' && lane.info.closedAt === undefined) lane.info.closedAt = time;
      // A my.request is logged once it ended: its lane ends there instead of running on like a live socket.
      if (entry.kind === 'http' && lane.info.closedAt === undefined) lane.info.closedAt = time;
      if (entry.connectionId === '') this.trackPendingConnect(entry, lane, marker);
    }
  }

  /** Reads every entry of the source newer than what was ingested (binary search for the start). */
  syncFrom(source: EntrySource): void {
    const size = source.size();
    let low = 0;
    let high = size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((source.at(mid)?.seq ?? Number.POSITIVE_INFINITY) <= this.newestSeq) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < size; i += 1) {
      const entry = source.at(i);
      if (entry) this.ingest(entry);
    }
    const oldest = size > 0 ? source.at(0)?.seq : undefined;
    if (oldest !== undefined && this.shouldTrim(oldest)) this.trimBelow(oldest);
  }

  /** Forgets entries the ring has evicted (seq < minSeq). */
  trimBelow(minSeq: number): void {
    this.changes += 1;
    this.oldestSeq = minSeq;
    const keptProblems = this.problems.filter((entry) => entry.seq >= minSeq);
    this.problems.splice(0, this.problems.length, ...keptProblems);
    for (const [key, lane] of this.laneMap) {
      lane.incoming.dropBelowSeq(minSeq);
      lane.outgoing.dropBelowSeq(minSeq);
      lane.markers = lane.markers.filter((marker) => marker.seq >= minSeq);
      if (lane.incoming.length + lane.outgoing.length + lane.markers.length === 0) this.laneMap.delete(key);
    }
    this.recomputeRange();
  }

  reset(): void {
    this.laneMap.clear();
    this.pendingConnects.clear();
    this.pendingByClient.clear();
    this.problems.length = 0;
    this.markersSorted = true;
    this.first = Number.POSITIVE_INFINITY;
    this.last = Number.NEGATIVE_INFINITY;
    this.newestSeq = -1;
    this.oldestSeq = Number.POSITIVE_INFINITY;
    this.changes += 1;
  }

  /** Lanes in the order their first entry arrived. */
  lanes(): LaneData[] {
    this.ensureMarkersSorted();
    return [...this.laneMap.values()];
  }

  lane(key: string): LaneData | undefined {
    this.ensureMarkersSorted();
    return this.laneMap.get(key);
  }

  /** Time span of everything ingested, or null when empty. */
  range(): { first: number; last: number } | null {
    return this.first <= this.last ? { first: this.first, last: this.last } : null;
  }

  /** Warnings, error events and failed calls, in seq order. */
  problemEntries(): readonly CaptureEntry[] {
    return this.problems;
  }

  private addMarker(lane: LaneData, marker: TimelineMarker): void {
    const previous = lane.markers[lane.markers.length - 1];
    if (previous && previous.time > marker.time) this.markersSorted = false;
    lane.markers.push(marker);
  }

  // The engine logs connectSocket (and the warnings its URL and headers raise) before it has a
  // connection; the call's answer names the connection. Those markers move to that lane, so each lane
  // reads connect → warnings → handshake → open → … → close.
  private trackPendingConnect(entry: CaptureEntry, lane: LaneData, marker: TimelineMarker): void {
    const callId = entry.detail?.callId;
    if (entry.kind === 'call' && entry.name === 'connectSocket' && typeof callId === 'number') {
      const key = `${entry.clientId}:${callId}`;
      this.pendingConnects.set(key, { laneKey: lane.info.key, markers: [marker] });
      this.pendingByClient.set(entry.clientId, key);
      if (this.pendingConnects.size > PENDING_CONNECT_LIMIT) this.pendingConnects.delete(this.pendingConnects.keys().next().value ?? '');
      return;
    }
    const pendingKey = entry.kind === 'warning' ? this.pendingByClient.get(entry.clientId) : undefined;
    const pending = pendingKey === undefined ? undefined : this.pendingConnects.get(pendingKey);
    if (pending && pending.laneKey === lane.info.key) pending.markers.push(marker);
  }

  private settleConnect(result: CaptureEntry): void {
    const callId = result.detail?.callId;
    if (typeof callId !== 'number') return;
    const key = `${result.clientId}:${callId}`;
    const pending = this.pendingConnects.get(key);
    if (!pending) return;
    this.pendingConnects.delete(key);
    if (this.pendingByClient.get(result.clientId) === key) this.pendingByClient.delete(result.clientId);
    const from = this.laneMap.get(pending.laneKey);
    if (result.connectionId === '' || !from) return;
    const to = this.laneFor(result);
    for (const marker of pending.markers) {
      const at = from.markers.lastIndexOf(marker);
      if (at < 0) continue;
      from.markers.splice(at, 1);
      to.info.firstTime = Math.min(to.info.firstTime, marker.time);
      this.addMarker(to, marker);
    }
    if (from.markers.length + from.incoming.length + from.outgoing.length === 0) this.laneMap.delete(pending.laneKey);
  }

  private laneFor(entry: CaptureEntry): LaneData {
    const key = laneKeyOf(entry);
    let lane = this.laneMap.get(key);
    if (!lane) {
      lane = {
        info: { key, connectionId: entry.connectionId, clientId: laneClientOf(entry), url: '', firstTime: entry.monoTime, lastTime: entry.monoTime },
        incoming: new TimeSeries(),
        outgoing: new TimeSeries(),
        markers: [],
      };
      this.laneMap.set(key, lane);
    }
    return lane;
  }

  // Trimming walks every column, so it runs only once a tenth of the index is stale.
  private shouldTrim(oldestHeld: number): boolean {
    if (oldestHeld <= this.oldestSeq) return false;
    const held = this.newestSeq - this.oldestSeq + 1;
    return oldestHeld - this.oldestSeq > Math.max(1000, held / 10);
  }

  private recomputeRange(): void {
    this.first = Number.POSITIVE_INFINITY;
    this.last = Number.NEGATIVE_INFINITY;
    for (const lane of this.laneMap.values()) {
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      for (const series of [lane.incoming, lane.outgoing]) {
        if (series.length === 0) continue;
        first = Math.min(first, series.timeAt(0));
        last = Math.max(last, series.timeAt(series.length - 1));
      }
      for (const marker of lane.markers) {
        first = Math.min(first, marker.time);
        last = Math.max(last, marker.time);
      }
      if (first > last) continue;
      lane.info.firstTime = first;
      lane.info.lastTime = last;
      this.first = Math.min(this.first, first);
      this.last = Math.max(this.last, last);
    }
  }

  private ensureMarkersSorted(): void {
    if (this.markersSorted) return;
    for (const lane of this.laneMap.values()) lane.markers.sort((a, b) => a.time - b.time || a.seq - b.seq);
    this.markersSorted = true;
  }
}
