// @vitest-environment jsdom
// A render that throws inside an a:for item (an SJS call, rendered later by Preact) shows a problem box in place
// of that page or component and reports it once; the rest of the phone keeps working, and new data renders again.
import { afterEach, describe, expect, it } from 'vitest';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { mountView } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

const SJS = "export default { shout(text) { if (text === 'bad') throw new Error('cannot shout ' + text); return text.toUpperCase(); } };";

describe('render errors inside a:for items', () => {
  it('a page: the box replaces the page content, the title bar stays, page-ready still goes, new data renders', async () => {
    const compiled = compileSources({
      '/pages/p/p.axml': '<import-sjs name="fmt" from="./fmt.sjs"/><view id="head">head</view><view a:for="{{rows}}" class="row">{{fmt.shout(item)}}</view>',
      '/pages/p/fmt.sjs': SJS,
    });
    expect(compiled.problems).toEqual([]);
    const page = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p', window: { defaultTitle: 'Title' } }] });
    await page.openPage('pages/p/p', { rows: ['a', 'bad'] });
    expect(document.querySelector('.a-page .mp-problem')?.textContent).toBe('pages/p/p.axml render failed: cannot shout bad');
    expect(document.querySelector('.mp-title')?.textContent).toBe('Title');
    expect(page.sent.filter((message) => message.t === 'view-problem')).toMatchObject([{ problem: { kind: 'runtime', message: 'render failed: cannot shout bad', file: 'pages/p/p.axml' } }]);
    expect(page.sent.some((message) => message.t === 'page-ready')).toBe(true);

    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['rows'], value: ['a', 'b'] }], callbackId: 4 });
    await page.settle();
    expect([...document.querySelectorAll('.row')].map((row) => row.textContent)).toEqual(['A', 'B']);
    expect(document.querySelector('.a-page .mp-problem')).toBeNull();
    expect(page.sent).toContainEqual({ t: 'rendered', callbackIds: [4] });
  });

  it('a component: only the component is replaced; the page around it renders', async () => {
    const CARD = '/components/card/index';
    const compiled = compileSources({
      '/pages/p/p.axml': '<view id="before">before</view><card rows="{{rows}}"/><view id="after">after</view>',
      [`${CARD}.axml`]: '<import-sjs name="fmt" from="./fmt.sjs"/><view a:for="{{rows}}" class="cell">{{fmt.shout(item)}}</view>',
      '/components/card/fmt.sjs': SJS,
    });
    expect(compiled.problems).toEqual([]);
    const page = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p', usingComponents: { card: CARD } }], components: [{ path: CARD, usingComponents: {} }] });
    await page.openPage('pages/p/p', { rows: ['bad'] });
    expect(document.getElementById('before')?.textContent).toBe('before');
    expect(document.getElementById('after')?.textContent).toBe('after');
    expect(document.querySelector('.mp-problem')?.textContent).toBe('components/card/index.axml render failed: cannot shout bad');
  });
});
