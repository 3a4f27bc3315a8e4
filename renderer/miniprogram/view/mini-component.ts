// A custom-component instance in the view (docs/miniprogram-runtime.md#references §4): announces itself to the logic
// (`component-create` with its props and `onXxx` handler names), renders its AXML once `init` brought its data,
// forwards prop changes, and reports mounted / updated / unmount so the logic runs the lifecycle.
import { Component, Fragment, h, type ComponentChild } from 'preact';
import { convertRpx } from '../../../shared/miniprogram/rpx';
import type { Json } from '../../../shared/json';
import { componentHostClass, componentHostTag, type SlotRenderer } from '../../../shared/miniprogram/view-bundle';
import { renderFailed, renderInstance } from './instance-render';
import { moveScopeOf } from './list-moves';
import { toJson } from './mini-event';
import type { ViewHost } from './view-host';
import { ViewOwner } from './view-owner';

export interface MiniComponentProps {
  host: ViewHost;
  parent: ViewOwner;
  /** The tag its user wrote (`my-card`): a host element (`virtualHost: false`) is named after it. */
  tag: string;
  path: string;
  attrs: Record<string, unknown>;
  slots: SlotRenderer[];
}

/** Attributes → JSON props and the `on*` ones naming parent handlers (docs §4.4: function props need `on`). */
function splitAttrs(attrs: Record<string, unknown>): { props: Record<string, Json>; eventProps: Record<string, string> } {
  const props: Record<string, Json> = {};
  const eventProps: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'key') continue;
    if (/^on[A-Z]/.test(name) && typeof value === 'string') eventProps[name] = value;
    else if (value !== undefined && typeof value !== 'function') props[name] = toJson(value);
  }
  return { props, eventProps };
}

/** Preact context key: the instance id of the component being rendered into (slot content included). */
const COMPOSED_PARENT = 'mpComposedParent';
/** Preact context key: true inside a component with relations (its children may link as they are created). */
const INSIDE_RELATED = 'mpInsideRelated';

/**
 * The element around a `virtualHost: false` component (§4.8): named after the tag when that is a custom-element
 * name (`my-card`), else `mp-<tag>` (never an HTML element with behaviour of its own), carrying the `id`,
 * `class` and `style` its user wrote, the class its ACSS `:host` became, and its `apply-shared` scope.
 */
function hostElement({ tag, path, attrs }: MiniComponentProps, scope: string | undefined, content: ComponentChild): ComponentChild {
  const name = componentHostTag(tag);
  const classes = [componentHostClass(path), scope ?? '', typeof attrs.class === 'string' ? attrs.class : ''].filter((name) => name !== '').join(' ');
  const style = typeof attrs.style === 'string' && attrs.style !== '' ? { style: convertRpx(attrs.style) } : {};
  return h(name, { class: classes, ...(typeof attrs.id === 'string' ? { id: attrs.id } : {}), ...style }, content);
}

export class MiniComponent extends Component<MiniComponentProps> {
  private readonly instanceId: number;
  private readonly owner: ViewOwner;
  private readonly detach: () => void;
  private readonly stopHearingMoves: (() => void) | undefined;
  /** Stops following its place on the page (components with relations only). */
  private stopPlacing: (() => void) | undefined;
  /** The empty text node that marks its place, and the element rendered once beside it to find it. */
  private placeNode: Node | null = null;
  private placeFinder: Element | null = null;
  private sentProps: string;
  private mounted = false;
  private changed = false;
  /** What a render that threw below this component left in its place, until its data or props change. */
  private failure: ComponentChild | undefined;

  constructor(props: MiniComponentProps, context?: Record<string, unknown>) {
    super(props, context);
    const { host, parent, path, attrs, tag } = props;
    this.instanceId = host.nextComponentId();
    this.owner = new ViewOwner(host, this.instanceId, parent.pageId, host.componentsOf(path), host.styleScopeOf(path));
    this.detach = host.attach(this.instanceId, () => {
      this.changed = true;
      this.failure = undefined;
      this.forceUpdate();
    });
    const split = splitAttrs(attrs);
    this.sentProps = JSON.stringify(split);
    // The component this one renders inside: its owner, or a slot host when it is slot content (§4.7).
    const composed = context?.[COMPOSED_PARENT];
    const composedParentId = typeof composed === 'number' && composed !== parent.instanceId ? { composedParentId: composed } : {};
    // Its `linked` may run as the logic creates it: the page's order, with its place, must reach the logic first.
    if (context?.[INSIDE_RELATED] === true) host.places.hold(parent.pageId);
    host.post({ t: 'component-create', instanceId: this.instanceId, parentId: parent.instanceId, ...composedParentId, tag, pageId: parent.pageId, path, ...split });
    // Inside an `a:for` item: a keyed reorder that moves the item is this component's `moved` (list-moves.ts).
    this.stopHearingMoves = moveScopeOf(context)?.listen(() => {
      if (this.stopPlacing !== undefined) host.places.report(parent.pageId);
      host.post({ t: 'component-moved', instanceId: this.instanceId });
    });
  }

