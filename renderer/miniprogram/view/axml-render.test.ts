// @vitest-environment jsdom
// AXML in → DOM out: each construct compiled by main/miniprogram, evaluated, rendered by the view runtime.
import { afterEach, describe, expect, it } from 'vitest';
import type { Json } from '../../../shared/json';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { mountView, type MountedView } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

async function renderPage(axml: string, data: { [key: string]: Json }, extra: Record<string, string> = {}): Promise<MountedView> {
  const compiled = compileSources({ '/pages/p/p.axml': axml, ...extra });
  expect(compiled.problems).toEqual([]);
  const mounted = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p' }] });
  await mounted.openPage('pages/p/p', data);
  return mounted;
}

const $ = (selector: string): HTMLElement => {
  const element = document.querySelector<HTMLElement>(selector);
  if (element === null) throw new Error(`no ${selector}`);
  return element;
};

describe('AXML rendering', () => {
  it('puts text and {{ }} in text, keeps ids, and maps class/style (rpx)/data-* onto the element', async () => {
    await renderPage('<view id="greet" class="big {{tone}}" style="width: 100rpx; color: {{color}}" data-user-id="{{7}}">Hello {{name}}!</view>', { name: 'Ann', tone: 'warm', color: 'red' });
    const element = $('#greet');
    expect(element.textContent).toBe('Hello Ann!');
    expect(element.className).toBe('a-view big warm');
    expect(element.getAttribute('style')).toContain('width: calc(100 * var(--rpx)); color: red');
    expect(element.getAttribute('data-user-id')).toBe('7');
    expect(element.closest('.a-page')).not.toBeNull();
  });

  it('a:if / a:elif / a:else follow set-data, and hidden hides without removing', async () => {
    const page = await renderPage('<view a:if="{{n > 1}}" id="many">many</view><view a:elif="{{n === 1}}" id="one">one</view><view a:else id="none">none</view><view id="h" hidden="{{n === 0}}">h</view>', { n: 0 });
    expect(document.querySelector('#none')).not.toBeNull();
    expect($('#h').hidden).toBe(true);
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['n'], value: 1 }] });
    await page.settle();
    expect(document.querySelector('#one')).not.toBeNull();
    expect(document.querySelector('#none')).toBeNull();
    expect($('#h').hidden).toBe(false);
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['n'], value: 5 }] });
    await page.settle();
    expect(document.querySelector('#many')?.textContent).toBe('many');
  });

  it('a:for with item/index, a:for-item/a:for-index, numbers, <block>, and a:key keeping DOM nodes on reorder', async () => {
    const page = await renderPage(
      `<view a:for="{{list}}" a:key="id" class="row">{{index}}:{{item.name}}</view>
       <block a:for="{{3}}" a:for-item="n" a:for-index="i"><text class="num">{{i}}={{n}}</text></block>
       <view a:for="{{groups}}" a:for-item="g"><text a:for="{{g}}" class="cell">{{item}}</text></view>`,
      { list: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], groups: [['x', 'y'], ['z']] },
    );
    expect([...document.querySelectorAll('.row')].map((row) => row.textContent)).toEqual(['0:A', '1:B']);
    expect([...document.querySelectorAll('.num')].map((row) => row.textContent)).toEqual(['0=0', '1=1', '2=2']);
    expect([...document.querySelectorAll('.cell')].map((row) => row.textContent)).toEqual(['x', 'y', 'z']);
    const rowB = document.querySelectorAll('.row')[1];
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['list'], value: [{ id: 'b', name: 'B' }, { id: 'a', name: 'A' }] }] });
    await page.settle();
    expect(document.querySelectorAll('.row')[0]).toBe(rowB);
    expect(rowB?.textContent).toBe('0:B');
  });

  it('setData of one a:for item re-renders only that item; a change of an outer name the items read re-renders all', async () => {
    const list = Array.from({ length: 100 }, (_, index) => ({ id: index, name: `n${index}` }));
    const page = await renderPage('<view a:for="{{list}}" a:key="id" class="row">{{item.name}}{{suffix}}</view>', { list, suffix: '!' });
    const rows = [...document.querySelectorAll('.row')];
    const changedRows = async (send: () => void): Promise<Set<Element>> => {
      const touched = new Set<Element>();
      const observer = new MutationObserver((records) => records.forEach((record) => {
        const row = (record.target instanceof Element ? record.target : record.target.parentElement)?.closest('.row');
        if (row) touched.add(row);
      }));
      observer.observe(document.body, { subtree: true, characterData: true, childList: true, attributes: true });
      send();
      await page.settle();
      observer.disconnect();
      return touched;
    };
    const one = await changedRows(() => page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['list', 50, 'name'], value: 'fifty' }] }));
    expect([...one]).toEqual([rows[50]]);
    expect(rows[50]?.textContent).toBe('fifty!');
    const all = await changedRows(() => page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['suffix'], value: '?' }] }));
    expect(all.size).toBe(100);
    expect(rows[0]?.textContent).toBe('n0?');
  });

  it('a key="{{…}}" attribute keys a:for items like a:key', async () => {
    const page = await renderPage('<input a:for="{{rows}}" key="{{item.code + 1}}" class="field" value="{{item.code}}"/>', { rows: [{ code: 'x' }, { code: 'y' }] });
    const second = document.querySelectorAll('.field')[1];
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['rows'], value: [{ code: 'y' }, { code: 'x' }] }] });
    await page.settle();
    expect(document.querySelectorAll('.field')[0]).toBe(second);
  });

  it('after keys shift (object iteration, removal), an in-place change still reaches the right item', async () => {
    const page = await renderPage('<view a:for="{{byId}}" a:for-index="key" class="entry" id="e-{{key}}">{{key}}={{item}}</view>', { byId: { a: 1, b: 2, c: 3 } });
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['byId'], value: { b: 2, c: 3 } }] });
    await page.settle();
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['byId', 'c'], value: 30 }] });
    await page.settle();
    expect([...document.querySelectorAll('.entry')].map((entry) => entry.textContent)).toEqual(['b=2', 'c=30']);
  });

  it('templates by name/is/data (dynamic is, object shorthand, spread), import and include', async () => {
    await renderPage(
      `<import src="./lib.axml"/>
       <template name="local"><text id="local">{{a}}-{{b}}</text></template>
       <template is="local" data="{{a: x, b: 2}}"/>
       <template is="{{kind}}" data="{{...item}}"/>
       <include src="./header.axml"/>`,
      { x: 1, kind: 'fromLib', item: { label: 'L' }, title: 'T' },
      {
        '/pages/p/lib.axml': '<template name="fromLib"><text id="lib">{{label}}</text></template>',
        '/pages/p/header.axml': '<template name="hidden"><text>no</text></template><view id="header">{{title}}</view>',
      },
    );
    expect($('#local').textContent).toBe('1-2');
    expect($('#lib').textContent).toBe('L');
    expect($('#header').textContent).toBe('T');
  });

  it('import-sjs: default export, named exports, CommonJS, and SJS requiring SJS', async () => {
    await renderPage(
      `<import-sjs name="fmt" from="./fmt.sjs"/><import-sjs name="{ twice, half: h }" from="/math.sjs"/><import-sjs name="cjs" from="./c.sjs"/>
       <text id="a">{{fmt.price(p)}}</text><text id="b">{{twice(3)}} {{h(3)}}</text><text id="c">{{cjs.hi}}</text>`,
      { p: 2 },
      {
        '/pages/p/fmt.sjs': "import { twice } from '/math.sjs';\nexport default { price: (n) => '¥' + twice(n).toFixed(2) };",
        '/math.sjs': 'export const twice = (n) => n * 2;\nexport function half(n) { return n / 2; }',
        '/pages/p/c.sjs': "module.exports = { hi: 'hello' };",
      },
    );
    expect($('#a').textContent).toBe('¥4.00');
    expect($('#b').textContent).toBe('6 1.5');
    expect($('#c').textContent).toBe('hello');
  });

  it('text space widens spaces and decode turns &nbsp; into its character', async () => {
    await renderPage('<text id="s" space="emsp">a b</text><text id="d" decode>a&nbsp;b &lt;c&gt;</text><text id="n">a&nbsp;b</text>', {});
    expect($('#s').textContent).toBe('a\u2003b');
    expect($('#d').textContent).toBe('a\u00A0b <c>');
    expect($('#n').textContent).toBe('a&nbsp;b');
  });

  it('missing data renders as empty text instead of failing', async () => {
    await renderPage('<view id="v">[{{a.b.c}}][{{list[3].x}}]</view>', {});
    expect($('#v').textContent).toBe('[][]');
  });
});

