// Form controls on native elements (docs/miniprogram-runtime.md#references §6.3), so focus, typing and labels behave as in a
// browser. `value`/`checked` follow Alipay's uncontrolled rule: re-applied to the element only when the bound
// value changes (typing is not undone by unrelated renders); with `controlled` they follow every render.
// `mp-name`/`mp-kind` mark what a <form> collects on submit (form.ts).
import type { VNode } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { dom, flag, num, rootProps, text, type BuiltinProps } from './builtin-props';

/** Writes `value` into the element's `property` when the bound value changed (or always when controlled). */
function useBoundProperty<T extends HTMLElement>(property: 'value' | 'checked', value: string | boolean, controlled: boolean) {
  const ref = useRef<T>(null);
  const applied = useRef<string | boolean | undefined>(undefined);
  useLayoutEffect(() => {
    const element = ref.current as unknown as Record<string, unknown> | null;
    if (element === null || (!controlled && applied.current === value)) return;
    applied.current = value;
    if (element[property] !== value) element[property] = value;
  });
  return ref;
}

function useFocus(ref: { current: HTMLElement | null }, focus: unknown): void {
  const wanted = flag(focus);
  useLayoutEffect(() => {
    if (wanted) ref.current?.focus();
  }, [wanted, ref]);
}

const INPUT_TYPES: Record<string, string> = { number: 'number', digit: 'number', numberpad: 'number', digitpad: 'number' };

function useTextField(element: 'input' | 'textarea', props: BuiltinProps): VNode {
  const { $o: owner, $tag: tag } = props;
  const ref = useBoundProperty<HTMLInputElement>('value', text(props.value), flag(props.controlled));
  useFocus(ref, props.focus);
  const valueOf = (event: Event): { value: string; cursor: number } => {
    const field = event.currentTarget as HTMLInputElement;
    return { value: field.value, cursor: field.selectionStart ?? field.value.length };
  };
  const maxLength = num(props.maxlength, 140);
  return dom(element, {
    ...rootProps(props),
    ref,
    type: element === 'input' ? (flag(props.password) ? 'password' : (INPUT_TYPES[text(props.type)] ?? 'text')) : undefined,
    name: props.name === undefined ? undefined : text(props.name),
    'mp-name': props.name === undefined ? undefined : text(props.name),
    'mp-kind': 'text',
    placeholder: text(props.placeholder),
    disabled: flag(props.disabled),
    maxLength: maxLength < 0 ? undefined : maxLength,
    onInput: (event: Event) => owner.emit(tag, props, 'input', valueOf(event), event),
    onFocus: (event: Event) => owner.emit(tag, props, 'focus', { value: valueOf(event).value }, event),
    onBlur: (event: Event) => owner.emit(tag, props, 'blur', { value: valueOf(event).value }, event),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || (element === 'textarea' && !event.ctrlKey)) return;
      // Enter is the keyboard's confirm key, never a form submission: only a form-type button submits (§6.3),
      // and the sandboxed preview would log a blocked native submission (docs/miniprogram-runtime.md "Forms").
      if (element === 'input') event.preventDefault();
      owner.emit(tag, props, 'confirm', { value: valueOf(event).value }, event);
    },
  });
}

export function Input(props: BuiltinProps): VNode {
  return useTextField('input', props);
}

export function Textarea(props: BuiltinProps): VNode {
  return useTextField('textarea', props);
}

function useToggle(type: 'checkbox' | 'radio', kind: string, props: BuiltinProps): VNode {
  const { $o: owner, $tag: tag } = props;
  const ref = useBoundProperty<HTMLInputElement>('checked', flag(props.checked), flag(props.controlled));
  const named = props.name !== undefined && kind === 'switch';
  return dom('input', {
    ...rootProps(props),
    ref,
    type,
    role: kind === 'switch' ? 'switch' : undefined,
    value: props.value === undefined ? undefined : text(props.value),
    name: named ? text(props.name) : undefined,
    'mp-name': named ? text(props.name) : undefined,
    'mp-kind': kind,
    disabled: flag(props.disabled),
    onChange: (event: Event) => owner.emit(tag, props, 'change', { value: (event.currentTarget as HTMLInputElement).checked }, event),
  });
}

export function Switch(props: BuiltinProps): VNode {
  return useToggle('checkbox', 'switch', props);
}

export function Checkbox(props: BuiltinProps): VNode {
  return useToggle('checkbox', 'checkbox', props);
}

export function Radio(props: BuiltinProps): VNode {
  return useToggle('radio', 'radio', props);
}

/** A checkbox-group or radio-group: children's native change events bubble to it. */
function group(kind: 'checkbox' | 'radio', props: BuiltinProps): VNode {
  const { $o: owner, $tag: tag } = props;
  return dom(
    'div',
    {
      ...rootProps(props),
      role: kind === 'radio' ? 'radiogroup' : 'group',
      'mp-name': props.name === undefined ? undefined : text(props.name),
      'mp-kind': `${kind}-group`,
      onChange: (event: Event) => {
        const root = event.currentTarget as HTMLElement;
        const changed = event.target as HTMLInputElement;
        if (kind === 'radio' && changed.checked) for (const radio of root.querySelectorAll<HTMLInputElement>('input[type=radio]')) radio.checked = radio === changed;
        owner.emit(tag, props, 'change', { value: groupValue(root) }, event);
      },
    },
    props.children as never,
  );
}

/** The checked values of a group: an array for checkboxes, one value (or '') for radios. */
export function groupValue(root: Element): string | string[] {
  const checked = [...root.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
  return root.getAttribute('mp-kind') === 'radio-group' ? (checked[0] ?? '') : checked;
}

export function CheckboxGroup(props: BuiltinProps): VNode {
  return group('checkbox', props);
}

export function RadioGroup(props: BuiltinProps): VNode {
  return group('radio', props);
}

export function Slider(props: BuiltinProps): VNode {
  const { $o: owner, $tag: tag } = props;
  const ref = useBoundProperty<HTMLInputElement>('value', String(num(props.value, 0)), false);
  const value = (event: Event): number => Number((event.currentTarget as HTMLInputElement).value);
  return dom('input', {
    ...rootProps(props),
    ref,
    type: 'range',
    min: num(props.min, 0),
    max: num(props.max, 100),
    step: num(props.step, 1),
    disabled: flag(props.disabled),
    'mp-name': props.name === undefined ? undefined : text(props.name),
    'mp-kind': 'slider',
    onInput: (event: Event) => owner.emit(tag, props, 'changing', { value: value(event) }, event),
    onChange: (event: Event) => owner.emit(tag, props, 'change', { value: value(event) }, event),
  });
}
