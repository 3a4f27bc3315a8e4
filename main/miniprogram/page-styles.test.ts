// Page styles are local (docs/miniprogram-runtime.md "Page styles are local"): a page's sheet, its @imports
// included, styles that page only; app.acss and component sheets stay global. Checked on a project on disk.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageScopeClass } from '../../shared/miniprogram/view-bundle';
import { MiniProgramProject } from './project';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function project(files: Record<string, string>): MiniProgramProject {
  const folder = mkdtempSync(join(tmpdir(), 'mp-page-styles-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const opened = new MiniProgramProject(folder);
  opened.manifest();
  return opened;
}

const BASE = {
  'app.json': JSON.stringify({ pages: ['pages/home/home', 'pages/my/my'] }),
  'app.acss': '.tips { color: red; }',
  'pages/home/home.axml': '<view class="tips"/>',
  'pages/my/my.axml': '<view class="tips"/>',
  'pages/my/my.json': JSON.stringify({ usingComponents: { badge: '/components/badge/badge' } }),
  'components/badge/badge.axml': '<text class="tag"/>',
  'components/badge/badge.acss': '.tag { color: blue; }',
};

describe('page sheets', () => {
  it('require their page root class on every selector; page and tag selectors on the root itself', () => {
    const mp = project({ ...BASE, 'pages/my/my.acss': 'page { background: #f7f7f7; }\n.tips, view > .x { position: absolute; }\npage .tips::before { content: "a"; }\n@media (min-width: 1px) { .tips { top: 1px; } }\n@keyframes fade { from { opacity: 0; } to { opacity: 1; } }' });
    const scope = pageScopeClass('pages/my/my');
    expect(scope).toBe('mp-route-pages-my-my');
    const css = mp.acss('/pages/my/my.acss').css;
    expect(css).toContain(`.a-page.${scope} { background: #f7f7f7; }`);
    expect(css).toContain(`.${scope} .tips, .${scope} .a-view > .x { position: absolute; }`);
    expect(css).toContain(`.a-page.${scope} .tips::before`);
    expect(css).toContain(`.${scope} .tips { top: 1px; }`);
    expect(css).toContain('from { opacity: 0; }');
  });

  it('scope what they @import too, and leave app.acss and component sheets global', () => {
    const mp = project({ ...BASE, 'pages/home/home.acss': '@import "./parts.acss";', 'pages/home/parts.acss': '.card { margin: 8rpx; }' });
    expect(mp.acss('/pages/home/home.acss').css).toContain(`.${pageScopeClass('pages/home/home')} .card {`);
    expect(mp.acss('/app.acss').css.trim()).toBe('.tips { color: red; }');
    expect(mp.acss('/components/badge/badge.acss').css.trim()).toBe('.tag { color: blue; }');
  });

  it('a basic tag the page (or app.json) overrides with usingComponents: its selector matches the basic one and the component\'s host', () => {
    const mp = project({
      ...BASE,
      'app.json': JSON.stringify({ pages: ['pages/home/home', 'pages/my/my'], usingComponents: { 'scroll-view': '/components/badge/badge' } }),
      'pages/my/my.json': JSON.stringify({ usingComponents: { button: '/components/badge/badge', badge: '/components/badge/badge' } }),
      'pages/my/my.acss': 'button { margin-top: 6px; }\n.bar > button:not(.x), scroll-view, view { color: red; }',
      'pages/home/home.acss': 'button { margin-top: 6px; }',
      'app.acss': 'button { color: blue; }',
    });
    const my = pageScopeClass('pages/my/my');
    const css = mp.acss('/pages/my/my.acss').css;
    expect(css).toContain(`.${my} :is(.a-button, mp-button) { margin-top: 6px; }`);
    expect(css).toContain(`.${my} .bar > :is(.a-button, mp-button):not(.x), .${my} :is(.a-scroll-view, scroll-view), .${my} .a-view { color: red; }`);
    // A page that does not override `button` (it does `scroll-view`, app-wide), and app.acss, keep the basic one.
    expect(mp.acss('/pages/home/home.acss').css).toContain(`.${pageScopeClass('pages/home/home')} .a-button { margin-top: 6px; }`);
    expect(mp.acss('/app.acss').css.trim()).toBe('.a-button { color: blue; }');
  });
});
