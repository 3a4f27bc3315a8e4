// @vitest-environment jsdom
// rich-text: nodes as an array or as an HTML string, whitelisted tags and attributes only, taps bubble as on a view.
import { afterEach, describe, expect, it } from 'vitest';
import type { Json } from '../../../shared/json';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { mountView, type MountedView } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

async function renderRichText(nodes: Json, attributes = ''): Promise<{ page: MountedView; root: HTMLElement }> {
  const compiled = compileSources({ '/pages/p/p.axml': `<rich-text id="rt" class="article" nodes="{{nodes}}" onTap="read"${attributes}/>` });
  expect(compiled.problems).toEqual([]);
  const page = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p' }] });
  await page.openPage('pages/p/p', { nodes });
  return { page, root: document.getElementById('rt') as HTMLElement };
}

describe('rich-text', () => {
  it('renders the node array: nested tags with class and style (rpx), text nodes, project images', async () => {
    const { root } = await renderRichText([
      { name: 'div', attrs: { class: 'box', style: 'padding: 20rpx' }, children: [{ type: 'text', text: 'Hello ' }, { name: 'strong', children: [{ type: 'text', text: 'world' }] }] },
      { name: 'img', attrs: { src: '/images/a.png', alt: 'A', width: '20' } },
    ]);
    expect(root.className).toBe('a-rich-text article');
    expect(root.innerHTML).toBe('<div class="box" style="padding: calc(20 * var(--rpx));">Hello <strong>world</strong></div><img src="/__mp/asset/images/a.png" alt="A" width="20">');
  });

  it('keeps only whitelisted tags and attributes: no scripts, handlers, links or frames; unknown tags show their children', async () => {
    const { root } = await renderRichText([
      { name: 'p', attrs: { onclick: 'steal()', class: 'x' }, children: [{ type: 'text', text: 'safe' }] },
      { name: 'script', children: [{ type: 'text', text: 'alert(1)' }] },
      { name: 'a', attrs: { href: 'https://example.com/' }, children: [{ type: 'text', text: 'link' }] },
      { name: 'marquee', children: [{ name: 'em', children: [{ type: 'text', text: 'inside' }] }] },
      { name: 'img', attrs: { src: 'javascript:alert(1)' } },
      { name: 'iframe', attrs: { src: 'https://example.com/' } },
    ]);
    expect(root.innerHTML).toBe('<p class="x">safe</p><a>link</a><em>inside</em><img>');
  });

  it('reads an HTML string with the browser parser, with the same whitelist', async () => {
    const { root } = await renderRichText('<h1 class="t">Title</h1><p>one <b>two</b><script>window.ran = true</script><img src="x.png" onerror="window.ran = true"></p><style>p { color: red }</style>');
    expect(root.innerHTML).toBe('<h1 class="t">Title</h1><p>one <b>two</b><img></p>');
    expect((window as unknown as { ran?: boolean }).ran).toBeUndefined();
  });

  it('space widens the spaces of every text node, in the array and in an HTML string', async () => {
    const { root } = await renderRichText([{ name: 'p', children: [{ type: 'text', text: 'a  b' }] }], ' space="emsp"');
    expect(root.textContent).toBe('a\u2003\u2003b');
    document.body.innerHTML = '';
    const html = await renderRichText('<p>one <b>two three</b></p>', ' space="nbsp"');
    expect(html.root.textContent).toBe('one\u00A0two\u00A0three');
  });

  it('a tap on the content reaches the page as onTap of the rich-text; bad nodes render nothing', async () => {
    const { page, root } = await renderRichText([{ name: 'span', children: [{ type: 'text', text: 'tap me' }] }]);
    root.querySelector('span')?.click();
    expect(page.sent.filter((message) => message.t === 'event').map((message) => message.t === 'event' && message.handler)).toEqual(['read']);
    document.body.innerHTML = '';
    const bad = await renderRichText([null, 3, { name: 7 }, { type: 'text' }]);
    expect(bad.root.textContent).toBe('');
  });
});
