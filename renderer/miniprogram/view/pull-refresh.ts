// Pull-down refresh of a page (docs/miniprogram-runtime.md#references §1 window `pullRefresh`,
// `allowsBounceVertical`; §3 `onPullDownRefresh({ from })`): with both set, dragging the page down from its top
// with the mouse or a finger shows an indicator, and letting go past PULL_TRIGGER_PX sends `onPullDownRefresh`
// with `{ from: 'manual' }`. The page follows the pointer at half its distance, at most PULL_MAX_PX.
import type { Json } from '../../../shared/json';
import { BUNDLE_PATHS } from '../../../shared/miniprogram/view-bundle';

export const PULL_TRIGGER_PX = 50;
const PULL_MAX_PX = 80;

/** Whether a page's merged window settings allow the gesture (both are needed, docs/miniprogram-runtime.md "Pull-down refresh"). */
export function pullRefreshEnabled(window: Record<string, Json> | undefined): boolean {
  return window?.pullRefresh === true && window.allowsBounceVertical !== 'NO';
}

/**
 * What the area a pull reveals above the page shows (§1 window): `backgroundImageUrl` from its top, full width,
 * on `backgroundImageColor` (documented for Android; iOS uses `backgroundColor`, which is also the fallback
 * here). A project path is served as an asset; other URLs are used as written.
 */
export function pullAreaStyle(window: Record<string, Json> | undefined): Record<string, string> {
  const image = typeof window?.backgroundImageUrl === 'string' && window.backgroundImageUrl !== '' ? window.backgroundImageUrl : undefined;
  const color = [window?.backgroundImageColor, window?.backgroundColor].find((value): value is string => typeof value === 'string' && value !== '');
  if (image === undefined) return color === undefined ? {} : { backgroundColor: color };
  const url = /^[a-z][a-z0-9+.-]*:/i.test(image) ? image : `${BUNDLE_PATHS.asset}/${image.replace(/^\/+/, '')}`;
  return { ...(color === undefined ? {} : { backgroundColor: color }), backgroundImage: `url(${JSON.stringify(url)})`, backgroundRepeat: 'no-repeat', backgroundPosition: 'center top', backgroundSize: '100% auto' };
}

export interface PullState {
  /** How far the page is pulled down, in px (0 when not pulling). */
  distance: number;
}

/** Tracks one pointer drag on a page's scroll container; `changed` re-renders, `refresh` sends the event. */
export class PullGesture {
  private startY: number | undefined;
  private pointerId: number | undefined;
  state: PullState = { distance: 0 };

  constructor(
    private readonly changed: () => void,
    private readonly refresh: () => void,
  ) {}

  down(event: PointerEvent, scrollTop: number): void {
    if (scrollTop > 0 || event.button > 0) return;
    this.startY = event.clientY;
    this.pointerId = event.pointerId;
  }

  move(event: PointerEvent): void {
    if (this.startY === undefined || event.pointerId !== this.pointerId) return;
    const distance = Math.min(PULL_MAX_PX, Math.max(0, (event.clientY - this.startY) / 2));
    if (distance === this.state.distance) return;
    this.state = { distance };
    this.changed();
  }

  up(): void {
    if (this.startY === undefined) return;
    const pulled = this.state.distance;
    this.startY = undefined;
    this.pointerId = undefined;
    this.state = { distance: 0 };
    this.changed();
    if (pulled >= PULL_TRIGGER_PX) this.refresh();
  }
}
