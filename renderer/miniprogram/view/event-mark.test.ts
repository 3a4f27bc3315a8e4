// @vitest-environment jsdom
// `event.mark` (base library 2.8.5+, docs/miniprogram-runtime.md#references §5.6): the `mark:*` attributes of
// every element from the touched one up the page, merged, the nearer element's value winning; values keep their type.
import { afterEach, describe, expect, it } from 'vitest';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { mountView } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('event.mark', () => {
  it('merges mark:* along the path from the touched element, the nearer value winning, and leaves the dataset alone', async () => {
    const compiled = compileSources({
      '/pages/p/p.axml': `<view mark:list="{{ {name: 'outer'} }}" mark:which="outer">
        <view id="row" mark:which="row" mark:index="{{3}}" onTap="rowTap">
          <text id="leaf" mark:leaf="yes" catchTap="leafTap">leaf</text>
          <text id="plain">plain</text>
        </view>
      </view>`,
    });
    expect(compiled.problems).toEqual([]);
    const page = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p' }] });
    await page.openPage('pages/p/p', {});
    const events = () => page.sent.flatMap((message) => (message.t === 'event' ? [[message.handler, message.event.mark]] : []));

    document.getElementById('plain')?.click();
    expect(events()).toEqual([['rowTap', { which: 'row', index: 3, list: { name: 'outer' } }]]);
    page.sent.length = 0;
    document.getElementById('leaf')?.click();
    expect(events()).toEqual([['leafTap', { leaf: 'yes', which: 'row', index: 3, list: { name: 'outer' } }]]);
    expect(Object.keys(document.getElementById('row')?.dataset ?? {})).toEqual([]);
  });
});
