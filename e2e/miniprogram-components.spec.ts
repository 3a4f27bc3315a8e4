// Component `ref`, `externalClasses` and `styleIsolation: apply-shared` in a real project (e2e/fixtures/miniprogram-components), as in the
// Alipay IDE's simulator (docs/miniprogram-runtime.md, "Decisions where the framework documentation is silent").
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness/fixtures';

const PROJECT = fileURLToPath(new URL('./fixtures/miniprogram-components', import.meta.url));
test.use({ miniappFolder: PROJECT });

test('a page holds its component through ref and calls it; an external class styles it; its own styles stay inside', async ({ driver }) => {
  const frame = await driver.miniapp();
  await expect(frame.locator('#ref-kind')).toHaveText('ref: /components/badge/index');
  await expect(frame.locator('#badge-note')).toHaveText(' · not observed yet');
  await frame.locator('#ask-badge').click();
  await expect(frame.locator('#ref-answer')).toHaveText('Hot badge, asked 1×');
  await expect(frame.locator('#badge-asked')).toHaveText('asked 1');
  // observers and lifetimes (docs/miniprogram-runtime.md#observers-and-lifetimes): no call for the initial data, one per setData.
  await expect(frame.locator('#badge-note')).toHaveText(' · observed Hot 1');
  await expect(frame.locator('#badge-life')).toHaveText(' · created attached ready');

  const badge = frame.locator('#badge');
  await expect(badge).toHaveClass(/\bbadge-hot\b/);
  await expect(badge).not.toHaveClass(/\bmy-class\b/);
  await expect(badge).toHaveCSS('color', 'rgb(220, 38, 38)');
  await expect(badge).toHaveCSS('border-top-style', 'solid');
  // apply-shared: the badge's `.tag` rule styles its own element only, not the page's element of that class.
  await expect(frame.locator('#badge-label')).toHaveCSS('text-decoration-line', 'underline');
  await expect(frame.locator('#page-tag')).toHaveCSS('text-decoration-line', 'none');
  await driver.screenshot('miniprogram-components');
});

test('$selectComponent / $selectAllComponents: by class, id and tag, across a component (>>>), ref() values, the slot host as composed parent; virtualHost: false with :host', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.locator('#open-select').click();
  await expect(frame.locator('.mp-title')).toHaveText('Select');
  await frame.locator('#select-run').click();
  await expect(frame.locator('#select-result')).toHaveText('Slotted,First | shelf | Own,Slotted | First badge, asked 1× | shelf | true | null | Slotted,First | Own,Slotted');
  // The page called the third badge on screen (own, slotted, first): its view shows the call.
  await expect(frame.locator('.select-page #badge-asked')).toHaveText(['asked 0', 'asked 0', 'asked 1']);
  // virtualHost: false — a host element carrying the user's id, class and style, styled by the component's :host.
  const chip = frame.locator('#chip');
  await expect(chip).toHaveJSProperty('tagName', 'MP-CHIP');
  await expect(chip).toHaveCSS('border-top-color', 'rgb(37, 99, 235)');
  await expect(chip).toHaveCSS('display', 'inline-block');
  await expect(chip).toHaveCSS('background-color', 'rgb(219, 234, 254)');
  await expect(frame.locator('#chip > #chip-label')).toHaveCSS('color', 'rgb(37, 99, 235)');
  await expect.poll(() => chip.evaluate((element) => parseFloat(getComputedStyle(element).marginTop))).toBeGreaterThan(0);
  await driver.screenshot('miniprogram-select-components');
});

test('relations: slot-content fields link to their form (both sides), getRelationNodes lists them, a removed field unlinks; a page observer sees the toggle', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.locator('#open-select').click();
  await expect(frame.locator('#form-fields')).toHaveText('fields: Name,Email');
  await expect(frame.locator('#email-note')).toHaveText('not observed yet');
  await expect(frame.locator('.form-field')).toHaveText(['Name in /components/field-form/index', 'Email in /components/field-form/index']);
  await frame.locator('#toggle-email').click();
  await expect(frame.locator('#form-fields')).toHaveText('fields: Name');
  await expect(frame.locator('#email-note')).toHaveText('observed off');
  await expect(frame.locator('.form-field')).toHaveCount(1);
  await frame.locator('#toggle-email').click();
  await expect(frame.locator('#form-fields')).toHaveText('fields: Name,Email');
  await driver.screenshot('miniprogram-relations');
});

