// `tsx bench/run.ts [--quick] [--only name[,name]] [--runs n]`.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  /** Measurement names to run; null = all. */
  only: string[] | null;
  runs: number;
}

/** Parses argv; throws a usage error for unknown flags or a bad --runs. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      runs: { type: 'string' },
    },
  });
  const quick = values.quick === true;
  const runs = values.runs === undefined ? (quick ? 2 : 3) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw new Error(`--runs must be 1–9, not "${values.runs}"`);
  const only = values.only ? values.only.flatMap((names) => names.split(',')).map((name) => name.trim()).filter(Boolean) : null;
  return { quick, only, runs };
}
