// The surface that draws `my`'s UI feedback in the phone's own document (the HTML mini-app's page, or the
// mini-program view page): a fixed layer in an open shadow root, so the app's styles neither reach it nor
// are changed by it. One toast and one loading at a time (a new one replaces the old), dialogs one after
// another in call order (docs/behaviour.md#ui-feedback).
import type { FeedbackAnswer, FeedbackRequest, FeedbackSurface } from './feedback-requests';

type Dialog = Extract<FeedbackRequest, { kind: 'alert' | 'confirm' | 'prompt' | 'action-sheet' }>;

const STYLE = `
:host { all: initial; }
[hidden] { display: none !important; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647; font: 14px/1.4 -apple-system, "Noto Sans", "Noto Sans CJK SC", sans-serif; }
.mask { position: absolute; inset: 0; pointer-events: auto; }
.dim { background: rgba(0, 0, 0, 0.45); }
.toast, .loading { position: absolute; left: 50%; top: 45%; transform: translate(-50%, -50%); max-width: 70%; padding: 12px 16px;
  border-radius: 8px; background: rgba(0, 0, 0, 0.78); color: #fff; text-align: center; white-space: pre-wrap; }
.icon { display: block; font-size: 28px; line-height: 1.2; }
.spinner { display: block; width: 24px; height: 24px; margin: 2px auto 6px; border: 3px solid rgba(255,255,255,0.3); border-top-color: #fff;
  border-radius: 50%; animation: spin 0.8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
.dialog { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%); width: 78%; background: #fff; color: #333; border-radius: 10px;
  overflow: hidden; pointer-events: auto; text-align: center; }
.dialog h2 { margin: 18px 16px 6px; font-size: 17px; font-weight: 600; }
.dialog p { margin: 6px 16px 16px; white-space: pre-wrap; color: #555; }
.dialog input { box-sizing: border-box; width: calc(100% - 32px); margin: 0 16px 16px; padding: 8px; border: 1px solid #ccc; border-radius: 4px; font: inherit; }
.buttons { display: flex; border-top: 1px solid #e5e5e5; }
.buttons button { flex: 1; padding: 12px 0; border: 0; background: none; font: inherit; font-size: 16px; color: #1677ff; cursor: pointer; }
.buttons button + button { border-left: 1px solid #e5e5e5; }
.buttons button.cancel { color: #333; }
.sheet { position: absolute; left: 0; right: 0; bottom: 0; background: #f5f5f5; pointer-events: auto; }
.sheet .title { padding: 12px; text-align: center; color: #888; font-size: 13px; background: #fff; border-bottom: 1px solid #e5e5e5; }
.sheet button { display: block; width: 100%; padding: 14px 0; border: 0; border-bottom: 1px solid #e5e5e5; background: #fff; font: inherit; font-size: 16px; color: #333; cursor: pointer; }
.sheet button.destructive { color: #e5483d; }
.sheet button.cancel { margin-top: 8px; }
.badge { display: inline-block; min-width: 16px; margin-left: 6px; padding: 0 5px; border-radius: 8px; background: #ff3b30; color: #fff; font-size: 11px; line-height: 16px; }
.title-bar { position: absolute; left: 0; right: 0; top: 0; height: 44px; display: flex; align-items: center; justify-content: center; gap: 6px;
  background: #fff; color: #000; font-size: 17px; border-bottom: 1px solid #e5e5e5; pointer-events: auto; }
.title-bar .spinner { margin: 0; width: 14px; height: 14px; border-width: 2px; border-color: rgba(0,0,0,0.2); border-top-color: currentColor; }
`;

const TOAST_ICONS: Record<string, string> = { success: '✓', fail: '✕', exception: '!' };

interface Shown {
  element: HTMLElement;
  resolve: (answer: FeedbackAnswer) => void;
}