describe('AXML events', () => {
  it('onTap bubbles (inner, then outer), catchTap stops there, with the documented event object', async () => {
    const page = await renderPage(
      `<view id="outer" onTap="outer"><view id="middle" catchTap="middle" data-item-id="{{5}}" data-name="m"><view id="inner" onTap="inner"><text id="label">x</text></view></view></view>`,
      {},
    );
    $('#label').click();
    $('#outer').click();
    const events = page.sent.filter((message) => message.t === 'event');
    expect(events.map((message) => message.handler)).toEqual(['inner', 'middle', 'outer']);
    const middle = events[1]?.event;
    expect(middle).toMatchObject({
      type: 'tap',
      target: { id: 'label', tagName: 'text', dataset: { itemId: 5, name: 'm' } },
      currentTarget: { id: 'middle', tagName: 'view', dataset: { itemId: 5, name: 'm' } },
      detail: {},
    });
    expect(typeof middle?.timeStamp).toBe('number');
    expect(events.every((message) => message.instanceId === 1)).toBe(true);
  });

  it('capture-onTap runs outer → inner before bubbling; capture-catchTap stops both phases there', async () => {
    const page = await renderPage('<view id="o" capture-onTap="cap-outer" onTap="bub-outer"><view id="m" capture-catchTap="cap-middle"><view id="i" onTap="bub-inner">x</view></view></view><view id="p" capture-onTap="cap-p" onTap="bub-p"><view id="c" onTap="bub-c">y</view></view>', {});
    $('#i').click();
    $('#c').click();
    expect(page.sent.filter((message) => message.t === 'event').map((message) => message.handler)).toEqual(['cap-outer', 'cap-middle', 'cap-p', 'bub-c', 'bub-p']);
  });

  it('hover-class is added after hover-start-time and removed hover-stay-time after release', async () => {
    await renderPage('<view id="v" hover-class="pressed" hover-start-time="{{0}}" hover-stay-time="{{0}}">v</view><button id="b">b</button>', {});
    const view = $('#v');
    view.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(view.classList.contains('pressed')).toBe(true);
    view.dispatchEvent(new Event('pointerup', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(view.classList.contains('pressed')).toBe(false);
    $('#b').dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect($('#b').classList.contains('button-hover')).toBe(true);
  });

  it('input sends detail.value and keeps its DOM node and focus across setData', async () => {
    const page = await renderPage('<input id="name" value="{{name}}" onInput="typed"/><text id="echo">{{name}}</text>', { name: 'a' });
    const input = $('#name') as HTMLInputElement;
    expect(input.value).toBe('a');
    input.focus();
    input.value = 'ab';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(page.sent.at(-1)).toMatchObject({ t: 'event', handler: 'typed', event: { type: 'input', detail: { value: 'ab', cursor: 2 } } });
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['name'], value: 'ab' }] });
    await page.settle();
    expect($('#echo').textContent).toBe('ab');
    expect($('#name')).toBe(input);
    expect(document.activeElement).toBe(input);
    input.value = 'typed more';
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['other'], value: 1 }] });
    await page.settle();
    expect(input.value).toBe('typed more');
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['name'], value: '' }] });
    await page.settle();
    expect(input.value).toBe('');
  });

  it('Enter in a form\'s input sends confirm and prevents the native submission; Ctrl+Enter confirms a textarea', async () => {
    const page = await renderPage('<form onSubmit="submitted"><input id="q" value="shoes" onConfirm="searched"/><textarea id="t" onConfirm="sent"/></form>', {});
    const enter = (ctrlKey = false) => new KeyboardEvent('keydown', { key: 'Enter', ctrlKey, bubbles: true, cancelable: true });
    const onInput = enter();
    $('#q').dispatchEvent(onInput);
    expect(onInput.defaultPrevented).toBe(true);
    expect(page.sent.at(-1)).toMatchObject({ t: 'event', handler: 'searched', event: { type: 'confirm', detail: { value: 'shoes' } } });
    const plainInTextarea = enter();
    $('#t').dispatchEvent(plainInTextarea);
    expect(plainInTextarea.defaultPrevented).toBe(false);
    $('#t').dispatchEvent(enter(true));
    expect(page.sent.filter((message) => message.t === 'event').map((message) => message.handler)).toEqual(['searched', 'sent']);
  });

  it('textarea, switch, checkbox-group, radio-group and picker send their documented detail', async () => {
    const page = await renderPage(
      `<textarea id="t" onInput="t"/><switch id="s" onChange="s"/>
       <checkbox-group onChange="cg"><checkbox id="c1" value="a"/><checkbox id="c2" value="b"/></checkbox-group>
       <radio-group onChange="rg"><radio id="r1" value="x"/><radio id="r2" value="y" checked/></radio-group>
       <picker id="p" range="{{fruits}}" value="{{0}}" onChange="p"><view>pick</view></picker>`,
      { fruits: ['apple', 'pear'] },
    );
    const last = (): unknown => page.sent.at(-1);
    const area = $('#t') as HTMLTextAreaElement;
    area.value = 'hi';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    expect(last()).toMatchObject({ handler: 't', event: { detail: { value: 'hi' } } });
    $('#s').click();
    expect(last()).toMatchObject({ handler: 's', event: { type: 'change', detail: { value: true } } });
    $('#c2').click();
    expect(last()).toMatchObject({ handler: 'cg', event: { detail: { value: ['b'] } } });
    $('#r1').click();
    expect(last()).toMatchObject({ handler: 'rg', event: { detail: { value: 'x' } } });
    expect(($('#r2') as HTMLInputElement).checked).toBe(false);
    const select = $('#p select') as HTMLSelectElement;
    select.value = '1';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(last()).toMatchObject({ handler: 'p', event: { detail: { value: 1 } } });
  });

  it('form submit collects named controls into detail.value', async () => {
    const page = await renderPage(
      `<form onSubmit="submit"><input name="user" value="ann"/><switch name="agree" checked="{{true}}"/>
       <checkbox-group name="tags"><checkbox value="a" checked/><checkbox value="b"/></checkbox-group>
       <radio-group name="size"><radio value="s"/><radio value="m" checked/></radio-group>
       <picker name="fruit" range="{{['x', 'y']}}" value="{{1}}"><view>p</view></picker>
       <button id="go" form-type="submit">Go</button></form>`,
      {},
    );
    $('#go').click();
    expect(page.sent.at(-1)).toMatchObject({
      handler: 'submit',
      event: { type: 'submit', detail: { value: { user: 'ann', agree: true, tags: ['a'], size: 'm', fruit: 1 } } },
    });
  });

  it('swiper dots change current, scroll-view reports scroll, navigator asks the logic to route, image src is served', async () => {
    const page = await renderPage(
      `<swiper id="sw" indicator-dots onChange="sw"><swiper-item>1</swiper-item><swiper-item>2</swiper-item></swiper>
       <scroll-view id="sv" scroll-y onScroll="sv"><view>content</view></scroll-view>
       <navigator id="nav" url="/pages/b/b?x=1" open-type="redirect">go</navigator>
       <image id="img" src="/images/a.png" mode="aspectFit"/><icon id="ic" type="success" size="30"/>`,
      {},
    );
    (document.querySelectorAll('#sw .mp-swiper-dot')[1] as HTMLElement).click();
    await page.settle();
    expect(page.sent.at(-1)).toMatchObject({ handler: 'sw', event: { detail: { current: 1, isChanging: false, source: 'touch' } } });
    expect($('#sw .mp-swiper-track').getAttribute('style')).toContain('translateX(-100%)');
    $('#sv').dispatchEvent(new Event('scroll'));
    expect(page.sent.at(-1)).toMatchObject({ handler: 'sv', event: { type: 'scroll', detail: { scrollTop: 0, scrollLeft: 0 } } });
    $('#nav').click();
    expect(page.sent.at(-1)).toEqual({ t: 'navigate', openType: 'redirect', url: '/pages/b/b?x=1', delta: 1 });
    expect($('#img').getAttribute('src')).toBe('/__mp/asset/images/a.png');
    expect($('#ic').getAttribute('style')).toContain('font-size: 30px');
  });

  it('a swiper whose items come from a:for has a dot per item and changes to the last one', async () => {
    const page = await renderPage('<swiper id="sw" indicator-dots onChange="sw"><swiper-item a:for="{{items}}">{{item}}</swiper-item></swiper>', { items: ['a', 'b', 'c'] });
    await page.settle();
    expect(document.querySelectorAll('#sw .mp-swiper-dot')).toHaveLength(3);
    (document.querySelectorAll('#sw .mp-swiper-dot')[2] as HTMLElement).click();
    await page.settle();
    expect(page.sent.at(-1)).toMatchObject({ handler: 'sw', event: { detail: { current: 2 } } });
  });
});
