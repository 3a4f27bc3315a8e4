// The panel's own `my` client: the same createMy the mini-app gets, over the PanelTransport, so the
// connection controls act through exactly the path the mini-app uses (and show up in the capture as
// client 'panel'). ClientMessages go up wrapped in { kind: 'my' }; { kind: 'my' } replies are unwrapped.
import type { MyTransport } from '../../shared/my-wire';
import { createMy } from '../../shared/my';
import type { MySocketApi } from '../../shared/my';
import type { PanelTransport } from '../../shared/panel-wire';

/** Adapts the panel link to the `my` client's transport (see the module comment). */
export function panelMyTransport(transport: PanelTransport): MyTransport {
  return {
    send: (message) => transport.send({ kind: 'my', message }),
    onMessage: (listener) => {
      transport.onMessage((message) => {
        if (message.kind === 'my') listener(message.message);
      });
    },
  };
}

/** The panel's `my`: single mode unless `multiple: true` is passed explicitly. */
export function createPanelMy(transport: PanelTransport): MySocketApi {
  return createMy(panelMyTransport(transport), { defaultMultiple: false });
}