test('page mixins: a Mixin() gives the page its data, a tap handler, an observer and a rootEvents onLoad', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.locator('#open-select').click();
  const note = frame.locator('#mixin-note');
  await expect(note).toHaveText('mixin onLoad on pages/select/select · 0 · not tapped');
  await frame.locator('#mixin-tap').click();
  await expect(note).toHaveText('mixin onLoad on pages/select/select · 1 · observed 1');
  await frame.locator('#mixin-tap').click();
  await expect(note).toHaveText('mixin onLoad on pages/select/select · 2 · observed 2');
  await note.scrollIntoViewIfNeeded();
  await driver.screenshot('miniprogram-page-mixins');
});

test('component rootEvents: a component hears its page\'s onReady and a tap on the title, with itself as this', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.locator('#open-select').click();
  const heard = frame.locator('#chip-heard');
  await expect(heard).toHaveText('onReady of pages/select/select');
  await frame.locator('.mp-title').click();
  await expect(heard).toHaveText('title tapped on pages/select/select (Hosted chip)');
  await driver.screenshot('miniprogram-component-rootevents');
});

test('moved: a keyed a:for reorder taking the last field to the top runs that field\'s moved alone, then linkChanged in its form; getRelationNodes in screen order (in linked of a field just inserted too)', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.locator('#open-moves').click();
  await expect(frame.locator('.mp-title')).toHaveText('Moves');
  const fields = frame.locator('.moves-page .form-field');
  await expect(fields).toHaveText(['A in /components/field-form/index', 'B in /components/field-form/index', 'C in /components/field-form/index']);
  await frame.locator('#last-first').click();
  await expect(fields).toHaveText(['C in /components/field-form/index · moved 1', 'A in /components/field-form/index', 'B in /components/field-form/index']);
  await expect(frame.locator('.moves-page #form-changed')).toHaveText('link changed: C');
  await frame.locator('#last-first').click();
  // Now B alone moves (C and A keep their order); C keeps the count of its own move.
  await expect(fields).toHaveText(['B in /components/field-form/index · moved 1', 'C in /components/field-form/index · moved 1', 'A in /components/field-form/index']);
  await expect(frame.locator('.moves-page #form-changed')).toHaveText('link changed: B');
  // getRelationNodes follows the screen: in linkChanged after a move, and from the page for a field inserted at the top.
  await expect(frame.locator('.moves-page #form-fields')).toHaveText('fields: B,C,A');
  await frame.locator('#new-first').click();
  await expect(fields).toHaveCount(4);
  // In the form's linked, run as N is created, N is already in its place (the view sent the order first).
  await expect(frame.locator('.moves-page #form-fields')).toHaveText('fields: N,B,C,A');
  await frame.locator('#list-fields').click();
  await expect(frame.locator('#listed')).toHaveText('listed: N,B,C,A');
  await driver.screenshot('miniprogram-moved');
});

