// CPU time by component during a flood: a Node process from /proc/<pid>/stat, Chromium's processes by
// type from SystemInfo.getProcessInfo, and a page's or frame's main-thread task time from the
// Performance domain. Summed per frame, this says which process a flood's cost lands on, even when
// the machine is shared and wall-clock rates are noisy.
import { readFileSync } from 'node:fs';
import type { CdpConnection } from '../../e2e/harness/cdp-client';

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU seconds of a Linux process (0 when it is gone). */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds of every Chromium process, summed by type (browser, renderer, GPU, network service…). */
export async function chromiumCpuByType(cdp: CdpConnection): Promise<Map<string, number>> {
  const { processInfo } = await cdp.send<{ processInfo: { type: string; id: number; cpuTime: number }[] }>('SystemInfo.getProcessInfo');
  const byType = new Map<string, number>();
  for (const process of processInfo) {
    const type = process.type.replace(/^.*\.mojom\./, '');
    byType.set(type, (byType.get(type) ?? 0) + process.cpuTime);
  }
  return byType;
}

/** Main-thread task CPU seconds (thread ticks) of the page or frame behind `sessionId` (Performance domain enabled here). */
export async function mainThreadTaskSeconds(cdp: CdpConnection, sessionId: string): Promise<number> {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }, sessionId);
  const { metrics } = await cdp.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics', {}, sessionId);
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
}
