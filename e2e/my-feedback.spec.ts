// UI feedback drawn in the phone in both modes: from a mini-program project's page logic (the Worker asks
// the view) and from an HTML mini-app (the shim draws in the page). The user taps the real buttons; the
// answers reach the app's callbacks. Selector queries measure the page on top.
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness/fixtures';

const PROJECT = fileURLToPath(new URL('./fixtures/miniprogram-feedback', import.meta.url));
const HTML_PAGE = fileURLToPath(new URL('./fixtures/feedback-miniapp', import.meta.url));

test.describe('in a mini-program project', () => {
  test.use({ miniappFolder: PROJECT });

  test('toast, loading, confirm, prompt, action sheet, title bar and a selector query', async ({ driver }) => {
    const frame = await driver.miniapp();
    const result = frame.locator('#result');

    await frame.locator('#toast').click();
    await expect(frame.locator('.toast')).toHaveText('✓Saved');
    await driver.screenshot('my-feedback-project-toast');
    await expect(result).toHaveText('toast {}');
    await expect(frame.locator('.toast')).toHaveCount(0);

    await frame.locator('#loading').click();
    await expect(frame.locator('.loading')).toHaveText('Logging in');
    await expect(result).toHaveText('loading {}');
    await expect(frame.locator('.loading')).toHaveCount(0);

    await frame.locator('#confirm').click();
    await expect(frame.getByRole('dialog')).toContainText('Delete this chat?');
    // The screenshot shows the whole dialog: wait for its button, not for a fixed time.
    const confirmDelete = frame.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true });
    await expect(confirmDelete).toBeVisible();
    await driver.screenshot('my-feedback-project-confirm');
    await confirmDelete.click();
    await expect(result).toHaveText('confirm {"confirm":true}');

    await frame.locator('#prompt').click();
    await frame.getByPlaceholder('your name').fill('Ada');
    await frame.getByRole('button', { name: '取消', exact: true }).click();
    await expect(result).toHaveText('prompt {"ok":false,"inputValue":"Ada"}');

    await frame.locator('#sheet').click();
    await expect(frame.locator('.sheet .destructive')).toHaveText('Report');
    await driver.screenshot('my-feedback-project-sheet');
    await frame.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(result).toHaveText('sheet {"index":0}');

    await frame.locator('#title').click();
    await expect(frame.locator('.mp-title')).toHaveText('Renamed');
    await expect(frame.locator('.mp-title-loading')).toBeVisible();
    await expect(result).toHaveText('title {}');

    await frame.locator('#logo').click();
    await expect(result).toHaveText('logo {"error":2,"errorMessage":"setNavigationBar: borderBottomColor must be a hexadecimal colour such as #ff0000"}');
    const bar = frame.locator('.mp-title-bar');
    await expect(bar.locator('img.mp-title-image')).toHaveAttribute('alt', 'Renamed');
    await expect.poll(() => bar.locator('img.mp-title-image').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(120);
    await expect(bar).toHaveCSS('border-bottom-color', 'rgb(255, 77, 79)');
    await expect(bar).toHaveCSS('background-color', 'rgb(255, 255, 255)');
    await driver.screenshot('my-feedback-project-title-logo');

    await frame.locator('#measure').click();
    const width = await frame.locator('#box').evaluate((element) => Math.round(element.getBoundingClientRect().width));
    await expect(result).toHaveText(`measure [${width},40,0]`);
  });
});

test.describe('in an HTML mini-app', () => {
  test.use({ miniappFolder: HTML_PAGE });

  test('toast, confirm, action sheet and a title bar drawn in the page', async ({ driver }) => {
    const frame = await driver.miniapp();
    const result = frame.locator('#result');
    await frame.locator('#toast').click();
    await expect(frame.locator('.toast')).toHaveText('Sent');
    await expect(result).toHaveText('toast {}');

    await frame.locator('#confirm').click();
    await expect(frame.getByRole('dialog')).toContainText('Leave the room?');
    await driver.screenshot('my-feedback-html-confirm');
    await frame.getByRole('button', { name: '确定', exact: true }).click();
    await expect(result).toHaveText('confirm {"confirm":true}');

    await frame.locator('#sheet').click();
    await frame.getByRole('button', { name: '取消', exact: true }).click();
    await expect(result).toHaveText('sheet {"index":-1}');

    await frame.locator('#title').click();
    await expect(frame.locator('.title-bar')).toHaveText('Room 1');
    await expect(frame.locator('.title-bar .spinner')).toBeHidden();
    await expect(result).toHaveText('title {}');
    await driver.screenshot('my-feedback-html-title');
  });
});
