// Constructs met running public Alipay projects (docs/miniprogram-runtime.md "Tried on public projects"), on a
// small project of our own: a my.request aimed at production runs against a loopback server through
// --map-remote; two pages naming the same class keep their own styles (page ACSS is local); a component that
// throws in every list row shows one folded problem that leaves the tab bar usable and can be hidden; a
// component registered under a basic tag's name (`button`) renders instead of the basic one, its named slot
// filled from inside the tag; fixed elements stay in the page's area; Enter in a form's field confirms without a
// native submission.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness/fixtures';

const PROJECT = fileURLToPath(new URL('./fixtures/miniprogram-public-shapes', import.meta.url));

test('a project shaped like public ones runs: mapped API, local page styles, folded problems over a usable tab bar, a custom button, fixed bars in the page area, Enter confirms', async ({ hostFolder }) => {
  const asked: string[] = [];
  const api = createServer((request, response) => {
    asked.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: [{ id: 1 }, { id: 2 }] }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const { port } = api.address() as AddressInfo;
  try {
    await hostFolder.run(['--miniapp', PROJECT, '--map-remote', `https://api.shop.invalid/v1=http://127.0.0.1:${port}/api`], async (driver) => {
      const frame = await driver.miniapp();
      await expect(frame.locator('#items')).toHaveText('2 items from the API');
      expect(asked).toEqual(['/api/items']);
      await expect(driver.panel.locator('.log-row', { hasText: 'GET https://api.shop.invalid/v1/items → 200' })).toHaveCount(1);

      // The other page's sheet has loaded (idle prefetch); its `.tips { position: absolute }` stays on its page.
      const loaded = () => frame.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/__mp/style/pages/me/me.acss.css')));
      await expect.poll(loaded).toBe(true);
      await expect(frame.locator('#home-tips')).toHaveCSS('position', 'static');
      await expect(frame.locator('#home-tips')).toHaveCSS('display', 'flex');

      const problems = frame.locator('.mp-problems');
      await expect(problems.locator('.mp-problem', { hasText: 'components/ring/ring.js' })).toHaveText(/context\.play is not a function \(×3\)$/);
      // The content policy keeps the page off the network: a CDN image fails, and the phone says why, once.
      await expect(problems.locator('.mp-problem', { hasText: 'remote images do not load in the preview' })).toHaveCount(1);
      // The ACSS's CDN font and its two CDN backgrounds are refused too: one problem per kind and origin, naming
      // the file, in the phone and as a Problems row each in the panel (docs/miniprogram-runtime.md#remote-resources).
      const refusal = (what: string, origin: string, noun: string) =>
        `ACSS loads ${what} from ${origin}: the preview loads only the project's files, data: and blob: URLs; put the ${noun} in the project or inline it as data:`;
      const fontRefusal = refusal('a font', 'https://at.shop.invalid', 'font');
      const imageRefusal = refusal('an image', 'https://img.shop.invalid', 'image');
      await expect(problems.locator('.mp-problem', { hasText: 'ACSS loads' })).toHaveCount(2);
      const problemsList = driver.panel.getByRole('listbox', { name: 'Problems, newest last' });
      for (const text of [fontRefusal, imageRefusal]) {
        await expect(problems.locator('.mp-problem', { hasText: text })).toHaveText(`pages/home/home.acss ${text}`);
        await expect(problemsList.getByRole('option').filter({ hasText: `pages/home/home.acss: ${text}` })).toHaveCount(1);
      }
      await expect(problemsList.getByRole('option').filter({ hasText: 'ACSS loads' })).toHaveCount(2);
      const refusals = (await driver.capture()).filter((entry) => entry.kind === 'warning' && entry.name === 'remote-resource-refused');
      expect(refusals.map((entry) => [entry.detail?.resource, entry.detail?.origin, entry.detail?.file]).sort()).toEqual([
        ['font', 'https://at.shop.invalid', 'pages/home/home.acss'],
        ['image', 'https://img.shop.invalid', 'pages/home/home.acss'],
      ]);
      await problemsList.getByRole('option').filter({ hasText: fontRefusal }).click();
      await expect(driver.panel.getByRole('region', { name: 'Warnings and errors' })).toContainText('The preview refused a remote font, image or file');
      await driver.screenshot('miniprogram-public-shapes-refused');
      // The failed banner is blank as on a phone: an empty box of its size and background, no broken-image icon.
      const banner = frame.locator('#banner');
      await expect(banner).toHaveClass('a-image mp-image-failed');
      expect(await banner.evaluate((element) => [element.tagName, getComputedStyle(element).backgroundColor, getComputedStyle(element).borderStyle])).toEqual(['SPAN', 'rgb(232, 238, 245)', 'none']);
      const [width, heightInRpx] = await banner.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return [box.width, Math.round(box.height / parseFloat(getComputedStyle(element).getPropertyValue('--rpx')))];
      });
      expect(width).toBeGreaterThan(300);
      expect(heightInRpx).toBe(200);
      const meTab = frame.locator('.mp-tab-bar').getByRole('button', { name: 'Me', exact: true });
      const tabOnTop = await meTab.evaluate((tab) => {
        const box = tab.getBoundingClientRect();
        return tab.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
      });
      expect(tabOnTop).toBe(true);
      await driver.screenshot('miniprogram-public-shapes-home');
      await meTab.click();
      await expect(frame.locator('#me-tips')).toBeVisible();
      await expect(frame.locator('#me-tips')).toHaveCSS('position', 'absolute');
      await expect(frame.locator('.mp-page:visible .pill')).toHaveText('→ Sign in');
      await expect(frame.locator('.mp-page:visible .pill > .pill-icon > #sign-in-icon')).toHaveText('→');
      // The page's `button {}` reaches the host of the component its usingComponents names `button`.
      await expect(frame.locator('.mp-page:visible mp-button')).toHaveCSS('margin-top', '6px');
      await driver.screenshot('miniprogram-public-shapes-me');
      await expect(frame.locator('.mp-page:visible .a-button')).toHaveCount(0);

      // A fixed search bar and footer sit in the page's area, between the title bar and the tab bar, also
      // after the page scrolled (docs/miniprogram-runtime.md "Fixed positioning").
      const boxOf = (selector: string) => frame.locator(selector).evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
      const area = await boxOf('.mp-pages');
      const tabBarTop = (await boxOf('.mp-tab-bar')).top;
      expect(area.top).toBeGreaterThan(30);
      for (const scrollTop of [0, 600]) {
        await frame.locator('.mp-page:visible').evaluate((page, top) => (page.scrollTop = top), scrollTop);
        expect((await boxOf('#me-search')).top).toBe(area.top);
        expect((await boxOf('#me-footer')).bottom).toBe(tabBarTop);
      }
      expect(await frame.locator('.mp-page:visible').evaluate((page) => page.scrollTop)).toBe(600);
      await driver.screenshot('miniprogram-public-shapes-fixed');

      // Enter in a form's field is the confirm key only: no native submission for the sandbox to block.
      const consoleErrors: string[] = [];
      driver.panel.on('console', (message) => (message.type() === 'error' ? consoleErrors.push(message.text()) : undefined));
      await frame.locator('#me-query').fill('shoes');
      await frame.locator('#me-query').press('Enter');
      await expect(frame.locator('#me-searched')).toHaveText('searched shoes');
      await expect(frame.locator('#me-searched')).toHaveCSS('color', 'rgb(0, 128, 0)');
      await frame.locator('#me-query').fill('boots');
      await frame.locator('#me-query').press('Enter');
      await expect(frame.locator('#me-searched')).toHaveText('searched boots');
      expect(consoleErrors).toEqual([]);
      // The confirm handler's my.pageScrollTo({ selector }) scrolled the page to its end.
      await frame.locator('.mp-page:visible').evaluate((page) => (page.scrollTop = 0));
      await frame.locator('#me-query').press('Enter');
      const scrolledToEnd = () => frame.locator('.mp-page:visible').evaluate((page) => page.scrollTop > 0 && page.scrollTop === page.scrollHeight - page.clientHeight);
      await expect.poll(scrolledToEnd).toBe(true);
      await problems.getByRole('button', { name: 'Hide', exact: true }).click();
      await expect(problems).toHaveCount(0);
    });
  } finally {
    await new Promise((resolve) => api.close(resolve));
  }
});
