import { describe, expect, it } from 'vitest';
import { startLoopBlockMeter } from './loop-block-meter';

function spin(ms: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const spent = process.cpuUsage(start);
    if ((spent.user + spent.system) / 1000 >= ms) return;
  }
}

describe('loop block meter', () => {
  it('counts a synchronous block by the CPU it used, and nothing for turns that only wait', async () => {
    const idle = startLoopBlockMeter();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await idle.stop()).toBeLessThan(100);

    const blocked = startLoopBlockMeter();
    await new Promise((resolve) => setTimeout(resolve, 10));
    spin(300);
    const largest = await blocked.stop();
    expect(largest).toBeGreaterThanOrEqual(300);
    expect(largest).toBeLessThan(2000);
  });
});
