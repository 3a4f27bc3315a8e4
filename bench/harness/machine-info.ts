// The machine a run happened on, stated at the top of every results file.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { CHROMIUM_PATH } from '../../e2e/harness/browser-path';

export interface MachineInfo {
  date: string;
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  commit: string;
  /** 1, 5 and 15-minute load averages at the start of the run. */
  loadAverage: number[];
}

/** The 1-minute load average now (rounded to 0.1). */
export function currentLoad(): number {
  return Math.round((loadavg()[0] ?? 0) * 10) / 10;
}

/** Reads what is knowable without side effects (Chromium's version from `--version`). */
export function machineInfo(root: string): MachineInfo {
  const cpuList = cpus();
  return {
    date: new Date().toISOString(),
    cores: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium: commandLine(CHROMIUM_PATH, ['--version'], root).match(/Chromium\s+\S+/)?.[0] ?? 'unknown',
    commit: commandLine('git', ['rev-parse', '--short', 'HEAD'], root).trim() || 'unknown',
    loadAverage: loadavg().map((load) => Math.round(load * 10) / 10),
  };
}

function commandLine(file: string, args: string[], cwd: string): string {
  try {
    return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 15_000 });
  } catch {
    return '';
  }
}
