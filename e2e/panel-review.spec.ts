// The all-day UI review at 1280×800 (docs/behaviour.md#panel-layout), in real Chromium on the browser host with
// the bundled demo, each screen saved in the light and the dark theme and looked at: an error's fact labels stay
// in their column and error 1's empty solution is said in words, the Debugging fields are drawn like every
// other field of the panel (not the browser's grey inset boxes), the cut connection hint of a breakpoint is its
// tooltip, and primary buttons read at 4.5:1.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { eachTheme, textContrast } from './harness/theme-audit';

async function openSide(panel: Page, title: string): Promise<Locator> {
  const section = panel.locator('details.side-section', { has: panel.locator(':scope > summary', { hasText: title }) });
  if ((await section.getAttribute('open')) === null) await section.locator(':scope > summary').click();
  return section;
}

/** Background, border and corner of a field as computed. */
const fieldLook = (field: Locator) =>
  field.evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`, radius: style.borderTopLeftRadius };
  });

test.beforeEach(async ({ driver }) => {
  await driver.panel.setViewportSize({ width: 1280, height: 800 });
  await expect(driver.panel.locator('.log-row').first()).toBeVisible({ timeout: 30_000 });
});

test("an error's fact labels end inside their column (errorMessage ran into its value); no dash for no solution", async ({ driver }) => {
  const { panel } = driver;
  await panel.getByRole('button', { name: 'Reproduce error 1', exact: true }).click();
  await panel.locator('.msd-warnings__row', { hasText: 'Error 1:' }).first().click({ timeout: 30_000 });
  const facts = panel.getByRole('complementary', { name: 'inspector' }).getByRole('region', { name: 'error', exact: true }).locator('dl.facts');
  await expect(facts.locator('dt').first()).toHaveText('errorMessage');
  await expect(facts.locator('dt', { hasText: 'Solution' }).locator('+ dd')).toHaveText("none in the client's error table");
  await eachTheme(driver, 'review', 'error-facts', async () => {
    const overruns = await facts.evaluate((list) =>
      [...list.querySelectorAll('dt')].filter((term) => term.scrollWidth > term.clientWidth + 1 || term.getBoundingClientRect().right > (term.nextElementSibling?.getBoundingClientRect().left ?? Infinity)).map((term) => term.textContent),
    );
    expect(overruns).toEqual([]);
  });
});

test('the Debugging fields look like the panel’s other fields; a cut connection hint is its tooltip', async ({ driver }) => {
  const { panel } = driver;
  await (await openSide(panel, 'Connection controls')).locator(':scope > summary').click();
  const debugging = await openSide(panel, 'Debugging');
  await debugging.getByRole('button', { name: 'Add breakpoint' }).click();
  const connection = debugging.getByRole('textbox', { name: 'connection', exact: true });
  await expect(connection).toHaveAttribute('title', (await connection.getAttribute('placeholder')) ?? 'no placeholder');
  const reference = debugging.getByRole('combobox', { name: 'direction' });
  await connection.scrollIntoViewIfNeeded();
  await eachTheme(driver, 'review', 'debugging-fields', async () => {
    const expected = await fieldLook(reference);
    for (const field of [connection, debugging.getByRole('textbox', { name: 'map from' }), debugging.getByRole('textbox', { name: 'map to' })]) expect(await fieldLook(field)).toEqual(expected);
  });
  await debugging.getByRole('button', { name: /^remove / }).click();
});

test('the primary buttons of the connection controls read at 4.5:1 in both themes', async ({ driver }) => {
  const connect = (await openSide(driver.panel, 'Connection controls')).getByRole('button', { name: 'Connect', exact: true });
  await connect.scrollIntoViewIfNeeded();
  await eachTheme(driver, 'review', 'primary-button', async () => {
    expect(await textContrast(connect)).toBeGreaterThanOrEqual(4.5);
  });
});
