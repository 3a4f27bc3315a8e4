// One frame held by a breakpoint (docs/debugging.md#frame-breakpoints): see it, edit it as text, JSON, hex or
// base64, then forward it, drop it, or forward it and disable the rule that held it.
import { useState } from 'react';
import type { PausedFrameInfo, ResumeAction } from '../../shared/debugging/debug-wire';
import type { EditedFrame } from '../../shared/debugging/debug-wire';
import type { EditFormat } from './frame-format';
import { defaultFormat, fromEditorText, toEditorText } from './frame-format';

export interface PausedFrameEditorProps {
  paused: PausedFrameInfo;
  onResume(action: ResumeAction, frame?: EditedFrame): void;
}

export function PausedFrameEditor({ paused, onResume }: PausedFrameEditorProps) {
  const original: EditedFrame = { data: paused.data, binary: paused.binary };
  const [format, setFormat] = useState<EditFormat>(() => defaultFormat(original));
  const [text, setText] = useState(() => toEditorText(original, defaultFormat(original)));
  const [binary, setBinary] = useState(paused.binary);
  // Until the user types, the frame is the original: a pretty-printed JSON view must not change what is sent.
  const [edited, setEdited] = useState(false);
  const read = edited ? fromEditorText(text, format, binary) : fromEditorText(toEditorText(original, 'base64'), 'base64', binary);

  const switchFormat = (next: EditFormat) => {
    if (read.ok) setText(toEditorText(read.frame, next));
    setFormat(next);
  };
  const forward = (action: ResumeAction) => {
    if (!read.ok) return;
    const unchanged = read.frame.binary === original.binary && read.frame.data === original.data;
    onResume(action, unchanged ? undefined : read.frame);
  };

  return (
    <section className="paused-frame" aria-label={`paused frame ${paused.pauseId}`}>
      <header>
        <strong>Paused {paused.direction === 'in' ? '↓ to the app' : '↑ to the server'}</strong> on <span className="mono">{paused.connectionId}</span> · rule{' '}
        <span className="mono">{paused.ruleId}</span>
        {paused.waiting > 0 && <span className="paused-waiting"> · {paused.waiting} frame{paused.waiting === 1 ? '' : 's'} waiting behind it</span>}
      </header>
      <div className="paused-controls">
        <label>
          Edit as{' '}
          <select aria-label="edit format" value={format} onChange={(event) => switchFormat(event.target.value as EditFormat)}>
            <option value="text">text</option>
            <option value="json">JSON</option>
            <option value="hex">hex</option>
            <option value="base64">base64</option>
          </select>
        </label>
        <label>
          Send as{' '}
          <select aria-label="frame type" value={binary ? 'binary' : 'text'} onChange={(event) => setBinary(event.target.value === 'binary')}>
            <option value="text">text frame</option>
            <option value="binary">binary frame</option>
          </select>
        </label>
      </div>
      <textarea aria-label="paused frame payload" className="mono" spellCheck={false} value={text} rows={8} onChange={(event) => {
          setText(event.target.value);
          setEdited(true);
        }} />
      {!read.ok && <p className="debug-problem" role="alert">{read.error}</p>}
      <div className="paused-actions">
        <button type="button" className="primary" disabled={!read.ok} onClick={() => forward('forward')}>
          Forward
        </button>
        <button type="button" onClick={() => onResume('drop')}>
          Drop
        </button>
        <button type="button" disabled={!read.ok} onClick={() => forward('forward-and-disable')}>
          Forward &amp; disable rule
        </button>
      </div>
    </section>
  );
}
