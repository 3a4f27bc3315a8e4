// Turns the reports into the one results table (Markdown) and the JSON beside it.
import type { MachineInfo } from './machine-info';
import type { MeasurementReport, ResultRow } from './measurement';
import type { Summary } from './stats';

export interface BenchResults {
  machine: MachineInfo;
  options: { quick: boolean; runs: number; only: string[] | null };
  seconds: number;
  reports: MeasurementReport[];
}

/** A number as the table shows it: thousands grouped, about three significant digits below 100. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString('en-US');
  if (size >= 10) return value.toFixed(1);
  if (size >= 1) return value.toFixed(2);
  if (size === 0) return '0';
  return value.toPrecision(2);
}

function withUnit(text: string, unit: string): string {
  return unit ? `${text} ${unit}` : text;
}

/** "median (min–max) unit"; a single run or a constant shows just the value. */
export function formatSummary(summary: Summary, unit: string): string {
  const median = formatNumber(summary.median);
  if (summary.min === summary.max) return withUnit(median, unit);
  return withUnit(`${median} (${formatNumber(summary.min)}–${formatNumber(summary.max)})`, unit);
}

function formatRatio(ratio: Summary | undefined): string {
  if (!ratio) return '';
  const median = `${ratio.median.toFixed(2)}×`;
  return ratio.min === ratio.max ? median : `${median} (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`;
}

function metCell(row: ResultRow): string {
  if (row.met === undefined) return '';
  return row.met ? 'yes' : '**NO**';
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The full Markdown file: machine, table, then each measurement's notes. */
export function renderMarkdown(results: BenchResults): string {
  const { machine } = results;
  const lines: string[] = [
    '# Mini Socket DevTools — benchmark results',
    '',
    `- Date: ${machine.date} (commit ${machine.commit})`,
    `- Machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}`,
    `- Node ${machine.node}; ${machine.chromium} (headless, driven over CDP without the Network domain)`,
    `- Load average at the start (1/5/15 min): ${machine.loadAverage.join(' / ')} on ${machine.cores} cores; the machine is shared, so each section below gives its own load, and CPU-time figures are the contention-independent ones`,
    `- Runs: ${results.options.runs} per side${results.options.quick ? ', --quick (smaller N)' : ''}${results.options.only ? `, only ${results.options.only.join(', ')}` : ''}; total ${results.seconds.toFixed(0)} s`,
    '- Figures: median (min–max) over the runs; ratio = product ÷ baseline per paired run, median (min–max).',
    '',
    '| Measurement | Metric | Product | Baseline (same run) | Ratio | Target | Met? |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const report of results.reports) {
    if (report.error !== undefined) {
      lines.push(`| ${escapeCell(report.title)} | — | not measured: ${escapeCell(report.error)} | | | | **NO** |`);
      continue;
    }
    for (const row of report.rows ?? []) {
      const baseline = row.baseline ? `${formatSummary(row.baseline.summary, row.unit)} (${row.baseline.label})` : '';
      lines.push(
        `| ${[report.title, row.metric, formatSummary(row.product, row.unit), baseline, formatRatio(row.ratio), row.target ?? '', metCell(row)].map(escapeCell).join(' | ')} |`,
      );
    }
  }
  lines.push('');
  for (const report of results.reports) {
    lines.push(`## ${report.title} (\`--only ${report.name}\`, ${report.seconds.toFixed(0)} s, load ${report.load[0]} → ${report.load[1]})`, '');
    if (report.error !== undefined) lines.push(`Not measured: ${report.error}`, '');
    for (const note of report.notes ?? []) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}
