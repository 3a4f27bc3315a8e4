// @vitest-environment jsdom
// The paused-frame editor (docs/debugging.md#frame-breakpoints): edit in one format, switch to another,
// and the three actions send what the engine needs; an unreadable edit cannot be forwarded.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { EditedFrame, PausedFrameInfo, ResumeAction } from '../../shared/debugging/debug-wire';
import { PausedFrameEditor } from './paused-frame-editor';

afterEach(cleanup);

const paused: PausedFrameInfo = { pauseId: 'p1', seq: 9, connectionId: 't1', url: 'ws://127.0.0.1:1/x', direction: 'in', data: '{"n":1}', binary: false, ruleId: 'bp1', pausedAt: 0, waiting: 2 };

function setup() {
  const calls: [ResumeAction, EditedFrame | undefined][] = [];
  render(<PausedFrameEditor paused={paused} onResume={(action, frame) => calls.push([action, frame])} />);
  return calls;
}

it('shows the frame as JSON with the frames waiting behind it; an unchanged forward sends no frame', () => {
  const calls = setup();
  expect(screen.getByText(/2 frames waiting behind it/)).toBeTruthy();
  expect((screen.getByRole('textbox', { name: 'paused frame payload' }) as HTMLTextAreaElement).value).toBe('{\n  "n": 1\n}');
  fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
  expect(calls).toEqual([['forward', undefined]]);
});

it('an edit in hex forwarded as a binary frame, forward-and-disable and drop', () => {
  const calls = setup();
  fireEvent.change(screen.getByRole('combobox', { name: 'edit format' }), { target: { value: 'hex' } });
  const editor = screen.getByRole('textbox', { name: 'paused frame payload' }) as HTMLTextAreaElement;
  expect(editor.value).toBe('7b 22 6e 22 3a 31 7d');
  fireEvent.change(editor, { target: { value: 'ca fe' } });
  fireEvent.change(screen.getByRole('combobox', { name: 'frame type' }), { target: { value: 'binary' } });
  fireEvent.click(screen.getByRole('button', { name: 'Forward & disable rule' }));
  fireEvent.click(screen.getByRole('button', { name: 'Drop' }));
  expect(calls).toEqual([
    ['forward-and-disable', { data: btoa('\xca\xfe'), binary: true }],
    ['drop', undefined],
  ]);
});

it('an unreadable edit is explained and cannot be forwarded', () => {
  const calls = setup();
  fireEvent.change(screen.getByRole('textbox', { name: 'paused frame payload' }), { target: { value: '{"n":' } });
  expect(screen.getByRole('alert').textContent).toMatch(/not valid JSON/);
  expect((screen.getByRole('button', { name: 'Forward' }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
  expect(calls).toEqual([]);
});
