// Hot reload and opening projects (docs/miniprogram-runtime.md "Hot reload", "Opening projects"), on a copy of
// e2e/fixtures/miniprogram-life in a temp folder: an edit reloads the preview (its socket closes with 1001,
// logged, and the capture goes on), a broken edit shows its error in the phone and in Problems and the next
// good edit recovers; the panel opens another project from a path and comes back from the recent list; the
// Project section shows the current page, its query and the stack.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { BLANK_MINIAPP, expect, test } from './harness/fixtures';

const PROJECT = join(mkdtempSync(join(tmpdir(), 'msd-e2e-hot-')), 'life');
cpSync(fileURLToPath(new URL('./fixtures/miniprogram-life', import.meta.url)), PROJECT, { recursive: true });
test.use({ miniappFolder: PROJECT });

const phone = (panel: Page) => panel.frameLocator('iframe[title="mini-app"]');
const INDEX_JS = join(PROJECT, 'pages', 'index', 'index.js');
const INDEX_AXML = join(PROJECT, 'pages', 'index', 'index.axml');

function setVersion(version: string): void {
  writeFileSync(INDEX_JS, readFileSync(INDEX_JS, 'utf8').replace(/version: '[^']*'/, `version: '${version}'`));
}

test('an edit reloads the preview; its socket closes with 1001; a broken edit shows its error and the next good one recovers', async ({ driver }) => {
  await driver.miniapp();
  await expect(phone(driver.panel).locator('#status')).toHaveText('open');
  await expect(phone(driver.panel).locator('#version')).toHaveText('v1');

  setVersion('v2');
  await expect(phone(driver.panel).locator('#version')).toHaveText('v2');
  await expect(phone(driver.panel).locator('#status')).toHaveText('open');
  await expect(driver.panel.getByRole('status', { name: 'Last reload' })).toHaveText('Reloaded after an edit of pages/index/index.js');

  const axml = readFileSync(INDEX_AXML, 'utf8');
  writeFileSync(INDEX_AXML, axml.replace('{{version}}', '{{ version + }}'));
  await expect(phone(driver.panel).locator('.mp-problems')).toContainText('pages/index/index.axml');
  await expect(driver.panel.locator('.msd-warnings__row', { hasText: 'pages/index/index.axml' })).not.toHaveCount(0);
  await driver.screenshot('hot-reload-broken-edit');

  writeFileSync(INDEX_AXML, axml);
  setVersion('v3');
  await expect(phone(driver.panel).locator('#version')).toHaveText('v3');
  await expect(phone(driver.panel).locator('.mp-problems')).toHaveCount(0);
  await expect(phone(driver.panel).locator('#status')).toHaveText('open');

  const capture = await driver.capture();
  const reloads = capture.filter((entry) => entry.name === 'hot-reload');
  expect(reloads.length).toBeGreaterThanOrEqual(3);
  expect(reloads[0]?.detail).toMatchObject({ files: ['pages/index/index.js'] });
  // The first page's socket closed with 1001 going away; the capture went on with the next pages' sockets.
  const closes = capture.filter((entry) => entry.kind === 'lifecycle' && entry.name === 'closed');
  expect(closes[0]?.detail).toMatchObject({ codeSent: 1001 });
  expect(capture.filter((entry) => entry.kind === 'lifecycle' && entry.name === 'open').length).toBeGreaterThanOrEqual(3);
  expect(capture[0]?.seq).toBe(0);
});

test('opens another project from a path, comes back from the recent list, and shows the current page, query and stack', async ({ driver }) => {
  await driver.miniapp();
  await expect(phone(driver.panel).locator('#status')).toHaveText('open');
  const project = driver.panel.getByRole('region', { name: 'Project' }).or(driver.panel.locator('.msd-project'));
  await expect(project).toContainText(PROJECT);
  await expect(driver.panel.getByRole('definition').filter({ hasText: 'pages/index/index' }).first()).toBeVisible();

  await phone(driver.panel).locator('#open-detail').click();
  await expect(phone(driver.panel).locator('#detail-from')).toHaveText('from index');
  const page = driver.panel.locator('dl[aria-label="Current page"]');
  await expect(page).toContainText('pages/detail/detail');
  await expect(page).toContainText('from=index&n=2');
  await expect(page).toContainText('pages/index/index › pages/detail/detail');
  await page.scrollIntoViewIfNeeded();
  await driver.screenshot('project-current-page');

  const field = driver.panel.getByRole('textbox', { name: 'Project folder or URL', exact: true });
  await field.fill(join(PROJECT, 'missing'));
  await driver.panel.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(driver.panel.getByRole('alert').filter({ hasText: 'missing' })).toBeVisible();

  await field.fill(BLANK_MINIAPP);
  await driver.panel.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(project).toContainText('HTML mini-app');
  await expect(page).toHaveCount(0);
  await expect.poll(async () => (await driver.miniapp()).url()).not.toContain('__mp');
  const recent = driver.panel.getByRole('list', { name: 'Recent projects' });
  await expect(recent.getByRole('button', { name: PROJECT, exact: true })).toBeEnabled();
  await recent.scrollIntoViewIfNeeded();
  await driver.screenshot('project-opened-html');

  await recent.getByRole('button', { name: PROJECT, exact: true }).click();
  await expect(phone(driver.panel).locator('#status')).toHaveText('open');
  await expect(project).toContainText('mini-program project');
  const names = (await driver.capture()).filter((entry) => entry.name === 'project-opened').map((entry) => entry.detail?.project);
  expect(names).toEqual([BLANK_MINIAPP, PROJECT]);
});
