// Component styleIsolation (docs/miniprogram-runtime.md#references §4.8) on a project on disk: `apply-shared`
// scopes the component's sheet to its scope class and names that class in the manifest; `shared` (default)
// leaves both alone; a changed .json takes effect on the next manifest; an unknown value is a problem.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MiniProgramProject } from './project';
import { serveBundle } from './serve-bundle';
import { styleScopeClass } from './style-isolation';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function write(folder: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

function projectWith(cardJson: object): { folder: string; project: MiniProgramProject } {
  const folder = mkdtempSync(join(tmpdir(), 'mp-isolation-'));
  folders.push(folder);
  write(folder, {
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'pages/index/index.json': JSON.stringify({ usingComponents: { card: '/components/card/index' } }),
    'pages/index/index.axml': '<card/>',
    'components/card/index.json': JSON.stringify({ component: true, ...cardJson }),
    'components/card/index.axml': '<view class="title">card</view>',
    'components/card/index.acss': '@import "./base.acss";\n.title, .box > text::before { color: red; }\n@keyframes pop { from { opacity: 0 } to { opacity: 1 } }',
    'components/card/base.acss': 'view:hover { margin: 2rpx; }',
  });
  return { folder, project: new MiniProgramProject(folder) };
}

const cardCss = (project: MiniProgramProject): string => String(serveBundle(project, '/__mp/style/components/card/index.acss.css').body);

describe('styleIsolation', () => {
  it('apply-shared: the manifest names the scope class and every rule of the sheet (imports included) requires it', () => {
    const { project } = projectWith({ styleIsolation: 'apply-shared' });
    const scope = styleScopeClass('/components/card/index');
    expect(scope).toBe('mp-iso-components-card-index');
    expect(project.manifest().components).toEqual([{ path: '/components/card/index', usingComponents: {}, styleScope: scope }]);
    expect(cardCss(project)).toBe(
      `.a-view:hover.${scope} { margin: calc(2 * var(--rpx)); }\n.title.${scope}, .box > .a-text.${scope}::before { color: red; }\n@keyframes pop { from { opacity: 0 } to { opacity: 1 } }`,
    );
  });

  it('shared (and no setting) leaves the sheet global; switching the .json re-scopes on the next manifest', () => {
    const { folder, project } = projectWith({ styleIsolation: 'shared' });
    expect(project.manifest().components[0]).not.toHaveProperty('styleScope');
    expect(cardCss(project)).toContain('.title, .box > .a-text::before { color: red; }');

    write(folder, { 'components/card/index.json': JSON.stringify({ component: true, styleIsolation: 'apply-shared' }) });
    expect(project.manifest().components[0]?.styleScope).toBe('mp-iso-components-card-index');
    expect(cardCss(project)).toContain('.title.mp-iso-components-card-index,');
  });

  it('an unknown value is a problem with the file, and the component stays shared', () => {
    const { project } = projectWith({ styleIsolation: 'isolated' });
    const manifest = project.manifest();
    expect(manifest.problems).toEqual([
      { kind: 'json', message: 'styleIsolation "isolated": use "shared" or "apply-shared"; "shared" applies', file: 'components/card/index.json' },
    ]);
    expect(manifest.components[0]).not.toHaveProperty('styleScope');
  });
});

describe('virtualHost and :host', () => {
  it('virtualHost false reaches the manifest; :host becomes the host class (apply-shared scope on top); a non-boolean is a problem', () => {
    const { folder, project } = projectWith({ virtualHost: false });
    write(folder, { 'components/card/index.acss': ':host { color: red; }\n:host(.on) .title, .plain { margin: 0; }' });
    expect(project.manifest().components).toEqual([{ path: '/components/card/index', usingComponents: {}, virtualHost: false }]);
    expect(cardCss(project)).toBe('.mp-host-components-card-index { color: red; }\n.mp-host-components-card-index.on .title, .plain { margin: 0; }');

    write(folder, { 'components/card/index.json': JSON.stringify({ component: true, virtualHost: false, styleIsolation: 'apply-shared' }) });
    project.manifest();
    expect(cardCss(project)).toContain('.mp-host-components-card-index.mp-iso-components-card-index { color: red; }');

    write(folder, { 'components/card/index.json': JSON.stringify({ component: true, virtualHost: 'no' }) });
    const manifest = project.manifest();
    expect(manifest.problems).toEqual([{ kind: 'json', message: 'virtualHost "no": use true or false; true (no host element) applies', file: 'components/card/index.json' }]);
    expect(manifest.components[0]).not.toHaveProperty('virtualHost');
  });
});
