// The page of the RSS burst in a process of its own, as the real page lives in Chromium, not in the
// product's process: its buffered sends and the echoes it receives are not the product's memory.
// Forked by hostile-load.ts (side 'burst-rss') once the product is up; answers when the last echo arrived.
import { sendBurstThroughMy, type PageBurst } from './bridge-page';
import { answer, childInput } from './child-io';

export interface PageBurstInput {
  miniappUrl: string;
  echoUrl: string;
  sends: number;
}

const input = childInput<PageBurstInput>();
await answer<PageBurst>(() => sendBurstThroughMy(input.miniappUrl, input.echoUrl, input.sends, () => performance.now()));