test('basic components in Chromium: block a:for-item/a:for-index, a:elif, hidden, icon, image, textarea, picker, swiper, scroll-view', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.locator('#open-widgets').click();
  await expect(frame.locator('.mp-title')).toHaveText('Widgets');
  await expect(frame.locator('.fruit')).toHaveText(['0:apple', '1:banana', '2:cherry']);
  await expect(frame.locator('#level-mid')).toHaveText('mid');
  await expect(frame.locator('#level-low')).toHaveCount(0);
  await expect(frame.locator('#level-high')).toHaveCount(0);
  await expect(frame.locator('#hidden-box')).toBeHidden();
  await expect(frame.locator('#ok-icon')).toHaveClass(/mp-icon-success/);
  await expect.poll(() => frame.locator('#dot-image img, img#dot-image').first().evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(8);

  await frame.locator('#note textarea, textarea#note').first().fill('hello');
  await expect(frame.locator('#typed')).toHaveText('hello');
  await frame.locator('#fruit-picker select').selectOption({ index: 2 });
  await expect(frame.locator('#picked')).toHaveText('cherry');
  await frame.locator('#slides .mp-swiper-dot').nth(1).click();
  await expect(frame.locator('#slide-index')).toHaveText('slide 1');
  await frame.locator('#scroller').evaluate((element) => element.scrollTo(0, 60));
  await expect(frame.locator('#scroll-top')).toHaveText('scrolled');
  await driver.screenshot('miniprogram-widgets');
});

test('picker-view snaps a wheel pick into onChange between pickStart and pickEnd; movable-view drags inside its area and follows bound x', async ({ driver }) => {
  const frame = await driver.miniapp();
  const { mouse } = frame.page();
  await frame.locator('#open-widgets').click();
  const order = frame.locator('#order');
  await expect(order).toHaveText('apple / M · picks 0');
  // The bound value placed each column's item under the indicator.
  const sizes = frame.locator('#order-picker .a-picker-view-column').nth(1);
  await expect.poll(() => sizes.evaluate((column) => column.scrollTop)).toBe(34);

  const fruits = frame.locator('#order-picker .a-picker-view-column').first();
  await fruits.hover();
  await mouse.wheel(0, 80);
  await expect(order).toHaveText(/^(banana|cherry) \/ M · picks 1, ended$/);
  // What the app was told is the item the column came to rest on.
  const restingItem = () => fruits.evaluate((column) => column.children[Math.round(column.scrollTop / 34)]?.textContent);
  await expect.poll(async () => (await order.textContent())?.startsWith(`${await restingItem()} /`)).toBe(true);

  const puck = frame.locator('#puck');
  await frame.locator('#center-puck').scrollIntoViewIfNeeded();
  const box = await puck.boundingBox();
  if (box === null) throw new Error('the puck is not laid out');
  await mouse.move(box.x + 20, box.y + 20);
  await mouse.down();
  await mouse.move(box.x + 70, box.y + 50, { steps: 5 });
  await expect(frame.locator('#puck-at')).toHaveText('touch 50,30');
  // Dragged past the 200×100 area (to 190,90), it stops at its edge: 160,60 for a 40×40 view.
  await mouse.move(box.x + 210, box.y + 110, { steps: 5 });
  await mouse.up();
  await expect(frame.locator('#puck-at')).toHaveText('end 160,60');
  await driver.screenshot('miniprogram-picker-view-movable');
  await frame.locator('#center-puck').click();
  await expect(frame.locator('#puck-at')).toHaveText('setData 80,60');
  await expect(puck).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 80, 60)');
});

test('transparentTitle auto: the page starts under a clear title bar that fills in as it scrolls; titlePenetrate lets taps through; titleImage replaces the text', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.locator('#open-title').click();
  const bar = frame.locator('.mp-title-bar');
  await expect(bar.locator('img.mp-title-image')).toHaveAttribute('alt', 'Title');
  await expect(bar).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  // The banner starts at the top of the phone, under the bar, and a tap on the bar reaches it.
  const [barBox, bannerBox] = [await bar.boundingBox(), await frame.locator('#under-title').boundingBox()];
  expect(bannerBox?.y).toBe(barBox?.y);
  if (barBox === null) throw new Error('the title bar is not laid out');
  await frame.page().mouse.click(barBox.x + 100, barBox.y + 20);
  await expect(frame.locator('#under-title')).toHaveText('1 taps on the banner');
  await frame.locator('.mp-page-top').evaluate((page) => page.scrollTo(0, 200));
  await expect(bar).toHaveCSS('background-color', 'rgb(22, 119, 255)');
  await driver.screenshot('miniprogram-transparent-title');
});
