// One page of the stack: its root element (`.a-page`, what the ACSS `page` selector styles) is the page's
// scroll container. Renders once `init` brought the page data; the first render sends `page-ready` (onReady, once
// per page id even if the page is mounted again),
// scrolling sends onPageScroll and, once per arrival at the bottom, onReachBottom (docs/miniprogram-runtime.md#references §3.1);
// with `pullRefresh`, dragging down from the top sends onPullDownRefresh (pull-refresh.ts).
import { Component, h, type ComponentChild } from 'preact';
import type { Json } from '../../../shared/json';
import { pageScopeClass } from '../../../shared/miniprogram/view-bundle';
import type { StackPage } from '../../../shared/miniprogram/view-logic-protocol';
import { renderFailed, renderInstance } from './instance-render';
import { PULL_TRIGGER_PX, PullGesture, pullAreaStyle, pullRefreshEnabled } from './pull-refresh';
import type { ViewHost } from './view-host';
import { ViewOwner } from './view-owner';

export interface PageViewProps {
  host: ViewHost;
  page: StackPage;
  visible: boolean;
  usingComponents: Record<string, string>;
  reachBottomDistance: number;
  /** The page's merged window settings (app.json `window` + the page's .json). */
  window: Record<string, Json>;
}

export class PageView extends Component<PageViewProps> {
  private readonly owner: ViewOwner;
  private readonly detach: () => void;
  private atBottom = false;
  private scrollQueued = false;
  private readonly pull: PullGesture;
  /** What a render that threw below this page left in its place, until the page's data changes. */
  private failure: ComponentChild | undefined;

  constructor(props: PageViewProps) {
    super(props);
    this.owner = new ViewOwner(props.host, props.page.pageId, props.page.pageId, props.usingComponents);
    this.detach = props.host.attach(props.page.pageId, () => {
      this.failure = undefined;
      this.forceUpdate();
    });
    this.pull = new PullGesture(
      () => this.forceUpdate(),
      () => props.host.post({ t: 'page-event', pageId: props.page.pageId, name: 'onPullDownRefresh', arg: { from: 'manual' } }),
    );
  }

  override render(): ComponentChild {
    const { host, page, visible, window } = this.props;
    const data = host.dataOf(page.pageId);
    const pulled = this.pull.state.distance;
    return h(
      'div',
      {
        class: ['a-page mp-page', pageScopeClass(page.route), visible ? 'mp-page-top' : '', pulled > 0 ? 'mp-pulling' : ''].filter(Boolean).join(' '),
        'data-route': page.route,
        'data-page-id': page.pageId,
        style: visible ? undefined : 'display:none',
        onScroll: (event: Event) => this.scrolled(event.currentTarget as HTMLElement),
        ...(pullRefreshEnabled(window) ? this.pullHandlers() : {}),
      },
      pulled > 0
        ? h('div', { class: 'mp-pull-indicator', role: 'status', style: { height: `${pulled}px`, ...pullAreaStyle(window) } }, pulled >= PULL_TRIGGER_PX ? '↻ Release to refresh' : '↓ Pull to refresh')
        : null,
      data === undefined ? null : (this.failure ?? renderInstance(host, this.owner, `/${page.route}.axml`, data)),
    );
  }

  /** An `a:for` item that threw while Preact rendered it (renderInstance's own catch cannot see it). */
  override componentDidCatch(error: unknown): void {
    this.failure = renderFailed(this.props.host, `/${this.props.page.route}.axml`, error);
    this.forceUpdate();
  }

  private pullHandlers(): Record<string, (event: PointerEvent) => void> {
    return {
      onPointerDown: (event) => this.pull.down(event, (event.currentTarget as HTMLElement).scrollTop),
      onPointerMove: (event) => {
        this.pull.move(event);
        if (this.pull.state.distance === 0) return;
        // Captured only once a pull has begun: a capture from the press on would retarget every tap to the page.
        const element = event.currentTarget as HTMLElement;
        if (element.hasPointerCapture?.(event.pointerId) === false) element.setPointerCapture(event.pointerId);
        // A mouse drag would otherwise select the rows it passes.
        getSelection()?.removeAllRanges();
      },
      onPointerUp: () => this.pull.up(),
      onPointerCancel: () => this.pull.up(),
    };
  }

  override componentDidMount(): void {
    this.afterRender();
  }

  override componentDidUpdate(): void {
    this.afterRender();
  }

  override componentWillUnmount(): void {
    this.detach();
  }

  private afterRender(): void {
    const { host, page } = this.props;
    if (host.dataOf(page.pageId) === undefined) return;
    host.pageRendered(page.pageId);
  }

  /** Page scroll events go out at most once per animation frame. */
  private scrolled(element: HTMLElement): void {
    const { host, page, reachBottomDistance } = this.props;
    const bottom = element.scrollHeight - element.clientHeight - element.scrollTop <= reachBottomDistance;
    if (bottom && !this.atBottom) host.post({ t: 'page-event', pageId: page.pageId, name: 'onReachBottom' });
    this.atBottom = bottom;
    if (this.scrollQueued) return;
    this.scrollQueued = true;
    requestAnimationFrame(() => {
      this.scrollQueued = false;
      host.post({ t: 'page-event', pageId: page.pageId, name: 'onPageScroll', arg: { scrollTop: element.scrollTop, scrollHeight: element.scrollHeight } });
    });
  }
}
