import { describe, expect, it } from 'vitest';
import type { MsdPanelApi } from '../../shared/electron-ipc';
import type { PanelMessage, PanelRequest } from '../../shared/panel-wire';
import { connectPanelTransport, miniappUrlOf } from './connect-panel-transport';

/** The parts of `window` the picker reads. */
function fakeWindow(fields: { msdPanel?: MsdPanelApi; config?: unknown; search?: string }): Window {
  return { msdPanel: fields.msdPanel, __MSD_CONFIG__: fields.config, location: { search: fields.search ?? '' } } as unknown as Window;
}

describe('connectPanelTransport', () => {
  it('prefers the Electron preload and passes requests, messages and bounds through', () => {
    const sent: PanelRequest[] = [];
    const bounds: unknown[] = [];
    let listener: ((message: PanelMessage) => void) | undefined;
    const msdPanel: MsdPanelApi = {
      send: (request) => sent.push(request),
      onMessage: (next) => {
        listener = next;
        return () => undefined;
      },
      setMiniappBounds: (rect) => bounds.push(rect),
    };
    const connected = connectPanelTransport(fakeWindow({ msdPanel, config: { panelBridge: 'ws://127.0.0.1:1/panel', miniappUrl: 'http://127.0.0.1:2/' } }));
    expect(connected?.kind).toBe('electron');
    expect(connected?.link.status()).toBe('open');
    connected?.link.send({ kind: 'subscribe' });
    const got: PanelMessage[] = [];
    connected?.link.onMessage((message) => got.push(message));
    listener?.({ kind: 'cleared', stats: { total: 0, dropped: 0, held: 0, capacity: 1, cleared: 0 } });
    connected?.setMiniappBounds?.({ x: 1, y: 2, width: 3, height: 4 });
    expect(sent).toEqual([{ kind: 'subscribe' }]);
    expect(got).toHaveLength(1);
    expect(bounds).toEqual([{ x: 1, y: 2, width: 3, height: 4 }]);
  });

  it('falls back to the host config, then to ?bridge=, then to nothing', () => {
    const fromConfig = connectPanelTransport(fakeWindow({ config: { panelBridge: 'ws://127.0.0.1:9/panel?token=x', miniappUrl: 'http://127.0.0.1:8/' } }));
    expect(fromConfig?.kind).toBe('browser-host');
    fromConfig?.link.close();
    const fromQuery = connectPanelTransport(fakeWindow({ search: '?bridge=ws%3A%2F%2F127.0.0.1%3A9%2Fpanel' }));
    expect(fromQuery?.kind).toBe('query');
    fromQuery?.link.close();
    expect(connectPanelTransport(fakeWindow({ config: { panelBridge: 'http://evil' }, search: '?bridge=javascript:alert(1)' }))).toBeUndefined();
  });

  it('finds the mini-app URL in the host config or ?miniapp=', () => {
    expect(miniappUrlOf(fakeWindow({ config: { panelBridge: 'ws://127.0.0.1:9/panel', miniappUrl: 'http://127.0.0.1:8/' } }))).toBe('http://127.0.0.1:8/');
    expect(miniappUrlOf(fakeWindow({ search: '?miniapp=http%3A%2F%2F127.0.0.1%3A7%2F' }))).toBe('http://127.0.0.1:7/');
    expect(miniappUrlOf(fakeWindow({ search: '?miniapp=javascript:1' }))).toBeUndefined();
  });
});
