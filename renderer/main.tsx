// The panel page's entry: connect to the engine, then render the layout.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startPanel } from './app/start-panel';
import { miniappUrlOf } from './transport/connect-panel-transport';

const { connected } = startPanel(window);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App miniappUrl={miniappUrlOf(window)} setMiniappBounds={connected?.setMiniappBounds} />
    </StrictMode>,
  );
}