  override getChildContext(): Record<string, unknown> {
    return { [COMPOSED_PARENT]: this.instanceId, [INSIDE_RELATED]: this.insideRelated() || this.props.host.isOrdered(this.instanceId) };
  }

  /** Whether it renders inside a component with relations (Preact context). */
  private insideRelated(): boolean {
    return (this.context as Record<string, unknown> | undefined)?.[INSIDE_RELATED] === true;
  }

  /** A parent render that passes identical attributes and no slot content leaves the component alone. */
  override shouldComponentUpdate(next: MiniComponentProps): boolean {
    const { attrs, slots } = this.props;
    this.failure = undefined;
    if (slots.length > 0 || next.slots.length > 0) return true;
    const names = Object.keys(next.attrs);
    return names.length !== Object.keys(attrs).length || names.some((name) => !Object.is(attrs[name], next.attrs[name]));
  }

  override render(): ComponentChild {
    const { host, path, attrs, slots } = this.props;
    const data = host.dataOf(this.instanceId);
    if (data === undefined) return this.insideRelated() ? this.withPlace(null) : null;
    this.owner.slots = slots;
    this.owner.externalClasses = new Map(host.externalClassesOf(this.instanceId).map((name) => [name, typeof attrs[name] === 'string' ? attrs[name] : '']));
    // Component AXML reads props directly (`{{title}}`) and as `{{props.title}}`, a declared default where the
    // tag has no such attribute (mini-ali-ui's list-item shows its title only by its `titlePosition: 'top'`
    // default); its own data wins.
    const props = { ...host.defaultPropsOf(this.instanceId), ...attrs };
    const content = this.failure ?? renderInstance(host, this.owner, `${path}.axml`, { ...props, ...data, props, $id: this.instanceId });
    const rendered = host.hasHostElement(this.instanceId, path) ? hostElement(this.props, host.styleScopeOf(path), content) : content;
    return host.isOrdered(this.instanceId) ? this.withPlace(rendered) : rendered;
  }

  /**
   * The empty text node marks its place on the page; Preact gives no handle on a text node, so the first
   * render puts an element after it, taken away once the text node is found (component-places.ts).
   */
  private withPlace(rendered: ComponentChild): ComponentChild {
    const finder = this.placeNode === null ? h('mp-place', { hidden: true, ref: (element: Element | null) => { this.placeFinder = element; } }) : null;
    return h(Fragment, null, '', finder, rendered);
  }

  /** An `a:for` item that threw while Preact rendered it (renderInstance's own catch cannot see it). */
  override componentDidCatch(error: unknown): void {
    this.failure = renderFailed(this.props.host, `${this.props.path}.axml`, error);
    this.forceUpdate();
  }

  override componentDidUpdate(): void {
    this.afterRender();
  }

  override componentDidMount(): void {
    this.afterRender();
  }

  override componentWillUnmount(): void {
    this.detach();
    this.stopHearingMoves?.();
    this.stopPlacing?.();
    this.props.host.post({ t: 'component-unmount', instanceId: this.instanceId });
  }

  private place(): void {
    const { host, parent } = this.props;
    this.placeNode = this.placeFinder?.previousSibling ?? null;
    if (this.placeNode === null) return;
    this.stopPlacing = host.places.track(parent.pageId, this.instanceId, () => this.placeNode);
    host.places.changed(parent.pageId);
    this.forceUpdate();
  }

  /** It was placed before its init, which said it has no relations: its marker is gone, so stop following it. */
  private unplace(): void {
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    this.placeNode = null;
  }

  private afterRender(): void {
    const { host, attrs } = this.props;
    const split = splitAttrs(attrs);
    const serialized = JSON.stringify(split);
    if (serialized !== this.sentProps) {
      this.sentProps = serialized;
      this.changed = true;
      host.post({ t: 'component-props', instanceId: this.instanceId, ...split });
    }
    if (host.dataOf(this.instanceId) === undefined) {
      // Placed before its init, inside a component with relations (the logic links it when it creates it).
      if (this.placeFinder !== null && this.stopPlacing === undefined) this.place();
      return;
    }
    host.rendered(this.instanceId);
    if (!this.mounted) {
      this.mounted = true;
      this.changed = false;
      host.post({ t: 'component-mounted', instanceId: this.instanceId });
      if (!host.isOrdered(this.instanceId)) this.unplace();
      else if (this.stopPlacing === undefined) this.place();
    } else if (this.changed) {
      this.changed = false;
      host.post({ t: 'component-updated', instanceId: this.instanceId });
    }
  }
}
