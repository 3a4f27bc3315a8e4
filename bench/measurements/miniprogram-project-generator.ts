// A synthetic mini-program project for the compile benchmark: `pages` pages that each use a:for, a:if, an
// imported template, an SJS module and a component with slots, and ACSS with rpx and @import.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function pageAxml(index: number): string {
  const sections = Array.from({ length: 8 }, (_, section) => `
  <view class="section section-${section}" a:if="{{show${section} !== false}}">
    <text class="heading">Section ${section} of page ${index}: {{title}}</text>
    <view a:for="{{items}}" a:key="id" class="item {{item.done ? 'done' : ''}}" data-id="{{item.id}}" onTap="select">
      <template is="row" data="{{...item, price: fmt.price(item.price)}}"/>
    </view>
    <card title="{{title}} {{${section}}}" onPick="pick"><view slot="head">Head {{count + ${section}}}</view><text>{{fmt.upper(title)}}</text></card>
  </view>`).join('');
  return `<import src="/templates/row.axml"/>\n<import-sjs name="fmt" from="/utils/fmt.sjs"/>\n<view class="page-${index}">${sections}\n  <input value="{{query}}" onInput="typed"/>\n</view>\n`;
}

/** Writes the project into `folder`; returns how many files it wrote. */
export function writeGeneratedProject(folder: string, pages: number): number {
  const files: Record<string, string> = {
    'app.json': JSON.stringify({ pages: Array.from({ length: pages }, (_, index) => `pages/p${index}/index`), window: { defaultTitle: 'Bench' } }),
    'app.js': 'App({});',
    'app.acss': "@import './styles/base.acss';\npage { background: #f5f5f5; }\n",
    'styles/base.acss': '.item { padding: 24rpx 32rpx; border-bottom: 1rpx solid #eee; }\nview.done text { color: #999; }\n',
    'utils/fmt.sjs': "export default {\n  price: (n) => '¥' + Number(n).toFixed(2),\n  upper: (s) => String(s).toUpperCase(),\n};\n",
    'templates/row.axml': '<template name="row"><text class="name">{{name}}</text><text class="price">{{price}}</text></template>\n',
    'components/card/index.json': '{ "component": true }',
    'components/card/index.js': 'Component({ props: { title: "" } });',
    'components/card/index.axml': '<view class="card"><view class="card-head"><slot name="head">{{title}}</slot></view><slot/></view>\n',
    'components/card/index.acss': '.card { margin: 16rpx; border-radius: 12rpx; }\n',
  };
  for (let index = 0; index < pages; index += 1) {
    const base = `pages/p${index}/index`;
    files[`${base}.json`] = JSON.stringify({ defaultTitle: `Page ${index}`, usingComponents: { card: '/components/card/index' } });
    files[`${base}.js`] = 'Page({ data: { items: [], title: "", count: 0, query: "" } });';
    files[`${base}.axml`] = pageAxml(index);
    files[`${base}.acss`] = `.page-${index} .section { margin: ${index}rpx 0; }\n.page-${index} .heading { font-size: 32rpx; }\n`;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return Object.keys(files).length;
}
