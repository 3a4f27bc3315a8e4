// The payload of one entry in the forms a user needs: text, or a JSON tree when it parses; for binary a
// Hex / Base64 / UTF-8 switch. Every form has its copy button; everything is rendered as text.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CaptureEntry } from '../../shared/capture';
import { base64ToBytes, bytesToUtf8, hexDump, hexDumpText } from '../capture/binary-forms';
import { CopyButton } from '../clipboard/copy-button';
import { JsonTree, parseJsonContainer } from './json-tree';

type BinaryForm = 'hex' | 'base64' | 'utf8';
type TextForm = 'json' | 'text';

const MAX_HEX_LINES = 4096;
const WIDE_HEX_PIXELS = 560;

/** The payload section of the inspector (nothing for entries without a payload). */
export function PayloadView({ entry }: { entry: CaptureEntry }) {
  if (entry.payload === undefined) return null;
  return entry.binary ? <BinaryPayload base64={entry.payload} /> : <TextPayload text={entry.payload} />;
}

function TextPayload({ text }: { text: string }) {
  const json = useMemo(() => parseJsonContainer(text), [text]);
  const [form, setForm] = useState<TextForm>('json');
  const shown: TextForm = json === undefined ? 'text' : form;
  return (
    <section className="payload" aria-label="payload">
      <div className="payload-bar">
        {json !== undefined && (
          <FormSwitch
            value={shown}
            options={[
              ['json', 'JSON'],
              ['text', 'Text'],
            ]}
            onChange={setForm}
          />
        )}
        <CopyButton label="Copy text" text={() => text} />
        {json !== undefined && <CopyButton label="Copy formatted JSON" text={() => JSON.stringify(json, null, 2)} />}
      </div>
      {shown === 'json' && json !== undefined ? <JsonTree value={json} /> : <pre className="payload-text">{text === '' ? '(empty)' : text}</pre>}
    </section>
  );
}

function BinaryPayload({ base64 }: { base64: string }) {
  const bytes = useMemo(() => base64ToBytes(base64), [base64]);
  const [form, setForm] = useState<BinaryForm>('hex');
  if (bytes === null) {
    return (
      <section className="payload" aria-label="payload">
        <p className="payload-note">The payload is not valid base64; shown as captured.</p>
        <pre className="payload-text">{base64}</pre>
      </section>
    );
  }
  return (
    <section className="payload" aria-label="payload">
      <div className="payload-bar">
        <FormSwitch
          value={form}
          options={[
            ['hex', 'Hex'],
            ['base64', 'Base64'],
            ['utf8', 'UTF-8'],
          ]}
          onChange={setForm}
        />
        <CopyButton label="Copy hex" text={() => hexDumpText(bytes)} />
        <CopyButton label="Copy Base64" text={() => base64} />
        <CopyButton label="Copy UTF-8" text={() => bytesToUtf8(bytes)} />
      </div>
      {form === 'hex' && <HexView bytes={bytes} />}
      {form === 'base64' && <pre className="payload-text payload-wrap">{base64}</pre>}
      {form === 'utf8' && <pre className="payload-text">{bytesToUtf8(bytes)}</pre>}
    </section>
  );
}

function HexView({ bytes }: { bytes: Uint8Array }) {
  const [wide, setWide] = useState(true);
  const ref = useRef<HTMLDivElement>(null);
  // 16 bytes a line need about 78 monospace columns; narrower inspectors get 8 so the ASCII stays in view.
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const measure = () => setWide(element.clientWidth >= WIDE_HEX_PIXELS);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const bytesPerLine = wide ? 16 : 8;
  const lines = useMemo(() => hexDump(bytes, MAX_HEX_LINES, bytesPerLine), [bytes, bytesPerLine]);
  if (bytes.length === 0) return <pre className="payload-text">(0 bytes)</pre>;
  return (
    <div ref={ref} className="hex-view" role="table" aria-label="hex dump" data-bytes-per-line={bytesPerLine}>
      {lines.map((line) => (
        <div className="hex-line" role="row" key={line.offset}>
          <span className="hex-offset" role="cell">
            {line.offset}
          </span>
          <span className="hex-bytes" role="cell">
            {line.hex}
          </span>
          <span className="hex-ascii" role="cell">
            {line.ascii}
          </span>
        </div>
      ))}
      {bytes.length > MAX_HEX_LINES * bytesPerLine && <div className="payload-note">… {bytes.length - MAX_HEX_LINES * bytesPerLine} more bytes (copy to see all)</div>}
    </div>
  );
}

function FormSwitch<T extends string>({ value, options, onChange }: { value: T; options: [T, string][]; onChange: (value: T) => void }) {
  return (
    <div className="segmented" role="radiogroup">
      {options.map(([option, label]) => (
        <button key={option} type="button" role="radio" aria-checked={value === option} className={value === option ? 'active' : ''} onClick={() => onChange(option)}>
          {label}
        </button>
      ))}
    </div>
  );
}
