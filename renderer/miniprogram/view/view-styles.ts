// The view's own styles: the phone layout and what the basic components look like before the project's
// ACSS. `--rpx` is 1/750 of the phone width (start-view.ts keeps it in pixels as the phone resizes).
// `.mp-pages` contains its layout so that a page's `position: fixed` is fixed to the pages' area, between the
// title bar and the tab bar, as in a phone's page (docs/miniprogram-runtime.md "Fixed positioning").
export const VIEW_STYLES = `
.mp-phone { --rpx: calc(100vw / 750); timeline-scope: --mp-page-scroll; position: relative; display: flex; flex-direction: column; height: 100%; overflow: hidden; font: 14px/1.5 -apple-system, "PingFang SC", "Helvetica Neue", Arial, sans-serif; color: #333; background: #fff; }
.mp-title-bar { display: flex; align-items: center; justify-content: center; position: relative; flex: 0 0 44px; background: #fff; border-bottom: 1px solid #eee; font-size: 17px; font-weight: 500; }
.mp-back { position: absolute; left: 4px; top: 0; bottom: 0; width: 40px; border: 0; background: none; font-size: 28px; color: inherit; cursor: pointer; }
.mp-title-transparent { position: absolute; top: 0; left: 0; right: 0; height: 44px; z-index: 5; background: transparent; border-bottom-color: transparent; }
.mp-title-auto { animation: mp-title-fill linear both; animation-timeline: --mp-page-scroll; animation-range: 0 88px; }
@keyframes mp-title-fill { to { background: var(--mp-title-fill); border-bottom-color: #eee; } }
.mp-title-penetrate { pointer-events: none; }
.mp-title-penetrate .mp-back { pointer-events: auto; }
.mp-title-image { display: block; max-height: 30px; max-width: 60%; margin: 0 auto; }
.mp-page-top { scroll-timeline: --mp-page-scroll block; }
.mp-title-loading { margin-left: 6px; animation: mp-spin 1s linear infinite; }
.mp-pages { position: relative; flex: 1 1 auto; min-height: 0; contain: layout; }
.mp-page { position: absolute; inset: 0; overflow-y: auto; overflow-x: hidden; }
.mp-pulling { user-select: none; }
.mp-refreshing { position: absolute; top: 0; left: 0; right: 0; height: 40px; }
.mp-pages--refreshing > .mp-page { top: 40px; }
.mp-pull-indicator { display: flex; align-items: center; justify-content: center; overflow: hidden; color: #999; font-size: 12px; user-select: none; }
.mp-tab-bar { display: flex; flex: 0 0 50px; border-top: 1px solid #eee; background: #fff; }
.mp-tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; border: 0; background: none; color: #666; font-size: 11px; cursor: pointer; }
.mp-tab-selected { color: #1677ff; }
.mp-tab-icon { width: 24px; height: 24px; object-fit: contain; }
.mp-problems { position: absolute; left: 8px; right: 8px; bottom: 8px; max-height: 40%; overflow: auto; z-index: 10; }
.mp-problems-hide { display: block; position: sticky; top: 0; margin: 0 0 0 auto; padding: 2px 8px; border: 1px solid #b71c1c; border-radius: 4px; background: #fff; color: #b71c1c; font: 12px/1.4 -apple-system, sans-serif; cursor: pointer; }
.mp-problem { margin: 4px 0; padding: 6px 8px; border: 1px solid #d32f2f; border-radius: 4px; background: #fdecea; color: #b71c1c; font: 12px/1.4 ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; }
[hidden] { display: none !important; }
.a-view, .a-swiper-item, .a-form, .a-scroll-view, .a-swiper, .a-picker, .a-navigator, .a-checkbox-group, .a-radio-group, .a-progress { display: block; }
.a-text { display: inline; white-space: pre-wrap; }
.mp-selectable { user-select: text; }
.a-image { display: inline-block; width: 300px; height: 225px; }
.a-canvas { display: inline-block; width: var(--mp-canvas-width, 300px); height: var(--mp-canvas-height, 225px); }
.a-icon { display: inline-block; line-height: 1; }
.mp-icon-success, .mp-icon-success_no_circle { color: #09bb07; }
.mp-icon-warn, .mp-icon-cancel, .mp-icon-clear { color: #f76260; }
.mp-icon-info, .mp-icon-waiting, .mp-icon-download, .mp-icon-search { color: #10aeff; }
.a-button { display: block; width: 100%; padding: 10px; border: 1px solid #ddd; border-radius: 4px; background: #fff; font-size: 16px; cursor: pointer; }
.mp-button-primary { background: #1677ff; border-color: #1677ff; color: #fff; }
.mp-button-warn { background: #f76260; border-color: #f76260; color: #fff; }
.mp-button-mini { display: inline-block; width: auto; padding: 2px 10px; font-size: 13px; }
.mp-button-plain { background: transparent; color: inherit; }
.a-button.button-hover { filter: brightness(0.9); }
.a-input, .a-textarea { display: block; box-sizing: border-box; width: 100%; font: inherit; }
.a-scroll-view { overflow: hidden; }
.mp-scroll-x { overflow-x: auto; white-space: nowrap; }
.mp-scroll-y { overflow-y: auto; }
.a-swiper { position: relative; overflow: hidden; height: 150px; }
.mp-swiper-track { display: flex; height: 100%; }
.mp-swiper-vertical .mp-swiper-track { flex-direction: column; }
.mp-swiper-track > .a-swiper-item { flex: 0 0 100%; height: 100%; overflow: hidden; }
.mp-swiper-dots { position: absolute; left: 0; right: 0; bottom: 8px; display: flex; justify-content: center; gap: 6px; }
.mp-swiper-dot { width: 8px; height: 8px; border-radius: 50%; cursor: pointer; }
.a-picker { position: relative; }
.mp-picker-select { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
.mp-progress-track { overflow: hidden; }
.a-picker-view { display: block; position: relative; height: 200px; overflow: hidden; }
.mp-picker-view-columns { display: flex; height: 100%; }
.a-picker-view-column { flex: 1; height: 100%; box-sizing: border-box; overflow-y: auto; overscroll-behavior: contain; scroll-snap-type: y mandatory; scrollbar-width: none; }
:where(.a-picker-view-column) > * { scroll-snap-align: center; line-height: 34px; text-align: center; }
.mp-picker-view-indicator { position: absolute; left: 0; right: 0; top: 50%; height: var(--mp-indicator-height, 34px); box-sizing: border-box; transform: translateY(-50%); border-top: 1px solid #e5e5e5; border-bottom: 1px solid #e5e5e5; pointer-events: none; }
.mp-picker-view-mask { position: absolute; inset: 0; pointer-events: none; --mp-mask-room: calc(50% - var(--mp-indicator-height, 34px) / 2); background: linear-gradient(to bottom, rgba(255,255,255,.95), rgba(255,255,255,.6)) top / 100% var(--mp-mask-room) no-repeat, linear-gradient(to top, rgba(255,255,255,.95), rgba(255,255,255,.6)) bottom / 100% var(--mp-mask-room) no-repeat; }
.a-movable-area { display: block; position: relative; width: 10px; height: 10px; }
.a-movable-view { display: block; position: absolute; top: 0; left: 0; width: 10px; height: 10px; touch-action: none; user-select: none; }
@keyframes mp-spin { to { transform: rotate(360deg); } }
`;
