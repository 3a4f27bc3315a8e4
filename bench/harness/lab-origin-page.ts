// A page on the lab server's own HTTP origin (the lab answers GET / with its endpoint list). It has no
// CSP, so a plain WebSocket may reach the lab from the same browser: the home of the browser baselines.
import { openPage, type CdpPage } from '../../e2e/harness/cdp-client';
import type { LaunchedChromium } from '../../e2e/harness/cdp-chromium';

/** The lab's http origin for one of its ws:// endpoint URLs. */
export function labHttpOrigin(endpointUrl: string): string {
  const url = new URL(endpointUrl);
  return `http://${url.host}/`;
}

/** Opens a tab on the lab's origin. */
export async function openLabOriginPage(chromium: LaunchedChromium, endpointUrl: string): Promise<CdpPage> {
  const page = await openPage(chromium.cdp);
  await page.navigate(labHttpOrigin(endpointUrl));
  return page;
}
