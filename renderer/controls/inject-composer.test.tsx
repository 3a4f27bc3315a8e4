// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from '../../shared/panel-wire';
import { InjectComposer } from './inject-composer';

afterEach(cleanup);

const connection = (connectionId: string, clientId: string, state: ConnectionInfo['state']): ConnectionInfo => ({
  connectionId,
  clientId,
  target: null,
  url: `ws://127.0.0.1:4000/${connectionId}`,
  state,
  requestedProtocols: [],
  protocol: '',
});

describe('InjectComposer', () => {
  it("offers only OPEN connections of any client and injects 'in' text by default", () => {
    const onInject = vi.fn();
    render(<InjectComposer connections={[connection('s1', 'app-1', 'CLOSED'), connection('t2', 'app-1', 'OPEN'), connection('s3', 'panel', 'OPEN')]} onInject={onInject} />);
    const select = screen.getByRole('combobox') as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual(['t2', 's3']);
    fireEvent.change(screen.getByRole('textbox', { name: 'Injected message' }), { target: { value: '{"type":"push"}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inject' }));
    expect(onInject).toHaveBeenCalledWith({ connectionId: 't2', direction: 'in', payload: '{"type":"push"}', binary: false });
  });

  it("sends hex 'to the server' as base64 binary and refuses invalid JSON with a message", () => {
    const onInject = vi.fn();
    render(<InjectComposer connections={[connection('s1', 'app-1', 'OPEN')]} onInject={onInject} />);
    fireEvent.click(screen.getByRole('button', { name: 'to the server' }));
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Injected message' }), { target: { value: '{"op":' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inject' }));
    expect(onInject).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/not valid JSON/);
    fireEvent.click(screen.getByRole('button', { name: 'Hex' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Injected message' }), { target: { value: 'de ad be ef' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inject' }));
    expect(onInject).toHaveBeenCalledWith({ connectionId: 's1', direction: 'out', payload: '3q2+7w==', binary: true });
  });

  it('renders nothing while no connection is OPEN', () => {
    const { container } = render(<InjectComposer connections={[connection('s1', 'app-1', 'CONNECTING')]} onInject={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });
});
