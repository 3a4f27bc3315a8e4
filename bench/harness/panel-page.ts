// The panel opened the way users open it (the browser host's panel URL in Chromium), with the e2e test
// hook switched on, and the demo mini-app's frame inside it found for evaluation.
import type { CdpContext, CdpPage } from '../../e2e/harness/cdp-client';
import { openPage } from '../../e2e/harness/cdp-client';
import type { LaunchedChromium } from '../../e2e/harness/cdp-chromium';
import type { BrowserHostProcess } from './browser-host-process';

export interface PanelPage {
  page: CdpPage;
  /** The mini-app iframe's main world (`my` and `window.__MSD_LAB__` are there). */
  miniapp: CdpContext;
}

/** Polls `expression` in a context until it is truthy. */
export async function waitInPage(page: CdpPage, expression: string, what: string, timeoutMs = 30_000, context?: CdpContext): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`, context))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens a new tab on the panel and waits for the hook, the mini-app frame and its `my`. */
export async function openPanelPage(chromium: LaunchedChromium, host: BrowserHostProcess): Promise<PanelPage> {
  const page = await openPage(chromium.cdp);
  await page.send('Page.addScriptToEvaluateOnNewDocument', { source: 'window.__MSD_TEST__ = true;' });
  await page.navigate(host.panelUrl);
  await waitInPage(page, 'window.__devtoolsTest', 'the panel test hook');
  const miniapp = await page.frameContext(host.miniappOrigin);
  await waitInPage(page, "typeof my === 'object' && window.__MSD_LAB__", 'the mini-app my object', 30_000, miniapp);
  return { page, miniapp };
}
