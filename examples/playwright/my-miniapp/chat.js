/* global my */
// A small chat on `my`: connects to the server the page is given (`?server=`), or, inside Mini Socket
// DevTools, to its lab's echo endpoint; shows every socket event; understands a `{"type":"push"}` frame.
const logList = document.getElementById('log');
const log = (text) => {
  const item = document.createElement('li');
  item.textContent = text;
  logList.append(item);
};

function serverUrl() {
  const given = new URLSearchParams(location.search).get('server');
  if (given) return given;
  const echo = (window.__MSD_LAB__?.endpoints ?? []).find((endpoint) => endpoint.name === 'echo');
  return echo ? echo.url : 'ws://127.0.0.1:8080/';
}

my.onSocketOpen(() => log('open'));
my.onSocketMessage((res) => {
  let message;
  try {
    message = JSON.parse(res.data);
  } catch {
    message = undefined;
  }
  log(message?.type === 'push' ? 'push from the server' : `message: ${res.data}`);
});
my.onSocketError((res) => log(`error ${res.error}: ${res.errorMessage}`));
my.onSocketClose((res) => log(`closed ${res.code} ${res.reason}`));

document.getElementById('connect').addEventListener('click', () => my.connectSocket({ url: serverUrl() }));
document.getElementById('send').addEventListener('click', () => my.sendSocketMessage({ data: 'hello' }));
document.getElementById('close').addEventListener('click', () => my.closeSocket());
