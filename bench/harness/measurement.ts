// What one benchmark is: a named measurement that runs the product path and its same-run baseline
// several times and reports rows of medians, ratios and targets.
import type { Summary } from './stats';

/** Settings every measurement gets from the runner. */
export interface BenchContext {
  /** Smaller N for development (`--quick`). */
  quick: boolean;
  /** Repetitions of each product and baseline run. */
  runs: number;
  /** The repository root (for `out/`, `bin/` and child scripts). */
  root: string;
  /** Progress line on stderr. */
  log(line: string): void;
}

/** One line of the results table. */
export interface ResultRow {
  metric: string;
  unit: string;
  product: Summary;
  /** The same quantity on the bare path, measured in the same run. */
  baseline?: { label: string; summary: Summary };
  /** product / baseline, per paired run. */
  ratio?: Summary;
  /** The target in words ("≥ 0.9× bare ws"); absent when the row is context only. */
  target?: string;
  met?: boolean;
}

/** What a measurement returns. */
export interface MeasurementOutput {
  rows: ResultRow[];
  /** How it was measured (setup, where each side ran, caveats, causes of a missed target). */
  notes: string[];
}

/** One benchmark, selectable with `--only <name>`. */
export interface Measurement {
  name: string;
  title: string;
  run(context: BenchContext): Promise<MeasurementOutput>;
}

/** A measurement's output as the runner records it. */
export interface MeasurementReport extends Partial<MeasurementOutput> {
  name: string;
  title: string;
  seconds: number;
  /** The machine's 1-minute load average when the measurement started and ended (other work shares the cores). */
  load: [number, number];
  error?: string;
}
