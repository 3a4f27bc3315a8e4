// One page of the stack: its root element (`.a-page`, what the ACSS `page` selector styles) is the page's
// scroll container. Renders once `init` brought the page data; the first render sends `page-ready` (onReady, once
// per page id even if the page is mounted again),
// scrolling sends onPageScroll and, once per arrival at the bottom, onReachBottom (docs/miniprogram-runtime.md#references §3.1).
import { Component, h, type ComponentChild } from 'preact';
import type { StackPage } from '../../../shared/miniprogram/view-logic-protocol';
import { renderInstance } from './instance-render';
import type { ViewHost } from './view-host';
import { ViewOwner } from './view-owner';

export interface PageViewProps {
  host: ViewHost;
  page: StackPage;
  visible: boolean;
  usingComponents: Record<string, string>;
  reachBottomDistance: number;
}

export class PageView extends Component<PageViewProps> {
  private readonly owner: ViewOwner;
  private readonly detach: () => void;
  private atBottom = false;
  private scrollQueued = false;

  constructor(props: PageViewProps) {
    super(props);
    this.owner = new ViewOwner(props.host, props.page.pageId, props.page.pageId, props.usingComponents);
    this.detach = props.host.attach(props.page.pageId, () => this.forceUpdate());
  }

  override render(): ComponentChild {
    const { host, page, visible } = this.props;
    const data = host.dataOf(page.pageId);
    return h(
      'div',
      {
        class: 'a-page mp-page',
        'data-route': page.route,
        style: visible ? undefined : 'display:none',
        onScroll: (event: Event) => this.scrolled(event.currentTarget as HTMLElement),
      },
      data === undefined ? null : renderInstance(host, this.owner, `/${page.route}.axml`, data),
    );
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
