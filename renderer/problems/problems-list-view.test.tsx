// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { socketError } from '../../shared/error-codes';
import { entry } from '../timeline/test-support/timeline-entries';
import { ProblemsListView } from './problems-list-view';

afterEach(cleanup);

// jsdom does no layout: give elements the size a real list pane has, so the virtualizer renders rows.
const layoutSize = { clientHeight: 300, clientWidth: 800 };
const saved = Object.fromEntries(Object.keys(layoutSize).map((key) => [key, Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)]));
beforeAll(() => {
  for (const [key, value] of Object.entries(layoutSize)) Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
});
afterAll(() => {
  for (const [key, descriptor] of Object.entries(saved)) if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
});

const problems = [
  entry(3, 1200, { kind: 'warning', name: 'send-before-open', connectionId: 's1', errorMessage: 'state CONNECTING', detail: { warning: 'send-before-open' } }),
  entry(7, 2500, { kind: 'error', name: 'error', connectionId: 't2', errorCode: 7, errorMessage: 'cert', cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
  entry(9, 3000, { kind: 'result', name: 'sendSocketMessage', connectionId: '', clientId: 'app-2', errorCode: 10, errorMessage: 'not open' }),
];

describe('ProblemsListView', () => {
  it('lists warnings and errors with time, code badge, connection and title, and counts them', () => {
    render(<ProblemsListView problems={problems} selectedSeq={null} onSelect={() => undefined} />);
    const rows = screen.getAllByRole('option');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('1.200 s');
    expect(rows[0]!.textContent).toContain('Message sent before the socket was open');
    expect(within(rows[1]!).getByText('7')).toBeTruthy();
    expect(rows[1]!.textContent).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(rows[2]!.textContent).toContain('app-2');
    expect(screen.getByText('2 errors · 1 warning')).toBeTruthy();
  });

  it('gives each row its whole title as the tooltip, since a narrow pane cuts it', () => {
    render(<ProblemsListView problems={problems} selectedSeq={null} onSelect={() => undefined} />);
    const title = screen.getAllByRole('option')[0]!.querySelector('.msd-warnings__title-text');
    expect(title?.getAttribute('title')).toContain('Message sent before the socket was open');
    expect(title?.getAttribute('title')).toBe(title?.textContent);
  });

  it('selects on click and explains the selected error with the seed text, remedy and raw cause', () => {
    const onSelect = vi.fn();
    const { rerender } = render(<ProblemsListView problems={problems} selectedSeq={null} onSelect={onSelect} />);
    fireEvent.click(screen.getAllByRole('option')[1]!);
    expect(onSelect).toHaveBeenCalledWith(7);
    rerender(<ProblemsListView problems={problems} selectedSeq={7} onSelect={onSelect} />);
    const details = screen.getByRole('complementary');
    expect(details.textContent).toContain(socketError(7).description);
    expect(details.textContent).toContain(socketError(7).solution);
    expect(details.textContent).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
  });

  it('explains a selected warning: what happened, why it matters on a phone, how to fix', () => {
    render(<ProblemsListView problems={problems} selectedSeq={3} onSelect={() => undefined} />);
    const details = screen.getByRole('complementary');
    for (const label of ['What happened', 'Why it matters on a phone', 'How to fix']) expect(within(details).getByText(label)).toBeTruthy();
    expect(details.textContent).toContain('state CONNECTING');
  });

  it('filters to errors or warnings only', () => {
    render(<ProblemsListView problems={problems} selectedSeq={null} onSelect={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Warnings' }));
    expect(screen.getAllByRole('option')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Errors' }));
    expect(screen.getAllByRole('option').map((row) => row.id)).toEqual(['msd-problem-7', 'msd-problem-9']);
  });

  it('moves the selection with the keyboard', () => {
    const onSelect = vi.fn();
    render(<ProblemsListView problems={problems} selectedSeq={7} onSelect={onSelect} />);
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(onSelect).toHaveBeenLastCalledWith(9);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(onSelect).toHaveBeenLastCalledWith(3);
  });

  it('shows identical warnings as one row with their count, selects the newest, and tells how often', () => {
    const header = (seq: number, connectionId: string) =>
      entry(seq, seq * 1000, { kind: 'warning', name: 'request-header-dropped', connectionId, errorMessage: 'my.request did not send the header Authorization (its value is null, not a string).', detail: { warning: 'request-header-dropped' } });
    const repeated = [header(1, 'h1'), ...problems, header(10, 'h2'), header(11, 'h3')];
    const onSelect = vi.fn();
    const { rerender } = render(<ProblemsListView problems={repeated} selectedSeq={null} onSelect={onSelect} />);
    const rows = screen.getAllByRole('option');
    expect(rows.map((row) => row.id)).toEqual(['msd-problem-3', 'msd-problem-7', 'msd-problem-9', 'msd-problem-11']);
    expect(rows[3]!.textContent).toContain('A my.request header was dropped×3');
    expect(rows[3]!.textContent).toContain('11.000 s');
    expect(rows[0]!.textContent).not.toContain('×');
    expect(screen.getByText('2 errors · 4 warnings')).toBeTruthy();
    fireEvent.click(rows[3]!);
    expect(onSelect).toHaveBeenCalledWith(11);
    rerender(<ProblemsListView problems={repeated} selectedSeq={10} onSelect={onSelect} />);
    expect(screen.getAllByRole('option')[3]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('complementary').textContent).toContain('Seen 3 times, first at 1.000 s, last at 11.000 s.');
  });

  it('folds a warning whose figure changes (a listener registered 2, 3, 4 times) into one row with the newest text and the range', () => {
    const pileup = (seq: number, count: number) =>
      entry(seq, seq * 1000, { kind: 'warning', name: 'listener-pileup', connectionId: `s${seq}`, errorMessage: `The same message listener is now registered ${count} times.`, detail: { warning: 'listener-pileup', event: 'message', target: null, sameFunctionCount: count } });
    render(<ProblemsListView problems={[pileup(1, 2), pileup(2, 3), pileup(3, 4)]} selectedSeq={3} onSelect={() => undefined} />);
    const rows = screen.getAllByRole('option');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('×3');
    expect(rows[0]!.textContent).toContain('registered 4 times');
    expect(within(rows[0]!).getByTitle('3 occurrences; registrations 2–4, newest 4').textContent).toBe('×3');
    expect(within(rows[0]!).getByTitle('registrations 2–4, newest 4').textContent).toBe('2–4');
    expect(screen.getByRole('complementary').textContent).toContain('Seen 3 times, first at 1.000 s, last at 3.000 s. Registrations 2–4, newest 4. The log keeps each one.');
  });

  it('says so when there is nothing to show', () => {
    render(<ProblemsListView problems={[]} selectedSeq={null} onSelect={() => undefined} />);
    expect(screen.getByText('No problems so far.')).toBeTruthy();
  });
});
