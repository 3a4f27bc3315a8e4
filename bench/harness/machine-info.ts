// The machine a run happened on, stated at the top of every results file.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { CHROMIUM_PATH } from '../../e2e/harness/cdp-chromium';

export interface MachineInfo {
  date: string;
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  commit: string;
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
  };
}

function commandLine(file: string, args: string[], cwd: string): string {
  try {
    return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 15_000 });
  } catch {
    return '';
  }
}
