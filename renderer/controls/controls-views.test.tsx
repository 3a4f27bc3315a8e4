// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { ConnectForm } from './connect-form';
import { LiveConnections } from './live-connections';
import { MessageComposer } from './message-composer';
import type { PanelConnectionView } from './panel-sockets';
import { SettingsFormView } from './settings-form-view';

afterEach(cleanup);

const lab = [
  { name: 'echo', url: 'ws://127.0.0.1:4000/echo', description: 'Echoes' },
  { name: 'wss-echo', url: 'wss://127.0.0.1:4001/echo', reproduces: 7, description: 'Self-signed' },
];

describe('SettingsFormView', () => {
  it('sends each choice as a settings patch', () => {
    const onChange = vi.fn();
    render(<SettingsFormView settings={DEFAULT_SETTINGS} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: /Second connectSocket/ }), { target: { value: 'reject' } });
    expect(onChange).toHaveBeenLastCalledWith({ singleModePolicy: 'reject' });
    const incomingBinary = screen.getByRole('combobox', { name: 'Incoming binary' });
    expect([...incomingBinary.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'base64 string (docs, most clients)',
      'ArrayBuffer (mini-game ≥ 10.5.16)',
    ]);
    fireEvent.change(incomingBinary, { target: { value: 'arraybuffer' } });
    expect(onChange).toHaveBeenLastCalledWith({ incomingBinary: 'arraybuffer' });
    fireEvent.click(screen.getByRole('checkbox', { name: /Strict wss/ }));
    expect(onChange).toHaveBeenLastCalledWith({ strictWss: true });
    const risky = screen.getByRole('checkbox', { name: /Ignore certificate errors/ });
    expect(risky.closest('label')?.textContent).toContain('not faithful to phones');
    fireEvent.click(risky);
    expect(onChange).toHaveBeenLastCalledWith({ ignoreCertificateErrors: true });
  });

  it('commits valid sizes and timeouts on Enter or blur, and refuses invalid ones with a reason', () => {
    const onChange = vi.fn();
    render(<SettingsFormView settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const size = screen.getByRole('textbox', { name: /Max incoming message size/ });
    expect((size as HTMLInputElement).value).toBe('16 MiB');
    fireEvent.change(size, { target: { value: '64 KiB' } });
    fireEvent.keyDown(size, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ maxIncomingMessageBytes: 65536 });
    const timeout = screen.getByRole('textbox', { name: /Connect timeout/ });
    fireEvent.change(timeout, { target: { value: '500000' } });
    fireEvent.blur(timeout);
    expect(screen.getByRole('alert').textContent).toBe('Connect timeout must be between 1 and 120000');
    expect(onChange).toHaveBeenCalledTimes(1);
    fireEvent.change(timeout, { target: { value: '5000' } });
    fireEvent.blur(timeout);
    expect(onChange).toHaveBeenLastCalledWith({ connectTimeoutMs: 5000 });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('ConnectForm', () => {
  it('starts from the lab echo endpoint, suggests every lab endpoint and submits the parsed request', () => {
    const onConnect = vi.fn();
    const { container } = render(<ConnectForm lab={lab} onConnect={onConnect} />);
    const url = screen.getByRole('combobox', { name: 'url' }) as HTMLInputElement;
    expect(url.value).toBe('ws://127.0.0.1:4000/echo');
    expect([...container.querySelectorAll('datalist option')].map((option) => (option as HTMLOptionElement).value)).toEqual(lab.map((e) => e.url));
    fireEvent.change(screen.getByRole('textbox', { name: 'protocols (comma list)' }), { target: { value: 'a, b' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'multiple (SocketTask)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(onConnect).toHaveBeenCalledWith({ url: 'ws://127.0.0.1:4000/echo', protocols: ['a', 'b'], multiple: true });
  });

  it('shows what is wrong instead of connecting', () => {
    const onConnect = vi.fn();
    render(<ConnectForm lab={lab} onConnect={onConnect} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'header (JSON object)' }), { target: { value: '{bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(onConnect).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/^header is not valid JSON/);
  });
});

describe('MessageComposer', () => {
  const connections: PanelConnectionView[] = [
    { key: 'single', mode: 'single', url: 'ws://127.0.0.1:4000/echo', state: 'closed', received: 0 },
    { key: 'task-1', mode: 'task', url: 'ws://127.0.0.1:4000/echo', state: 'open', received: 2 },
  ];

  it('targets the first open connection and sends hex as base64 with isBuffer', () => {
    const onSend = vi.fn();
    render(<MessageComposer connections={connections} onSend={onSend} onClose={() => undefined} />);
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('task-1');
    fireEvent.click(screen.getByRole('button', { name: 'Hex' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'de ad be ef' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('task-1', { data: '3q2+7w==', isBuffer: true });
  });

  it('validates JSON before sending and counts the close reason in UTF-8 bytes', () => {
    const onSend = vi.fn();
    const onClose = vi.fn();
    render(<MessageComposer connections={connections} onSend={onSend} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: '{"op":' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/^message is not valid JSON/);
    fireEvent.change(screen.getByRole('textbox', { name: /reason/ }), { target: { value: '再见' } });
    expect(screen.getByText('(6/123 bytes)')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'close code' }), { target: { value: '4000' } });
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'single' } });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith('single', 4000, '再见');
  });

  it('asks to connect first when the panel has no connection', () => {
    render(<MessageComposer connections={[]} onSend={() => undefined} onClose={() => undefined} />);
    expect(screen.getByText(/Connect first/)).toBeTruthy();
  });
});

describe('LiveConnections', () => {
  const connections = [
    { connectionId: 's1', clientId: 'app-1', target: null, url: 'ws://a/', state: 'OPEN' as const, requestedProtocols: [], protocol: 'mqtt' },
    { connectionId: 't2', clientId: 'panel', target: 't-1', url: 'ws://b/', state: 'CLOSED' as const, requestedProtocols: [], protocol: '', closeCode: 1006 },
  ];

  it('lists the live connections with url, state, protocol and a force-close button', () => {
    const onForceClose = vi.fn();
    render(<LiveConnections connections={connections} onForceClose={onForceClose} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('ws://a/');
    expect(items[0]!.textContent).toContain('mqtt');
    fireEvent.click(screen.getByRole('button', { name: 'Force-close s1' }));
    expect(onForceClose).toHaveBeenCalledWith('s1');
  });

  it('shows the closed ones, with their close code and no force-close, on request', () => {
    render(<LiveConnections connections={connections} onForceClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 closed' }));
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[1]!.textContent).toContain('1006');
    expect(screen.queryByRole('button', { name: 'Force-close t2' })).toBeNull();
  });
});
