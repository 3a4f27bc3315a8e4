// A tiny element builder: every piece of text goes in through textContent, never as HTML, so payloads
// from the network can't become markup.

type Child = Node | string | null | undefined | false;

/** Attributes and listeners of `el`. */
export interface ElementProps {
  className?: string;
  title?: string;
  type?: string;
  placeholder?: string;
  value?: string;
  disabled?: boolean;
  dataset?: Record<string, string>;
  onClick?: (event: MouseEvent) => void;
}

/** `document.createElement(tag)` with props and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.title) node.title = props.title;
  if (props.type !== undefined) node.setAttribute('type', props.type);
  if (props.placeholder !== undefined) node.setAttribute('placeholder', props.placeholder);
  if (props.value !== undefined && 'value' in node) (node as HTMLInputElement).value = props.value;
  if (props.disabled !== undefined && 'disabled' in node) (node as HTMLButtonElement).disabled = props.disabled;
  for (const [key, value] of Object.entries(props.dataset ?? {})) node.dataset[key] = value;
  if (props.onClick) node.addEventListener('click', props.onClick as EventListener);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Replaces every child of `parent`. */
export function setChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false));
}

/** Runs `action` when Enter is pressed in `input`. */
export function onEnter(input: HTMLInputElement, action: () => void): void {
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) action();
  });
}
