// The bundled demo mini-app: an echo chat (single mode, connected on load with a live ticker), SocketTasks
// (task mode) and one-click reproduction of every error code, all through `my` and nothing else.
import './style.css';
import './chat-log.css';
import './tasks.css';
import './reproduce.css';
import './ticker.css';
import { createChat } from './chat';
import { echoEndpoint, findMy, labEndpoints } from './demo-env';
import { el } from './dom';
import { createReproduce } from './reproduce';
import { createTasks } from './tasks';

const FALLBACK_ECHO_URL = 'ws://127.0.0.1:8080/echo';

function start(root: HTMLElement): void {
  const my = findMy();
  const header = el('header', { className: 'app-head' }, el('h1', {}, 'Socket playground'), el('p', {}, 'The echo chat connects on load and ticks every 2 s; every button here calls my.* — watch the frames in the panel.'));
  if (!my) {
    root.replaceChildren(header, el('p', { className: 'banner' }, 'There is no my object on this page: open it through Mini Socket DevTools.'));
    return;
  }
  const endpoints = labEndpoints();
  const echo = echoEndpoint(endpoints);
  const echoUrl = echo?.url ?? FALLBACK_ECHO_URL;
  const noLab = endpoints.length === 0 ? el('p', { className: 'banner' }, 'The lab server is not running: set a server URL by hand; the reproduction buttons need the lab.') : null;
  root.replaceChildren(...[header, noLab, createChat(my, echoUrl, { autoConnect: echo !== undefined }), createTasks(my, echoUrl), createReproduce(my, endpoints, echoUrl)].filter((node): node is HTMLElement => node !== null));
}

const root = document.getElementById('app');
if (root) start(root);
