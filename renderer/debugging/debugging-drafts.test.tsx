// @vitest-environment jsdom
// Editing breakpoint rules faster than the engine echoes them (docs/debugging.md#editing-rules): each edit
// starts from the list the panel last sent, so an edit made before the echo of the one before it keeps it;
// the engine's own later changes show once the echo has arrived.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { DebugCommand } from '../../shared/debugging/debug-wire';
import { EMPTY_DEBUGGING_STATE, debugCommandSchema } from '../../shared/debugging/debug-wire';
import type { PanelRequest, PanelTransport } from '../../shared/panel-wire';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { usePanelStore } from '../store/panel-store';
import { DRAFT_EXPIRY_MS } from './debugging-drafts';
import { DebuggingSection } from './debugging-section';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  usePanelStore.getState().reset();
});

/** A panel whose engine applies the commands only when `echo()` is called, as a busy engine would. */
function slowEngine() {
  const sent: DebugCommand[] = [];
  const transport: PanelTransport = { send: (request: PanelRequest) => request.kind === 'debug' && sent.push(request.command), onMessage: () => () => undefined };
  const store = usePanelStore.getState();
  store.setTransport(transport);
  let debugging = EMPTY_DEBUGGING_STATE;
  const publish = () => store.setEngineState({ settings: DEFAULT_SETTINGS, connections: [], clients: [], lab: [], app: { visible: true }, debugging });
  publish();
  let applied = 0;
  return {
    sent,
    /** Applies the commands sent so far, parsed as the engine parses them (the schema reorders keys). */
    echo(count = sent.length - applied) {
      for (const raw of sent.slice(applied, applied + count)) {
        const command = debugCommandSchema.parse(raw);
        if (command.op === 'set-breakpoints') debugging = { ...debugging, breakpoints: command.rules };
      }
      applied += count;
      act(publish);
    },
    disableInEngine(ruleId: string) {
      debugging = { ...debugging, breakpoints: debugging.breakpoints.map((rule) => (rule.id === ruleId ? { ...rule, enabled: false } : rule)) };
      act(publish);
    },
  };
}

it('edits made before the echo build on each other; the echoes and the engine’s own changes then show', () => {
  const engine = slowEngine();
  render(<DebuggingSection />);
  fireEvent.click(screen.getByRole('button', { name: 'Add breakpoint' }));
  fireEvent.change(screen.getByRole('textbox', { name: 'payload contains' }), { target: { value: 'price' } });
  fireEvent.click(screen.getByRole('checkbox', { name: 'enable bp1' }));
  // Nothing echoed yet: the last command holds all three edits, and the editor shows them.
  expect(engine.sent.at(-1)).toEqual({ op: 'set-breakpoints', rules: [{ id: 'bp1', enabled: true, direction: 'in', connection: '', match: { kind: 'text', text: 'price' } }] });
  expect((screen.getByRole('checkbox', { name: 'enable bp1' }) as HTMLInputElement).checked).toBe(true);

  engine.echo(1); // an older echo arrives: the editor keeps the newer edits
  expect((screen.getByRole('textbox', { name: 'payload contains' }) as HTMLInputElement).value).toBe('price');
  engine.echo();
  engine.disableInEngine('bp1'); // e.g. "Forward & disable rule" in the engine
  expect((screen.getByRole('checkbox', { name: 'enable bp1' }) as HTMLInputElement).checked).toBe(false);
});

it('a list the engine never echoes gives way to the engine’s state after the expiry', () => {
  vi.useFakeTimers();
  const engine = slowEngine();
  render(<DebuggingSection />);
  fireEvent.click(screen.getByRole('button', { name: 'Add breakpoint' }));
  expect(screen.queryByRole('checkbox', { name: 'enable bp1' })).not.toBeNull();
  act(() => vi.advanceTimersByTime(DRAFT_EXPIRY_MS));
  expect(screen.queryByRole('checkbox', { name: 'enable bp1' })).toBeNull();
  expect(engine.sent).toHaveLength(1);
});
