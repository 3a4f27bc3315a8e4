// @vitest-environment jsdom
// UI feedback drawn in the page's own document (HTML mode; the project view uses the same surface): the
// documented arguments, defaults, answers and error codes, with the user tapping the real buttons.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryTransportPair } from './memory-transport';
import { createMy } from './create-my';
import { createDomFeedback } from './feedback-dom';

type Options = Record<string, unknown>;
type FeedbackMy = Record<string, (options?: Options) => Promise<Record<string, unknown>>>;

function setup(): { my: FeedbackMy; layer: () => ShadowRoot } {
  const my = createMy(createMemoryTransportPair().client, { feedback: createDomFeedback(document) }) as unknown as FeedbackMy;
  const layer = (): ShadowRoot => {
    const root = document.querySelector('[data-msd-feedback]')?.shadowRoot;
    if (!root) throw new Error('nothing drawn yet');
    return root;
  };
  return { my, layer };
}

function buttonNamed(root: ShadowRoot, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((button) => button.firstChild?.textContent === name);
  if (!found) throw new Error(`no button "${name}" in ${root.innerHTML}`);
  return found;
}

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
  document.documentElement.removeAttribute('style');
});

describe('UI feedback in the page', () => {
  it('showToast shows content and icon, succeeds once it went away; a new toast replaces the old; hideToast', async () => {
    const { my, layer } = setup();
    const log: string[] = [];
    const first = my['showToast']?.({ content: 'Saved', type: 'success', duration: 60, success: () => log.push('success'), complete: () => log.push('complete') });
    await tick();
    expect(layer().querySelector('.toast')?.textContent).toBe('✓Saved');
    expect(log).toEqual([]);
    await expect(first).resolves.toEqual({});
    expect(log).toEqual(['success', 'complete']);
    expect(layer().querySelector('.toast')).toBeNull();

    const replaced = my['showToast']?.({ content: 'one' });
    await tick();
    void my['showToast']?.({ content: 'two', duration: 10_000 });
    await expect(replaced).resolves.toEqual({});
    await tick();
    expect(layer().querySelector('.toast')?.textContent).toBe('two');
    await expect(my['hideToast']?.()).resolves.toEqual({});
    expect(layer().querySelector('.toast')).toBeNull();
  });

  it('showLoading with a delay hidden before it ran out is never drawn; a loading shows its content over a mask', async () => {
    const { my, layer } = setup();
    const hidden = my['showLoading']?.({ content: 'Wait', delay: 200 });
    await my['hideLoading']?.();
    await expect(hidden).resolves.toEqual({});
    expect(document.querySelector('[data-msd-feedback]')).toBeNull();
    await my['showLoading']?.({ content: 'Logging in' });
    expect(layer().querySelector('.mask .loading')?.textContent).toBe('Logging in');
    await my['hideLoading']?.();
    expect(layer().querySelector('.loading')).toBeNull();
  });

  it('alert, confirm, prompt and showActionSheet answer what the user tapped, one dialog after another, with the documented defaults', async () => {
    const { my, layer } = setup();
    const alerted = my['alert']?.({ title: 'Hello', content: 'line 1\nline 2' });
    const confirmed = my['confirm']?.({ content: 'Delete?' });
    await tick();
    expect(layer().querySelectorAll('[role="dialog"]')).toHaveLength(1);
    expect(layer().querySelector('.dialog p')?.textContent).toBe('line 1\nline 2');
    buttonNamed(layer(), '确定').click();
    await expect(alerted).resolves.toEqual({});
    await tick();
    expect(layer().querySelector('.dialog p')?.textContent).toBe('Delete?');
    buttonNamed(layer(), '取消').click();
    await expect(confirmed).resolves.toEqual({ confirm: false });

    const prompted = my['prompt']?.({ title: 'Name', okButtonText: 'OK', placeholder: 'your name' });
    await tick();
    expect(layer().querySelector('.dialog p')?.textContent).toBe('请输入内容');
    const input = layer().querySelector('input') as HTMLInputElement;
    expect(input.placeholder).toBe('your name');
    input.value = 'Ada';
    buttonNamed(layer(), 'OK').click();
    await expect(prompted).resolves.toEqual({ ok: true, inputValue: 'Ada' });

    const picked = my['showActionSheet']?.({ title: 'Share', items: ['Copy', 'Delete'], destructiveBtnIndex: 1, badges: [{ index: 0, text: 'new' }] });
    await tick();
    expect(layer().querySelector('.sheet .destructive')?.textContent).toBe('Delete');
    expect(layer().querySelector('.sheet .badge')?.textContent).toBe('new');
    buttonNamed(layer(), 'Delete').click();
    await expect(picked).resolves.toEqual({ index: 1 });
    const cancelled = my['showActionSheet']?.({ items: ['Copy'] });
    await tick();
    buttonNamed(layer(), '取消').click();
    await expect(cancelled).resolves.toEqual({ index: -1 });
  });

  it('wrong arguments fail with 2 and a clear message through fail, complete and the promise', async () => {
    const { my } = setup();
    const failures: unknown[] = [];
    const cases: [string, unknown, string][] = [
      ['showToast', { type: 'warning' }, 'showToast: type must be one of none, success, fail, exception'],
      ['showToast', { type: 'exception' }, 'showToast: type "exception" needs a content'],
      ['showToast', { duration: -1 }, 'showToast: duration must be a number of milliseconds, 0 or more'],
      ['showActionSheet', { items: [] }, 'showActionSheet: items must be an array of 1 to 50 strings'],
      ['showActionSheet', { items: ['a', 3] }, 'showActionSheet: items must be an array of 1 to 50 strings'],
      ['alert', 'hello', 'alert: the argument must be an object'],
      ['confirm', { title: { text: 'x' } }, 'confirm: title must be a string'],
    ];
    for (const [api, options, message] of cases) {
      const withCallbacks = typeof options === 'object' && options !== null ? { ...options, fail: (failure: unknown) => failures.push(failure) } : options;
      await expect(my[api]?.(withCallbacks as Options)).rejects.toEqual({ error: 2, errorMessage: message });
    }
    expect(failures).toHaveLength(cases.length - 1);
    expect(document.querySelector('[data-msd-feedback]')).toBeNull();
  });

  it('setNavigationBar and the loading spinner draw a title bar above the HTML page', async () => {
    const { my, layer } = setup();
    await my['setNavigationBar']?.({ title: 'Chat', backgroundColor: '#108ee9', frontColor: '#ffffff' });
    await my['showNavigationBarLoading']?.();
    const bar = layer().querySelector('.title-bar') as HTMLElement;
    expect(bar.textContent).toBe('Chat');
    expect(bar.style.background).toContain('rgb(16, 142, 233)');
    expect((bar.querySelector('.spinner') as HTMLElement).hidden).toBe(false);
    expect(document.documentElement.style.paddingTop).toBe('44px');
    await my['hideNavigationBarLoading']?.();
    expect((bar.querySelector('.spinner') as HTMLElement).hidden).toBe(true);
  });
});
