// The echo chat: log in with my.request against the lab, keep the token with my.setStorageSync, open the
// token-gated chat socket with it (single mode, the global my.onSocket* listeners registered first), and
// tick every 2 s so the panel shows traffic without a click.
import { labUrl } from '../../utils/lab';
import { bytesToUtf8, toBase64, utf8ToBase64 } from '../../utils/text';
import { createTicker } from '../../utils/ticker';

const MAX_LINES = 200;
const STATE_LABEL = { idle: 'Idle', connecting: 'Connecting…', open: 'Open', closed: 'Closed' };
const ARROWS = { out: '↑', in: '↓', error: '!', system: '•' };
const FALLBACK_URL = 'ws://127.0.0.1:8080/echo';
let lastLineId = 0;

Page({
  data: {
    state: 'idle',
    stateLabel: STATE_LABEL.idle,
    url: '',
    echoUrl: '',
    message: 'Hello, mini program!',
    lines: [],
    ticker: { text: 'Live ticker: waiting for the connection', state: 'waiting', paused: false },
    login: '',
    noLab: false,
  },

  onLoad() {
    this.ticker = createTicker(
      (text, failed) => my.sendSocketMessage({ data: text, fail: (result) => failed(`${result.error} ${result.errorMessage}`) }),
      (text, state, paused) => this.setData({ ticker: { text, state, paused } }),
    );
    my.onSocketOpen(() => {
      this.setState('open');
      this.addLine('system', 'Connected');
      this.ticker.opened();
    });
    my.onSocketMessage((event) => this.received(event));
    my.onSocketError((event) => this.addLine('error', `Error ${event.error}: ${event.errorMessage}`));
    my.onSocketClose((event) => {
      this.ticker.closed();
      this.setState('closed');
      this.addLine('system', `Closed (${event.code}${event.reason ? ` ${event.reason}` : ''})`);
    });
    const tokenUrl = labUrl('token');
    const chatUrl = labUrl('chat');
    const echoUrl = labUrl('echo') || FALLBACK_URL;
    this.setData({ echoUrl, url: echoUrl, noLab: tokenUrl === null || chatUrl === null });
    if (tokenUrl !== null && chatUrl !== null) this.login(tokenUrl, chatUrl);
  },

  onUnload() {
    this.ticker.stop();
    my.closeSocket();
  },

  login(tokenUrl, chatUrl) {
    const user = getApp().globalData.user;
    my.showLoading({ content: 'Logging in…' });
    my.request({
      url: tokenUrl,
      method: 'POST',
      data: { user },
      success: (result) => {
        my.setStorageSync({ key: 'token', data: result.data.token });
        const token = my.getStorageSync({ key: 'token' }).data;
        this.setData({ url: `${chatUrl}?token=${encodeURIComponent(token)}`, login: `Logged in as ${user}; token ${token.slice(0, 8)}… kept in storage` });
        this.connect();
      },
      fail: (result) => this.addLine('error', `Login failed with ${result.error}: ${result.errorMessage}`),
      complete: () => my.hideLoading(),
    });
  },

  setState(state) {
    this.setData({ state, stateLabel: STATE_LABEL[state] });
  },

  addLine(kind, text, note) {
    lastLineId += 1;
    const meta = `${ARROWS[kind]} ${new Date().toLocaleTimeString([], { hour12: false })}`;
    const lines = [...this.data.lines, { id: lastLineId, kind, meta, text, note: note || '' }];
    this.setData({ lines: lines.slice(-MAX_LINES) });
  },

  received(event) {
    if (!event.isBuffer && this.ticker.takeEcho(event.data)) return;
    if (!event.isBuffer) return this.addLine('in', event.data);
    const base64 = toBase64(event.data);
    const text = bytesToUtf8(event.data);
    this.addLine('in', text === undefined ? base64 : text, text === undefined ? 'binary (base64)' : `binary · ${base64}`);
  },

  onUrlInput(event) {
    this.setData({ url: event.detail.value });
  },

  onMessageInput(event) {
    this.setData({ message: event.detail.value });
  },

  connect() {
    const previous = this.data.state;
    this.setState('connecting');
    my.connectSocket({
      url: this.data.url.trim(),
      fail: (result) => {
        this.setState(previous);
        this.addLine('error', `connectSocket failed with ${result.error}: ${result.errorMessage}`);
      },
    });
  },

  send(binary) {
    const text = this.data.message;
    my.sendSocketMessage({
      data: binary ? utf8ToBase64(text) : text,
      isBuffer: binary,
      success: () => this.addLine('out', text, binary ? 'binary' : ''),
      fail: (result) => this.addLine('error', `sendSocketMessage failed with ${result.error}: ${result.errorMessage}`),
    });
  },

  sendText() {
    if (this.data.state === 'open') this.send(false);
  },

  sendBinary() {
    this.send(true);
  },

  closeConnection() {
    my.closeSocket({ fail: (result) => this.addLine('error', `closeSocket failed with ${result.error}: ${result.errorMessage}`) });
  },

  toggleTicker() {
    this.ticker.toggle();
  },
});
