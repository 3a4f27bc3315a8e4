// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CallOutcomes } from './call-outcomes';

afterEach(cleanup);

describe('CallOutcomes', () => {
  it('lists the answers newest first, each cut line whole as its tooltip', () => {
    const label = 'connectSocket (task) ws://127.0.0.1:9000/oversized?bytes=16777217';
    const text = 'error 12: Unable to request more memory to read network data.';
    render(<CallOutcomes outcomes={[{ id: 2, label, ok: false, text }, { id: 1, label: 'task-1.send', ok: true, text: 'success' }]} />);
    const items = screen.getByRole('list', { name: "Results of the panel's calls" }).querySelectorAll('li');
    expect([...items].map((item) => item.className)).toEqual(['msd-outcome is-fail', 'msd-outcome is-ok']);
    expect(screen.getByText(label).getAttribute('title')).toBe(label);
    expect(screen.getByText(text).getAttribute('title')).toBe(text);
  });
});
