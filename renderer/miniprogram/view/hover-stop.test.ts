// @vitest-environment jsdom
// `hover-stop-propagation` (docs/miniprogram-runtime.md#references §6.1): a press on such an element (with or
// without a hover-class of its own) leaves its ancestors' hover classes off; without it, every ancestor hovers.
import { afterEach, describe, expect, it } from 'vitest';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { mountView } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

const FAST = 'hover-start-time="{{0}}" hover-stay-time="{{0}}"';

async function pressed(inner: string): Promise<string[]> {
  const compiled = compileSources({ '/pages/p/p.axml': `<view id="outer" hover-class="outer-on" ${FAST}><view id="middle" hover-class="middle-on" ${FAST}>${inner}</view></view>` });
  expect(compiled.problems).toEqual([]);
  const page = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p' }] });
  await page.openPage('pages/p/p', {});
  document.getElementById('inner')?.dispatchEvent(new Event('pointerdown', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 20));
  const on = ['outer', 'middle', 'inner'].flatMap((id) => [...(document.getElementById(id)?.classList ?? [])].filter((name) => name.endsWith('-on')));
  document.body.innerHTML = '';
  return on;
}

describe('hover-stop-propagation', () => {
  it('stops at the nearest element that has it, which still hovers itself', async () => {
    expect(await pressed(`<view id="inner" hover-class="inner-on" ${FAST}>x</view>`)).toEqual(['outer-on', 'middle-on', 'inner-on']);
    expect(await pressed(`<view id="inner" hover-class="inner-on" hover-stop-propagation ${FAST}>x</view>`)).toEqual(['inner-on']);
    expect(await pressed('<view id="inner" hover-stop-propagation>x</view>')).toEqual([]);
    expect(await pressed('<view id="inner" hover-stop-propagation="{{false}}">x</view>')).toEqual(['outer-on', 'middle-on']);
  });

  it('a middle element with it keeps the press from the elements above it only', async () => {
    const compiled = compileSources({ '/pages/p/p.axml': `<view id="outer" hover-class="outer-on" ${FAST}><view id="middle" hover-class="middle-on" hover-stop-propagation ${FAST}><text id="inner">x</text></view></view>` });
    const page = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p' }] });
    await page.openPage('pages/p/p', {});
    document.getElementById('inner')?.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.getElementById('middle')?.classList.contains('middle-on')).toBe(true);
    expect(document.getElementById('outer')?.classList.contains('outer-on')).toBe(false);
  });
});
