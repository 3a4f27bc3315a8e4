// The timeline's "Whole run" band explains each bucket (docs/behaviour.md#a28-whole-run-timeline-summary):
// [ and ] step through its buckets from the keyboard, each shown in a card at the bucket and announced, and
// hovering a bucket shows the same card: its time range, frames in and out, connections opened and closed,
// and its error codes in the active client profile's wording. The buckets add up to the band's totals.
import { explainProfileCode } from '../shared/client-profiles';
import { BLANK_MINIAPP, expect, test } from './harness/fixtures';
import { floodThroughMiniapp } from './harness/lab-flood';
import { failSendBeforeOpen } from './harness/send-before-open';

/** Sums "N <word>" over bucket sentences ("1,200 frames: 1,200 in, 0 out; 1 connection opened, 1 closed"). */
function sum(sentences: readonly string[], pattern: RegExp): number {
  return sentences.reduce((total, sentence) => total + Number(pattern.exec(sentence)?.[1]?.replace(/,/g, '') ?? 0), 0);
}

test('a Whole run bucket explains itself on hover and from the keyboard, in the client profile\'s wording', async ({ hostFolder }) => {
  test.setTimeout(180_000);
  await hostFolder.run(['--miniapp', BLANK_MINIAPP], async (driver) => {
    const { panel } = driver;
    expect(await failSendBeforeOpen(driver)).toBe(10);
    // Buckets are 1 s wide: a flood more than 1 s after the failure falls in a later bucket than the error.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await floodThroughMiniapp(driver, 3_000)).toBe(3_000);
    const totals = panel.getByTestId('run-summary');
    await expect(totals).toContainText('3,000 frames in', { timeout: 30_000 });
    await expect(totals).toContainText('errors code 10 ×1');
    // The flood's close is counted too (the summary is asked for once a second): the run is still from here.
    await expect(totals).toContainText('1 opened, 1 closed');
    const totalsText = (await totals.textContent()) ?? '';

    // The keyboard: ] from the first bucket on, round to the first again; each announced and shown in a card.
    const canvas = panel.getByRole('img', { name: /^Timeline of/ });
    await canvas.focus();
    const announced = panel.getByTestId('run-summary-bucket');
    const card = panel.getByRole('tooltip');
    const sentences: string[] = [];
    /** Presses `key` and returns the sentence announced, once it is a new one (there are two buckets at least). */
    const step = async (key: string, previous: string) => {
      await canvas.press(key);
      await expect(announced).not.toHaveText(previous);
      await expect(announced).toContainText('Whole run ');
      return (await announced.textContent()) ?? '';
    };
    for (let steps = 0, previous = ''; steps < 50; steps += 1) {
      const sentence = await step(']', previous);
      previous = sentence;
      if (sentences[0] === sentence) break;
      sentences.push(sentence);
      await expect(card).toContainText(/Whole run · \S+ s – \S+ s \(1 s bucket\)/);
    }
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    // [ goes the other way: from the first bucket round to the last.
    await canvas.press(']');
    await expect(announced).toHaveText(sentences[1] ?? '');
    await canvas.press('[');
    await canvas.press('[');
    await expect(announced).toHaveText(sentences.at(-1) ?? '');
    const description = explainProfileCode('alipay-plus', 10)?.description ?? '';
    expect(description).not.toBe('');
    const withError = sentences.filter((sentence) => sentence.includes(`Error 10: ${description}`));
    expect(withError).toHaveLength(1);
    expect(withError[0]).not.toContain('3,000 frames');
    // The buckets add up to the band's totals.
    expect(sum(sentences, /([\d,]+) in,/)).toBe(3_000);
    expect(sum(sentences, /([\d,]+) connections? opened/)).toBe(Number(/([\d,]+) opened/.exec(totalsText)?.[1]));
    expect(sum(sentences, /(?:opened, |; )([\d,]+) (?:connections? )?closed/)).toBe(Number(/([\d,]+) closed/.exec(totalsText)?.[1]));
    await canvas.press('Escape');
    await expect(card).toHaveCount(0);
    await expect(announced).toHaveText('');

    // The mouse: step to the error's bucket, read where its card is (14 px right of the bucket), hover there.
    for (let steps = 0, previous = ''; steps < sentences.length; steps += 1) {
      previous = await step(']', previous);
      if (previous.includes('Error 10')) break;
    }
    await expect(card).toContainText(`Error 10: ${description}`);
    const cardBox = await card.boundingBox();
    const canvasBox = await canvas.boundingBox();
    if (!cardBox || !canvasBox) throw new Error('the card and the canvas are laid out');
    await canvas.press('Escape');
    await panel.mouse.move(cardBox.x - 14, canvasBox.y + canvasBox.height - 20);
    await expect(card).toContainText(`Error 10: ${description}`);
    await expect(card).toContainText('Counted by the engine for every entry of the run');
    await expect(announced).toHaveText(''); // hovering is not announced: the pointer user sees the card
    for (const theme of ['light', 'dark'] as const) {
      await panel.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      await panel.mouse.move(cardBox.x - 13, canvasBox.y + canvasBox.height - 20);
      await expect(card).toContainText('Error 10');
      await driver.screenshot(`timeline-whole-run-tooltip-${theme}`);
    }
    await panel.mouse.move(cardBox.x - 14, canvasBox.y + canvasBox.height + 40);
    await expect(card).toHaveCount(0);
  });
});
