// SocketTasks (`multiple: true`) to the echo endpoint, each with its own listeners and state, up to the
// limit of 5 live tasks.
const LIMIT = 5;
const MAX_SHOWN = 8;

Component({
  props: { echoUrl: '' },
  data: { tasks: [], live: 0, limit: LIMIT, notice: '' },

  didMount() {
    this.views = [];
    this.opened = 0;
  },

  methods: {
    render() {
      const live = this.views.filter((view) => view.state === 'connecting' || view.state === 'open').length;
      const tasks = this.views
        .slice(-MAX_SHOWN)
        .reverse()
        .map(({ number, state, last }) => ({ number, state, last }));
      this.setData({ live, tasks });
    },

    update(view, change) {
      Object.assign(view, change);
      this.render();
    },

    viewOf(event) {
      const number = Number(event.currentTarget.dataset.task);
      return this.views.find((view) => view.number === number);
    },

    open() {
      this.opened += 1;
      const number = this.opened;
      this.setData({ notice: '' });
      const view = { number, task: undefined, state: 'connecting', last: '' };
      this.views.push(view);
      view.task = my.connectSocket({
        url: this.props.echoUrl,
        multiple: true,
        fail: (result) => {
          this.update(view, { state: 'failed', last: `${result.error}: ${result.errorMessage}` });
          this.setData({ notice: `Task ${number} was refused: error ${result.error}, ${result.errorMessage}` });
        },
      });
      view.task.onOpen(() => this.update(view, { state: 'open', last: 'open' }));
      view.task.onMessage((event) => this.update(view, { last: `↓ ${event.isBuffer ? '(binary)' : event.data}` }));
      view.task.onError((event) => this.update(view, { last: `error ${event.error}: ${event.errorMessage}` }));
      view.task.onClose(() => this.update(view, { state: view.state === 'failed' ? 'failed' : 'closed' }));
      this.render();
    },

    ping(event) {
      const view = this.viewOf(event);
      if (!view) return;
      view.task.send({ data: `ping from task ${view.number}`, fail: (result) => this.update(view, { last: `send failed: ${result.error} ${result.errorMessage}` }) });
    },

    close(event) {
      const view = this.viewOf(event);
      if (view) this.closeTask(view);
    },

    closeTask(view) {
      view.task.close({ fail: (result) => this.update(view, { last: `close failed: ${result.error} ${result.errorMessage}` }) });
    },

    closeAll() {
      for (const view of this.views) if (view.state === 'open' || view.state === 'connecting') this.closeTask(view);
    },
  },
});
