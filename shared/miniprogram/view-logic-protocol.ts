// The messages between the two halves of the mini-program runtime, as on a phone: the logic (App, Page,
// Component code, run in a Worker with no DOM) and the view (the compiled AXML rendered in the sandboxed
// page). The view never runs project logic; the logic never touches the DOM. See docs/miniprogram-runtime.md#references.
import type { FeedbackRequest } from '../my/feedback-requests';
import type { CanvasCall, CanvasExportArea } from './canvas-calls';
import type { Json } from '../json';

/** One path segment of a data path: `'list[3].text'` is `['list', 3, 'text']`. */
export type DataPathSegment = string | number;

/** A change to an instance's data, applied in order by both halves (shared/miniprogram/data-path.ts). */
export type DataOp =
  | { op: 'set'; path: DataPathSegment[]; value: Json }
  | { op: 'splice'; path: DataPathSegment[]; start: number; deleteCount: number; items: Json[] };

/** A page in the stack, bottom first. `pageId` also names its root instance in `set-data`. */
export interface StackPage {
  pageId: number;
  route: string;
  query: Record<string, string>;
}

/** A problem of the project's code, shown in the phone and in the panel's Problems list. */
export interface RuntimeProblem {
  kind: 'axml' | 'acss' | 'js' | 'json' | 'sjs' | 'runtime';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  stack?: string;
  /** A remote resource the preview's content policy refused (warning remote-resource-refused, not miniprogram-problem). */
  refused?: RefusedResource;
}

/** What kind of remote resource was refused, and from which origin (docs/miniprogram-runtime.md "Remote resources"). */
export interface RefusedResource {
  resource: 'font' | 'image' | 'media' | 'style sheet' | 'resource';
  origin: string;
}

/** Window settings of the top page (app.json `window`, overridden by the page's .json and by my.setNavigationBar). */
export interface WindowState {
  title: string;
  titleBarColor?: string;
  frontColor?: string;
  backgroundColor?: string;
  loading?: boolean;
  /** my.startPullDownRefresh until my.stopPullDownRefresh: the page's refresh indicator shows. */
  refreshing?: boolean;
  /** my.setNavigationBar `borderBottomColor` (or its `backgroundColor`, which the border takes, §8.3). */
  borderBottomColor?: string;
  /** my.setNavigationBar `image`: shown in place of the title (an https: URL, a project path or a data:image/ URL). */
  image?: string;
  /** my.setNavigationBar `reset: true`: Alipay's default colours, so the page's .json colours no longer apply. */
  reset?: boolean;
}

export type LogicToView =
  /** The page stack changed; the view shows the last page and keeps (hidden) the rest mounted. */
  | { t: 'stack'; pages: StackPage[]; tab?: string }
  /**
   * First data of a page or component instance (before its first render). `externalClasses`: the component's
   * declared external class names (docs/miniprogram-runtime.md#references §4.8), replaced in its AXML by the
   * classes its user passes in the attribute of that name. `virtualHost`: the component's JS
   * `options.virtualHost`, which wins over its .json (§4.8); `false` gives it a host element. `ordered`: the
   * component has relations, so the view reports its place on the page (`component-order`). `defaultProps`: the
   * component's declared `props` defaults (JSON values), which its AXML reads where its user wrote no attribute.
   */
  | { t: 'init'; instanceId: number; data: Json; externalClasses?: string[]; virtualHost?: boolean; ordered?: boolean; defaultProps?: Record<string, Json> }
  /** Data changes of one instance; `callbackId` is acknowledged by `rendered` once the view has re-rendered. */
  | { t: 'set-data'; instanceId: number; ops: DataOp[]; callbackId?: number }
  | { t: 'window'; window: WindowState }
  | { t: 'problem'; problem: RuntimeProblem }
  /** Pages that left the stack for good: the view unmounts them. */
  | { t: 'unload'; pageIds: number[] }
  /** Something only the view can do or know (UI feedback, selector queries); answered by `answer` with the same id. */
  | { t: 'ask'; id: number; question: ViewQuestion };

/** One request of a selector query (docs/miniprogram-runtime.md#references §9.9): what to find and which field. */
export interface SelectorRequest {
  /** null: the viewport (selectViewport). */
  selector: string | null;
  all: boolean;
  /** 'node': answered null (the logic Worker cannot hold a view node). */
  field: 'rect' | 'scroll' | 'fields' | 'node';
  /** What `fields(...)` asked for (field 'fields' only). */
  fields?: SelectorFields;
}

