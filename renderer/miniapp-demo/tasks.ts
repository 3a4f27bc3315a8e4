// The task-mode part of the demo: SocketTasks (`multiple: true`) to the echo endpoint, each with its own
// listeners and state, up to the limit of 5 live tasks.
import type { MySocketApi, SocketTask } from '../../shared/my/types';
import { el, setChildren } from './dom';

type TaskState = 'connecting' | 'open' | 'closed' | 'failed';

interface TaskView {
  number: number;
  task: SocketTask;
  state: TaskState;
  id: string;
  last: string;
}

const MAX_SHOWN = 8;
const LIMIT = 5;

/** Builds the task card. */
export function createTasks(my: MySocketApi, echoUrl: string): HTMLElement {
  const views: TaskView[] = [];
  let opened = 0;
  const list = el('ul', { className: 'tasks' });
  list.setAttribute('aria-label', 'Socket tasks');
  const count = el('span', { className: 'pill pill-neutral' });
  const notice = el('p', { className: 'notice', dataset: { role: 'task-notice' } });

  function render(): void {
    const live = views.filter((view) => view.state === 'connecting' || view.state === 'open').length;
    count.textContent = `${live}/${LIMIT} live`;
    setChildren(list, ...views.slice(-MAX_SHOWN).reverse().map(row));
  }

  function row(view: TaskView): HTMLElement {
    const live = view.state === 'open';
    return el(
      'li',
      { className: `task task-${view.state}`, dataset: { task: String(view.number), state: view.state } },
      el('span', { className: 'task-name' }, `Task ${view.number}`),
      el('span', { className: `pill pill-${view.state === 'failed' ? 'closed' : view.state}` }, view.state),
      el('span', { className: 'task-last' }, view.last),
      el('button', { type: 'button', disabled: !live, onClick: () => ping(view) }, 'Ping'),
      el('button', { type: 'button', disabled: !live && view.state !== 'connecting', onClick: () => close(view) }, 'Close'),
    );
  }

  function ping(view: TaskView): void {
    const text = `ping from task ${view.number}`;
    view.task.send({ data: text, fail: (result) => update(view, { last: `send failed: ${result.error} ${result.errorMessage}` }) });
  }

  function close(view: TaskView): void {
    void view.task.close({ fail: (result) => update(view, { last: `close failed: ${result.error} ${result.errorMessage}` }) });
  }

  function update(view: TaskView, change: Partial<TaskView>): void {
    Object.assign(view, change);
    render();
  }

  function open(): void {
    opened += 1;
    const number = opened;
    notice.textContent = '';
    const task = my.connectSocket({
      url: echoUrl,
      multiple: true,
      fail: (result) => {
        update(view, { state: 'failed', last: `${result.error}: ${result.errorMessage}` });
        notice.textContent = `Task ${number} was refused: error ${result.error}, ${result.errorMessage}`;
      },
    });
    const view: TaskView = { number, task, state: 'connecting', id: '', last: '' };
    views.push(view);
    task.onOpen((event) => update(view, { state: 'open', id: event.socketTaskID, last: 'open' }));
    task.onMessage((event) => update(view, { last: `↓ ${event.isBuffer ? '(binary)' : event.data}` }));
    task.onError((event) => update(view, { last: `error ${event.error}: ${event.errorMessage}` }));
    task.onClose(() => update(view, { state: view.state === 'failed' ? 'failed' : 'closed' }));
    render();
  }

  function closeAll(): void {
    for (const view of views) if (view.state === 'open' || view.state === 'connecting') close(view);
  }

  const card = el(
    'section',
    { className: 'card' },
    el('header', { className: 'card-head' }, el('h2', {}, 'Socket tasks'), count),
    el('p', { className: 'hint' }, `multiple: true returns a SocketTask with its own listeners; at most ${LIMIT} live at once.`),
    el('div', { className: 'row' }, el('button', { type: 'button', className: 'primary', onClick: open }, 'Open task'), el('button', { type: 'button', onClick: closeAll }, 'Close all')),
    notice,
    list,
  );
  card.dataset.part = 'tasks';
  render();
  return card;
}
