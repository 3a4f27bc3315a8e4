import { describe, expectTypeOf, it } from 'vitest';
import { createMemoryTransportPair } from './memory-transport';
import { createMy } from './create-my';
import type {
  CloseSocketSuccess,
  MyApi,
  MySocketApi,
  SendSocketMessageSuccess,
  SocketCallFailure,
  SocketCloseEvent,
  SocketMessageEvent,
  SocketOpenEvent,
  SocketTask,
  SocketTaskErrorEvent,
  SocketTaskLifecycleEvent,
  SocketTaskMessageEvent,
} from './types';

describe('MySocketApi types', () => {
  it('types connectSocket by its multiple option', () => {
    const my = createMy(createMemoryTransportPair().client);
    expectTypeOf(my).toEqualTypeOf<MyApi>();
    expectTypeOf(my).toMatchTypeOf<MySocketApi>();
    expectTypeOf(my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: true })).toEqualTypeOf<SocketTask>();
    expectTypeOf(my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: false })).toEqualTypeOf<undefined>();
    expectTypeOf(my.connectSocket({ url: 'ws://127.0.0.1:1/' })).toEqualTypeOf<SocketTask | undefined>();
  });

  it('types results, promises and listener payloads', () => {
    const my = createMy(createMemoryTransportPair().client);
    expectTypeOf(my.sendSocketMessage).returns.toEqualTypeOf<Promise<SendSocketMessageSuccess>>();
    expectTypeOf(my.closeSocket).returns.toEqualTypeOf<Promise<CloseSocketSuccess>>();
    expectTypeOf(my.sendSocketMessage).parameter(0).toHaveProperty('fail').toEqualTypeOf<((result: SocketCallFailure) => void) | undefined>();
    expectTypeOf(my.onSocketOpen).parameter(0).parameter(0).toEqualTypeOf<SocketOpenEvent>();
    expectTypeOf(my.onSocketMessage).parameter(0).parameter(0).toEqualTypeOf<SocketMessageEvent>();
    expectTypeOf(my.onSocketClose).parameter(0).parameter(0).toEqualTypeOf<SocketCloseEvent>();
    expectTypeOf<SocketTask['onOpen']>().parameter(0).parameter(0).toEqualTypeOf<SocketTaskLifecycleEvent>();
    expectTypeOf<SocketTask['onMessage']>().parameter(0).parameter(0).toEqualTypeOf<SocketTaskMessageEvent>();
    expectTypeOf<SocketTask['onError']>().parameter(0).parameter(0).toEqualTypeOf<SocketTaskErrorEvent>();
    expectTypeOf<SocketTaskMessageEvent>().toEqualTypeOf<
      ({ data: string; isBuffer: false } | { data: string | ArrayBuffer; isBuffer: true }) & { socketTaskID: string }
    >();
    // @ts-expect-error url is required
    my.connectSocket({});
    // @ts-expect-error data must be text or binary
    void my.sendSocketMessage({ data: 42 });
  });
});
