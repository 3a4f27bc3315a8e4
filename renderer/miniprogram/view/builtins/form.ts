// form, button and picker (docs/miniprogram-runtime.md#references §6.3). A <form> collects, on submit, the value of every named
// control inside it (`mp-name`, `mp-kind` set by form-controls.ts) into `detail.value`.
import type { VNode } from 'preact';
import type { Json } from '../../../../shared/json';
import { dom, flag, num, rootProps, text, type BuiltinProps } from './builtin-props';
import { groupValue } from './form-controls';
import { useHoverClass, withHandlers } from './hover-class';

function controlValue(control: Element): Json {
  const kind = control.getAttribute('mp-kind');
  if (kind === 'checkbox-group' || kind === 'radio-group') return groupValue(control);
  if (kind === 'switch') return (control as HTMLInputElement).checked;
  if (kind === 'slider') return Number((control as HTMLInputElement).value);
  if (kind === 'picker') return Number(control.getAttribute('mp-value'));
  return (control as HTMLInputElement).value;
}

export function formValues(form: Element): Record<string, Json> {
  const values: Record<string, Json> = {};
  for (const control of form.querySelectorAll('[mp-name]')) values[control.getAttribute('mp-name') ?? ''] = controlValue(control);
  return values;
}

/** Marks a button that submits or resets its form (see Form). */
const FORM_TYPE = 'mp-form-type';

export function Form(props: BuiltinProps): VNode {
  const { $o: owner, $tag: tag } = props;
  return dom(
    'form',
    {
      ...rootProps(props),
      // The preview's iframe is sandboxed without allow-forms, where the browser never fires `submit`: the
      // form acts on the click of its own form-type buttons instead.
      onClick: (event: MouseEvent) => {
        const form = event.currentTarget as HTMLFormElement;
        const submitter = event.target instanceof Element ? event.target.closest<HTMLElement>(`button[${FORM_TYPE}]`) : null;
        if (submitter === null || submitter.closest('form') !== form) return;
        if (submitter.getAttribute(FORM_TYPE) === 'reset') {
          form.reset();
          owner.emit(tag, props, 'reset', {}, event);
          return;
        }
        const dataset = Object.entries(submitter.dataset).filter((entry): entry is [string, string] => entry[1] !== undefined);
        owner.emit(tag, props, 'submit', { value: formValues(form), buttonTarget: { dataset: Object.fromEntries(dataset) } }, event);
      },
      onSubmit: (event: SubmitEvent) => event.preventDefault(),
    },
    props.children as never,
  );
}

export function Button(props: BuiltinProps): VNode {
  const formType = text(props['form-type']);
  const hover = useHoverClass(props, { hoverClass: 'button-hover', startMs: 20, stayMs: 70 });
  const look = ['mp-button-' + text(props.type, 'default'), props.size === 'mini' ? 'mp-button-mini' : '', flag(props.plain) ? 'mp-button-plain' : '', hover.className];
  return dom(
    'button',
    {
      ...withHandlers(rootProps(props, look.filter(Boolean).join(' ')), hover.handlers),
      type: 'button',
      [FORM_TYPE]: formType === 'submit' || formType === 'reset' ? formType : undefined,
      disabled: flag(props.disabled),
    },
    flag(props.loading) ? dom('span', { class: 'mp-button-loading', 'aria-hidden': 'true' }, '↻ ') : null,
    props.children as never,
  );
}

/** Tapping the picker's content opens a native <select> laid transparently over it. */
export function Picker(props: BuiltinProps): VNode {
  const { $o: owner, $tag: tag } = props;
  const range = Array.isArray(props.range) ? (props.range as unknown[]) : [];
  const rangeKey = text(props['range-key']);
  const label = (item: unknown): string =>
    typeof item === 'object' && item !== null && rangeKey !== '' ? text((item as Record<string, unknown>)[rangeKey]) : text(item);
  const index = num(props.value, 0);
  return dom(
    'div',
    {
      ...rootProps(props),
      'mp-name': props.name === undefined ? undefined : text(props.name),
      'mp-kind': 'picker',
      'mp-value': index,
    },
    props.children as never,
    dom(
      'select',
      {
        class: 'mp-picker-select',
        title: text(props.title),
        disabled: flag(props.disabled),
        value: String(index),
        onChange: (event: Event) => {
          const value = Number((event.currentTarget as HTMLSelectElement).value);
          (event.currentTarget as HTMLElement).parentElement?.setAttribute('mp-value', String(value));
          owner.emit(tag, props, 'change', { value }, event);
        },
      },
      range.map((item, position) => dom('option', { value: String(position), key: position }, label(item))),
    ),
  );
}