/** A surface drawing into `doc`; its layer is added on first use. */
export function createDomFeedback(doc: Document): FeedbackSurface {
  let layer: HTMLElement | undefined;
  let toast: (Shown & { timer: ReturnType<typeof setTimeout> }) | undefined;
  let loading: (Shown & { timer?: ReturnType<typeof setTimeout> }) | undefined;
  let titleBar: { element: HTMLElement; title: HTMLElement; spinner: HTMLElement } | undefined;
  const dialogs: { request: Dialog; resolve: (answer: FeedbackAnswer) => void }[] = [];

  function root(): HTMLElement {
    if (layer?.isConnected) return layer;
    const host = doc.createElement('div');
    host.setAttribute('data-msd-feedback', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    layer = doc.createElement('div');
    layer.className = 'layer';
    shadow.append(style, layer);
    doc.documentElement.append(host);
    return layer;
  }

  function element(tag: string, className: string, text?: string): HTMLElement {
    const made = doc.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function hideToast(): void {
    if (!toast) return;
    clearTimeout(toast.timer);
    toast.element.remove();
    toast.resolve({});
    toast = undefined;
  }

  function hideLoading(): void {
    if (!loading) return;
    if (loading.timer !== undefined) clearTimeout(loading.timer);
    loading.element.remove();
    // Hidden before its delay ran out: it was never shown, and its call still succeeds.
    loading.resolve({});
    loading = undefined;
  }

  function showToast(request: Extract<FeedbackRequest, { kind: 'toast' }>, resolve: (answer: FeedbackAnswer) => void): void {
    hideToast();
    const box = element('div', 'toast');
    box.setAttribute('role', 'status');
    const icon = TOAST_ICONS[request.type];
    if (icon) box.append(element('span', 'icon', icon));
    if (request.content !== '') box.append(element('span', '', request.content));
    root().append(box);
    toast = { element: box, resolve, timer: setTimeout(hideToast, request.duration) };
  }

  function showLoading(request: Extract<FeedbackRequest, { kind: 'loading' }>, resolve: (answer: FeedbackAnswer) => void): void {
    hideLoading();
    const group = element('div', request.mask ? 'mask' : '');
    const box = element('div', 'loading');
    box.setAttribute('role', 'status');
    box.setAttribute('aria-label', request.content === '' ? 'Loading' : request.content);
    box.append(element('span', 'spinner'));
    if (request.content !== '') box.append(element('span', '', request.content));
    group.append(box);
    const shown: Shown & { timer?: ReturnType<typeof setTimeout> } = { element: group, resolve: () => undefined };
    const display = (): void => {
      shown.timer = undefined;
      root().append(group);
      resolve({});
    };
    shown.resolve = resolve;
    loading = shown;
    if (request.delay > 0) shown.timer = setTimeout(display, request.delay);
    else display();
  }

  function button(label: string, className: string, onClick: () => void): HTMLElement {
    const made = element('button', className, label);
    made.setAttribute('type', 'button');
    made.addEventListener('click', onClick);
    return made;
  }

  function drawDialog(request: Dialog, finish: (answer: FeedbackAnswer) => void): HTMLElement {
    const mask = element('div', 'mask dim');
    if (request.kind === 'action-sheet') {
      const sheet = element('div', 'sheet');
      sheet.setAttribute('role', 'dialog');
      if (request.title !== '') sheet.append(element('div', 'title', request.title));
      request.items.forEach((item, index) => {
        const choice = button(item, index === request.destructiveBtnIndex ? 'destructive' : '', () => finish({ index }));
        for (const badge of request.badges.filter((candidate) => candidate.index === index)) choice.append(element('span', 'badge', badge.text));
        sheet.append(choice);
      });
      sheet.append(button(request.cancelButtonText, 'cancel', () => finish({ index: -1 })));
      mask.addEventListener('click', (event) => event.target === mask && finish({ index: -1 }));
      mask.append(sheet);
      return mask;
    }
    const dialog = element('div', 'dialog');
    dialog.setAttribute('role', 'dialog');
    if (request.title !== '') dialog.append(element('h2', '', request.title));
    const body = request.kind === 'prompt' ? request.message : request.content;
    if (body !== '') dialog.append(element('p', '', body));
    const buttons = element('div', 'buttons');
    if (request.kind === 'alert') buttons.append(button(request.buttonText, '', () => finish({})));
    if (request.kind === 'confirm') {
      buttons.append(button(request.cancelButtonText, 'cancel', () => finish({ confirm: false })), button(request.confirmButtonText, '', () => finish({ confirm: true })));
    }
    if (request.kind === 'prompt') {
      const input = element('input', '') as HTMLInputElement;
      input.placeholder = request.placeholder;
      input.style.textAlign = request.align;
      dialog.append(input);
      const cancel = button(request.cancelButtonText, 'cancel', () => finish({ ok: false, inputValue: input.value }));
      const ok = button(request.okButtonText, '', () => finish({ ok: true, inputValue: input.value }));
      if (request.cancelColor) cancel.style.color = request.cancelColor;
      if (request.confirmColor) ok.style.color = request.confirmColor;
      buttons.append(cancel, ok);
    }
    dialog.append(buttons);
    mask.append(dialog);
    return mask;
  }

  function nextDialog(): void {
    const current = dialogs[0];
    if (!current) return;
    const drawn = drawDialog(current.request, (answer) => {
      drawn.remove();
      dialogs.shift();
      current.resolve(answer);
      nextDialog();
    });
    root().append(drawn);
    drawn.querySelector('input')?.focus();
  }

  function drawTitleBar(request: Extract<FeedbackRequest, { kind: 'navigation-bar' | 'navigation-bar-loading' }>): void {
    if (!titleBar) {
      const bar = element('div', 'title-bar');
      bar.setAttribute('role', 'banner');
      titleBar = { element: bar, title: element('span', 'title', doc.title), spinner: element('span', 'spinner') };
      titleBar.spinner.hidden = true;
      bar.append(titleBar.spinner, titleBar.title);
      root().append(bar);
      // The bar is the phone's title bar, above the page: the page starts below it.
      doc.documentElement.style.paddingTop = '44px';
    }
    if (request.kind === 'navigation-bar-loading') titleBar.spinner.hidden = !request.loading;
    else {
      if (request.title !== undefined) titleBar.title.textContent = request.title;
      if (request.backgroundColor) titleBar.element.style.background = request.backgroundColor;
      if (request.frontColor) titleBar.element.style.color = request.frontColor;
    }
  }

  return {
    present(request) {
      return new Promise((resolve) => {
        switch (request.kind) {
          case 'toast':
            return showToast(request, resolve);
          case 'hide-toast':
            hideToast();
            return resolve({});
          case 'loading':
            return showLoading(request, resolve);
          case 'hide-loading':
            hideLoading();
            return resolve({});
          case 'navigation-bar':
          case 'navigation-bar-loading':
            drawTitleBar(request);
            return resolve({});
          default:
            dialogs.push({ request, resolve });
            if (dialogs.length === 1) nextDialog();
        }
      });
    },
  };
}