/** The parts of a node `NodesRef.fields` can ask for (docs/behaviour.md#selector-queries). */
export interface SelectorFields {
  id?: boolean;
  dataset?: boolean;
  rect?: boolean;
  size?: boolean;
  scrollOffset?: boolean;
  /** CSS property names, answered with their computed values. */
  computedStyle?: string[];
}

/**
 * A query's `pageId`: the page it searches (`this.createSelectorQuery()`); absent: the page on top.
 * `page-scroll` (my.pageScrollTo) scrolls the page on top to `scrollTop`, else to the first `selector` match.
 */
export type ViewQuestion =
  | { kind: 'feedback'; request: FeedbackRequest }
  | { kind: 'query'; requests: SelectorRequest[]; pageId?: number }
  | { kind: 'page-scroll'; scrollTop?: number; selector?: string; duration: number }
  | CanvasDrawQuestion
  | CanvasExportQuestion;

/**
 * `CanvasContext.draw(reserve)`: the calls recorded since the last draw, replayed by the view on the `<canvas>`
 * with this id (docs/miniprogram-runtime.md#canvas). Answered `{ drawn: true, warnings }` or `{ error }`.
 */
export interface CanvasDrawQuestion {
  kind: 'canvas';
  canvasId: string;
  reserve: boolean;
  calls: CanvasCall[];
}

/** `toTempFilePath`/`toDataURL`/`my.canvasToTempFilePath`: the canvas's pixels of `area`, answered `{ dataUrl }` or `{ error }`. */
export interface CanvasExportQuestion {
  kind: 'canvas-export';
  canvasId: string;
  area: CanvasExportArea;
}

/** The event object handed to handlers (docs/miniprogram-runtime.md#references §5.6). */
export interface MiniEvent {
  type: string;
  timeStamp: number;
  target: { id: string; tagName: string; dataset: Record<string, Json> };
  currentTarget: { id: string; tagName: string; dataset: Record<string, Json> };
  detail: Json;
  /** `mark:<name>` attributes of the elements from the touched one up to the page, merged (the nearer wins). */
  mark?: Record<string, Json>;
}

export type ViewToLogic =
  /** The view rendered these `set-data` messages (fires setData callbacks). */
  | { t: 'rendered'; callbackIds: number[] }
  /** First render of a page done (onReady). */
  | { t: 'page-ready'; pageId: number }
  /** A handler named in AXML of the instance, e.g. `onTap="add"`. */
  | { t: 'event'; instanceId: number; handler: string; event: MiniEvent }
  /**
   * The view met a custom-component tag: the logic creates the instance (`onInit`, `deriveDataFromProps`) and
   * answers with `init`. `eventProps` maps `onXxx` props to the parent's handler names. `parentId` is the
   * instance whose AXML wrote the tag; `composedParentId` the component it renders inside (a slot host), when
   * that is not the parent ($selectComponent, selectComposedParentComponent: §4.7). `tag`: the tag as written
   * (`my-card`), which a `$selectComponent` selector may name.
   */
  | {
      t: 'component-create';
      instanceId: number;
      parentId: number;
      composedParentId?: number;
      tag?: string;
      pageId: number;
      path: string;
      props: Record<string, Json>;
      eventProps: Record<string, string>;
    }
  | { t: 'component-props'; instanceId: number; props: Record<string, Json>; eventProps: Record<string, string> }
  | { t: 'component-mounted'; instanceId: number }
  | { t: 'component-updated'; instanceId: number }
  | { t: 'component-unmount'; instanceId: number }
  /** A keyed `a:for` reorder moved the item the component is in (its `moved` lifetime, relations' `linkChanged`). */
  | { t: 'component-moved'; instanceId: number }
  /** The `ordered` components of a page in document order, after a render added or moved one (getRelationNodes). */
  | { t: 'component-order'; pageId: number; instanceIds: number[] }
  /** Phone chrome: the title bar's back button, a tab bar item, scrolling and pull-down on the page. */
  | { t: 'back' }
  | { t: 'tab'; pagePath: string }
  | { t: 'page-event'; pageId: number; name: 'onReachBottom' | 'onPullDownRefresh' | 'onPageScroll' | 'onTitleClick'; arg?: Json }
  /** The user sent the app to the background or brought it back. */
  | { t: 'app-visibility'; visible: boolean }
  /** A `<navigator>` was tapped: the logic performs the route as `my.<openType>` would (docs/miniprogram-runtime.md#references §8.1). */
  | { t: 'navigate'; openType: string; url: string; delta: number }
  /** A problem found by the view at run time (SJS error, render error, unknown tag), for the Problems list. */
  | { t: 'view-problem'; problem: RuntimeProblem }
  /** The view's answer to `ask` (a feedback answer, or one result per selector request). */
  | { t: 'answer'; id: number; answer: Json };
