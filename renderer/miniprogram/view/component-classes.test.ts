// @vitest-environment jsdom
// externalClasses (docs/miniprogram-runtime.md#references §4.8): a class name the component declared external is
// replaced, in the component's own AXML, by the classes its user passes in the attribute of that name.
// styleIsolation apply-shared: every element of the component's own AXML carries its scope class; slot content
// (the user's AXML) does not.
import { afterEach, describe, expect, it } from 'vitest';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { mountView } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

const BADGE = '/components/badge/index';

/** The element's classes without the `a-<tag>` class every basic component carries. */
const classesOf = (selector: string): string[] => [...(document.querySelector(selector)?.classList ?? [])].filter((name) => !name.startsWith('a-'));

function mountBadge(pageAxml: string, externalClasses: string[], styleScope?: string) {
  const compiled = compileSources({
    '/pages/p/p.axml': pageAxml,
    [`${BADGE}.axml`]: '<view id="badge" class="badge  my-class {{extra}}"><text id="label" class="label-class">{{label}}</text><slot/></view>',
  });
  expect(compiled.problems).toEqual([]);
  return mountView({
    scripts: compiled.scripts,
    pages: [{ route: 'pages/p/p', usingComponents: { badge: BADGE } }],
    components: [{ path: BADGE, usingComponents: {}, ...(styleScope === undefined ? {} : { styleScope }) }],
    componentData: { [BADGE]: { extra: 'x' } },
    externalClasses: { [BADGE]: externalClasses },
  });
}

describe('externalClasses', () => {
  it('replaces declared names by the given classes, follows their changes, and drops a declared name not given', async () => {
    const page = mountBadge('<badge my-class="{{cls}}" label="New"/>', ['my-class', 'label-class']);
    await page.openPage('pages/p/p', { cls: 'red big' });
    expect(classesOf('#badge')).toEqual(['badge', 'red', 'big', 'x']);
    expect(classesOf('#label')).toEqual([]);
    expect(document.querySelector('#label')?.textContent).toBe('New');

    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['cls'], value: 'green' }] });
    await page.settle();
    expect(classesOf('#badge')).toEqual(['badge', 'green', 'x']);
  });

  it('leaves class names alone when the component declares none', async () => {
    const page = mountBadge('<badge my-class="red" label="New"/>', []);
    await page.openPage('pages/p/p', {});
    expect(classesOf('#badge')).toEqual(['badge', 'my-class', 'x']);
    expect(classesOf('#label')).toEqual(['label-class']);
  });
});

describe('styleIsolation apply-shared in the view', () => {
  it("puts the scope class on the component's own elements (beside external classes), not on slot content", async () => {
    const page = mountBadge('<badge my-class="red" label="New"><view id="slotted" class="mine">in</view></badge>', ['my-class'], 'mp-iso-badge');
    await page.openPage('pages/p/p', {});
    expect(classesOf('#badge')).toEqual(['badge', 'red', 'x', 'mp-iso-badge']);
    expect(classesOf('#label')).toEqual(['label-class', 'mp-iso-badge']);
    expect(classesOf('#slotted')).toEqual(['mine']);
  });
});

describe('virtualHost', () => {
  function mountHosted(tag: string, json: boolean | undefined, js: boolean | undefined) {
    const compiled = compileSources({ '/pages/p/p.axml': `<${tag} id="host" class="outer {{c}}" style="padding: 10rpx" label="L"/>`, [`${BADGE}.axml`]: '<view id="inner">{{label}}</view>' });
    return mountView({
      scripts: compiled.scripts,
      pages: [{ route: 'pages/p/p', usingComponents: { [tag]: BADGE } }],
      components: [{ path: BADGE, usingComponents: {}, styleScope: 'mp-iso-b', ...(json === undefined ? {} : { virtualHost: json }) }],
      ...(js === undefined ? {} : { virtualHost: { [BADGE]: js } }),
    });
  }

  it('false: a host element named after the tag carries id, class, style, the :host class and the scope; it follows class changes', async () => {
    const page = mountHosted('my-badge', false, undefined);
    await page.openPage('pages/p/p', { c: 'on' });
    const host = document.querySelector('#host');
    expect(host?.tagName.toLowerCase()).toBe('my-badge');
    expect([...(host?.classList ?? [])]).toEqual(['mp-host-components-badge-index', 'mp-iso-b', 'outer', 'on']);
    expect((host as HTMLElement).style.padding).toBe('calc(10 * var(--rpx))');
    expect(host?.querySelector('#inner')?.textContent).toBe('L');
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['c'], value: 'off' }] });
    await page.settle();
    expect(document.querySelector('#host')?.classList.contains('off')).toBe(true);
  });

  it('JS options win over the .json both ways; a tag that is no custom-element name becomes mp-<tag>; default: no host', async () => {
    const jsOff = mountHosted('badge', true, false);
    await jsOff.openPage('pages/p/p', {});
    expect(document.querySelector('#host')?.tagName.toLowerCase()).toBe('mp-badge');
    document.body.innerHTML = '';

    const jsOn = mountHosted('my-badge', false, true);
    await jsOn.openPage('pages/p/p', {});
    expect(document.querySelector('#inner')).not.toBeNull();
    expect(document.querySelector('#host')).toBeNull();
    expect(document.querySelector('my-badge')).toBeNull();
  });
});

