// `my.getNetworkType` and `my.onNetworkStatusChange` (docs/debugging.md#network-conditions): the engine tells
// each client the network state it emulates (at attach and on every change); the client answers from the
// last state it was told and calls the listeners when it changes. Nothing throws out of `my`.
import type { NetworkStatusMessage } from '../my-wire';
import { reportToConsole } from './report-to-console';

export interface NetworkStatus {
  networkAvailable: boolean;
  networkType: string;
}

export interface NetworkStatusApi {
  getNetworkType(options?: unknown): Promise<NetworkStatus>;
  onNetworkStatusChange(listener: (status: NetworkStatus) => void): void;
  offNetworkStatusChange(listener?: (status: NetworkStatus) => void): void;
}

/** Calls `fn` with `value`, reporting a throw instead of passing it on. */
function safely(api: string, fn: unknown, value: NetworkStatus): void {
  if (typeof fn !== 'function') return;
  try {
    (fn as (status: NetworkStatus) => void)(value);
  } catch (error) {
    reportToConsole(`a ${api} callback threw`, error);
  }
}

export function createNetworkStatus(): { receive(message: NetworkStatusMessage): void; api: NetworkStatusApi } {
  let status: NetworkStatus = { networkAvailable: true, networkType: 'WIFI' };
  let listeners: ((status: NetworkStatus) => void)[] = [];
  return {
    receive(message) {
      const next = { networkAvailable: message.networkAvailable, networkType: message.networkType };
      if (next.networkAvailable === status.networkAvailable && next.networkType === status.networkType) return;
      status = next;
      for (const listener of [...listeners]) safely('onNetworkStatusChange', listener, { ...status });
    },
    api: {
      getNetworkType(options) {
        const callbacks = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
        const answer = { ...status };
        return Promise.resolve().then(() => {
          safely('getNetworkType success', callbacks.success, answer);
          safely('getNetworkType complete', callbacks.complete, answer);
          return answer;
        });
      },
      onNetworkStatusChange(listener) {
        if (typeof listener === 'function') listeners.push(listener);
      },
      offNetworkStatusChange(listener) {
        listeners = listener === undefined ? [] : listeners.filter((candidate) => candidate !== listener);
      },
    },
  };
}
