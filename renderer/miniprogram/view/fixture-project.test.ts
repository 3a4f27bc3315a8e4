// @vitest-environment jsdom
// The fixture project end to end without a browser: loaded and compiled by main/miniprogram, its bundle served
// by serveBundle, evaluated and rendered by the view runtime.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MiniProgramProject } from '../../../main/miniprogram/project';
import { serveBundle } from '../../../main/miniprogram/serve-bundle';
import { BUNDLE_PATHS, bundleUrlOf, type ViewManifest } from '../../../shared/miniprogram/view-bundle';
import { mountView } from './test-support/mount-view';

const FIXTURE = join(import.meta.dirname, '../../../e2e/fixtures/miniprogram-project');

afterEach(() => {
  document.body.innerHTML = '';
});

function mountFixture() {
  const project = new MiniProgramProject(FIXTURE);
  const manifest = JSON.parse(String(serveBundle(project, BUNDLE_PATHS.manifest).body)) as ViewManifest;
  const scripts = [...manifest.axml, ...manifest.sjs].map((path) => {
    const response = serveBundle(project, bundleUrlOf(path));
    expect(response.status).toBe(200);
    return String(response.body);
  });
  return mountView({
    scripts,
    pages: manifest.pages,
    components: manifest.components,
    ...(manifest.tabBar ? { tabBar: manifest.tabBar } : {}),
    componentData: { '/components/counter-card/index': {} },
  });
}

describe('fixture project in the view', () => {
  it('renders the home page with its SJS, template, component with slots, and tab bar', async () => {
    const view = mountFixture();
    await view.openPage('pages/index/index', { name: 'alipay', price: 3, count: 0, lifecycle: [], echoes: [] });
    expect(document.querySelector('#greeting')?.textContent).toBe('Hello ALIPAY');
    expect(document.querySelector('#price')?.textContent).toBe('¥3.00');
    expect(document.querySelector('#card-title')?.textContent).toBe('Taps');
    expect(document.querySelector('#card-body')?.textContent).toBe('Body of the card');
    expect(document.querySelector('#counter-count')?.textContent).toBe('0');
    expect(document.querySelector('#item-1')?.textContent).toBe('first');
    expect(document.querySelector('#few')).not.toBeNull();
    expect(document.querySelector('.mp-title')?.textContent).toBe('Home');
    expect([...document.querySelectorAll('.mp-tab')].map((tab) => tab.textContent)).toEqual(['Home', 'List']);
    (document.querySelector('#counter-plus') as HTMLElement).click();
    expect(view.sent.at(-1)).toMatchObject({ t: 'event', handler: 'plus', event: { type: 'tap' } });
  });

  it('renders the list page and sends the tapped row with its dataset', async () => {
    const view = mountFixture();
    await view.openPage('pages/list/list', { items: [{ id: 'a', text: 'Apple' }, { id: 'b', text: 'Banana' }], selected: '' });
    expect(document.querySelector('#row-b')?.textContent?.trim()).toBe('1. Banana');
    (document.querySelector('#row-b') as HTMLElement).click();
    expect(view.sent.at(-1)).toMatchObject({ handler: 'select', event: { currentTarget: { id: 'row-b', dataset: { id: 'b' } } } });
  });
});
