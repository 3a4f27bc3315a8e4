// The paused-frame editor's formats (docs/debugging.md#frame-breakpoints): round trips and refusals.
import { describe, expect, it } from 'vitest';
import { defaultFormat, fromEditorText, toEditorText } from './frame-format';

const binary = { data: btoa('\x00\xca\xfe\xff'), binary: true };

describe('frame formats', () => {
  it('opens JSON as JSON, binary as hex, anything else as text', () => {
    expect(defaultFormat({ data: '{"a":1}', binary: false })).toBe('json');
    expect(defaultFormat({ data: 'hello', binary: false })).toBe('text');
    expect(defaultFormat(binary)).toBe('hex');
    expect(toEditorText({ data: '{"a":1}', binary: false }, 'json')).toBe('{\n  "a": 1\n}');
    expect(toEditorText(binary, 'hex')).toBe('00 ca fe ff');
    expect(toEditorText({ data: 'hé', binary: false }, 'hex')).toBe('68 c3 a9');
    expect(toEditorText({ data: 'hé', binary: false }, 'base64')).toBe('aMOp');
  });

  it('reads every format back as a text or a binary frame', () => {
    expect(fromEditorText('00 ca fe ff', 'hex', true)).toEqual({ ok: true, frame: binary });
    expect(fromEditorText('68 c3 a9', 'hex', false)).toEqual({ ok: true, frame: { data: 'hé', binary: false } });
    expect(fromEditorText('aMOp', 'base64', false)).toEqual({ ok: true, frame: { data: 'hé', binary: false } });
    expect(fromEditorText('{"a": 2}', 'json', false)).toEqual({ ok: true, frame: { data: '{"a": 2}', binary: false } });
    expect(fromEditorText('hi', 'text', true)).toEqual({ ok: true, frame: { data: 'aGk=', binary: true } });
  });

  it('refuses what it cannot read, with the reason', () => {
    expect(fromEditorText('abc', 'hex', true)).toMatchObject({ ok: false, error: expect.stringContaining('hex') });
    expect(fromEditorText('zz', 'hex', true)).toMatchObject({ ok: false });
    expect(fromEditorText('%%%', 'base64', true)).toMatchObject({ ok: false, error: 'not valid base64' });
    expect(fromEditorText('{"a":', 'json', false)).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
  });
});
