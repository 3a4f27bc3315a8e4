// The parts the message composer and the inject composer share: a segmented choice of buttons and the
// payload text area whose placeholder follows the chosen payload type.
import type { KeyboardEvent } from 'react';
import type { ComposerMode } from './parse-inputs';

/** The payload types a composer offers, with their placeholders. */
export const COMPOSER_MODES: { value: ComposerMode; label: string; placeholder: string }[] = [
  { value: 'text', label: 'Text', placeholder: 'hello' },
  { value: 'json', label: 'JSON', placeholder: '{"op": "ping"}' },
  { value: 'base64', label: 'Base64', placeholder: 'AAEC/w==' },
  { value: 'hex', label: 'Hex', placeholder: '00 01 02 ff' },
];

export interface SegmentedChoiceProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange(value: T): void;
}

/** One pressed button out of a few, as a labelled group. */
export function SegmentedChoice<T extends string>({ label, options, value, onChange }: SegmentedChoiceProps<T>) {
  return (
    <div className="msd-segmented" role="group" aria-label={label}>
      {options.map((option) => (
        <button key={option.value} type="button" aria-pressed={value === option.value} onClick={() => onChange(option.value)}>
          {option.label}
        </button>
      ))}
    </div>
  );
}

export interface PayloadTextProps {
  label: string;
  rows: number;
  mode: ComposerMode;
  text: string;
  onChange(text: string): void;
  onKeyDown?(event: KeyboardEvent<HTMLTextAreaElement>): void;
}

/** The payload text area; its placeholder shows the chosen payload type's form. */
export function PayloadText({ label, rows, mode, text, onChange, onKeyDown }: PayloadTextProps) {
  return (
    <textarea
      className="msd-composer__text msd-mono"
      aria-label={label}
      rows={rows}
      spellCheck={false}
      placeholder={COMPOSER_MODES.find((item) => item.value === mode)?.placeholder}
      value={text}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
