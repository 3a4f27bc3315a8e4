// A growable column of (time, seq) pairs kept in time order. The timeline counts frames per pixel bucket
// with two binary searches per bucket, so drawing a million frames costs the same as drawing a hundred.

/** Append-mostly (time, seq) pairs; out-of-order appends are tolerated and sorted on the next read. */
export class TimeSeries {
  private times = new Float64Array(64);
  private seqs = new Float64Array(64);
  private count = 0;
  private sorted = true;

  get length(): number {
    return this.count;
  }

  push(time: number, seq: number): void {
    if (this.count === this.times.length) this.grow();
    if (this.count > 0 && time < (this.times[this.count - 1] ?? time)) this.sorted = false;
    this.times[this.count] = time;
    this.seqs[this.count] = seq;
    this.count += 1;
  }

  timeAt(index: number): number {
    this.ensureSorted();
    return this.times[index] ?? Number.NaN;
  }

  seqAt(index: number): number {
    this.ensureSorted();
    return this.seqs[index] ?? -1;
  }

  /** First index whose time is >= time (the count when none is). */
  lowerBound(time: number): number {
    this.ensureSorted();
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.times[mid] ?? 0) < time) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Pairs in [from, to) of time. */
  countBetween(from: number, to: number): number {
    return this.lowerBound(to) - this.lowerBound(from);
  }

  /** Drops every pair whose seq is below minSeq (entries the ring has evicted). */
  dropBelowSeq(minSeq: number): void {
    let kept = 0;
    for (let i = 0; i < this.count; i += 1) {
      const seq = this.seqs[i] ?? -1;
      if (seq < minSeq) continue;
      this.times[kept] = this.times[i] ?? 0;
      this.seqs[kept] = seq;
      kept += 1;
    }
    this.count = kept;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const seqs = new Float64Array(this.seqs.length * 2);
    times.set(this.times);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    const order = Array.from({ length: this.count }, (_, i) => i);
    order.sort((a, b) => (this.times[a] ?? 0) - (this.times[b] ?? 0) || (this.seqs[a] ?? 0) - (this.seqs[b] ?? 0));
    const times = new Float64Array(this.times.length);
    const seqs = new Float64Array(this.seqs.length);
    order.forEach((from, to) => {
      times[to] = this.times[from] ?? 0;
      seqs[to] = this.seqs[from] ?? 0;
    });
    this.times = times;
    this.seqs = seqs;
    this.sorted = true;
  }
}
