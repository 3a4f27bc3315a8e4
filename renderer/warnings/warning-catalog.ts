// Human explanations of the engine's API-misuse warnings: what happened, why it matters on a phone, and
// how to fix it. Keyed by the `detail.warning` id of capture entries of kind 'warning'; every id of
// shared/warning-ids.ts must have an entry (the type says so), so no warning reaches the panel unexplained.
import type { WarningId } from '../../shared/warning-ids';
import { WARNING_IDS } from '../../shared/warning-ids';

export interface WarningExplanation {
  title: string;
  what: string;
  whyOnPhone: string;
  fix: string;
}

const catalog: Readonly<Record<WarningId, WarningExplanation>> = {
  'send-before-open': {
    title: 'Message sent before the socket was open',
    what: 'sendSocketMessage (or task.send) was called while the connection was still connecting, closing or gone. It failed with error 10; nothing was queued.',
    whyOnPhone: 'No Alipay client queues early messages: the message is lost, and on a slow mobile network the handshake takes much longer than on a desk, so this fails far more often on phones.',
    fix: 'Send only after my.onSocketOpen (or task.onOpen) has fired, or keep your own queue and flush it from the open listener.',
  },
  'no-listeners': {
    title: 'Event delivered to no listener',
    what: 'A socket event (open, message, error or close) fired while no listener for it was registered, so the app never saw it.',
    whyOnPhone: 'Events are not sticky: one that fires before you register is lost for good. Registering onSocketOpen late (e.g. after an await, or inside success on a fast network) works by luck on a desk and fails on a phone.',
    fix: 'Register my.onSocketOpen / onSocketMessage / onSocketError / onSocketClose (or the task\'s onOpen etc.) synchronously, right after connectSocket.',
  },
  'listener-pileup': {
    title: 'The same listener is registered several times',
    what: 'An on* registration added a function that was already registered, so every event now calls it more than once.',
    whyOnPhone: 'Global socket listeners survive page changes. Registering in onLoad/onShow without the matching off* call in onUnload/onHide piles up one more copy per visit: duplicated messages, handlers running twice, memory growth.',
    fix: 'Pair every my.onSocketX(fn) with my.offSocketX(fn) when the page goes away, or register once in app.js.',
  },
  'second-single-connect': {
    title: 'Second connectSocket while a connection lives',
    what: 'connectSocket without multiple was called while the single-mode connection was still connecting or open. This session replaced (or rejected) the old connection as its policy says.',
    whyOnPhone: 'Current Alipay clients reject this call (error 3 on newer base libraries, silently ignored on some older ones) instead of replacing the connection, so code that relies on the replacement breaks on phones.',
    fix: 'Call my.closeSocket and wait for onSocketClose before reconnecting, or use connectSocket({ multiple: true }) and manage SocketTasks.',
  },
  'close-code-browser-rejects': {
    title: 'Close code that browsers refuse',
    what: 'closeSocket/task.close used a code other than 1000 or 3000-4999. The emulator sent it because ws accepts it.',
    whyOnPhone: 'Web-based runtimes (and uni-app / Taro H5 builds of the same code) throw on such codes, and servers may treat reserved codes as protocol errors.',
    fix: 'Close with 1000 (normal) or an application code in 3000-4999.',
  },
  'reason-too-long': {
    title: 'Close reason longer than 123 bytes',
    what: 'The close reason is over 123 bytes of UTF-8; the call failed with error 1 and the socket was left as it was.',
    whyOnPhone: 'A close frame can carry at most 123 bytes of reason. Chinese characters take 3 bytes each, so a reason of 42 characters is already too long.',
    fix: 'Shorten the reason (count UTF-8 bytes, not characters), or send details in a message before closing.',
  },
  'invalid-base64': {
    title: 'isBuffer: true with data that is not base64',
    what: 'A send had isBuffer: true but data was not valid base64; the call failed.',
    whyOnPhone: 'With isBuffer the client decodes data as base64 before sending a binary frame; invalid input fails or sends garbage depending on the client version.',
    fix: 'Encode binary with my.arrayBufferToBase64 (standard alphabet, with padding), or drop isBuffer for text.',
  },
  'arraybuffer-sent': {
    title: 'ArrayBuffer passed to send',
    what: 'data was an ArrayBuffer or typed array. The emulator sent it as a binary frame.',
    whyOnPhone: 'Alipay clients before mini-game 10.5.16 accept only strings: the message fails or arrives empty on most phones.',
    fix: 'Send my.arrayBufferToBase64(buffer) with isBuffer: true.',
  },
  'api-unsupported': {
    title: 'A my API the preview does not offer',
    what: 'The app called a my.X that the preview does not implement; the call failed with error 1 "my.X is not available in the preview". One entry per API and page.',
    whyOnPhone: 'On a phone the API may exist and behave differently; the preview cannot tell you how.',
    fix: 'Check the API on a phone, or guard the call with my.canIUse and handle fail.',
  },
  'request-header-dropped': {
    title: 'A my.request header was dropped',
    what: 'headers named a header the client fixes (referer, host, content-length, connection), had an invalid name, or a value that is not a string, number or boolean (null, e.g. a token read from empty storage, an object, an array); it was not sent. The same misuse on every request is one Problems row with its count.',
    whyOnPhone: 'The client sets Referer to its own page address and ignores these headers, so the server never sees them.',
    fix: 'Send the information as another header, a query parameter or in the body.',
  },
  'storage-write-refused': {
    title: 'A storage write was refused by the engine',
    what: 'A storage write reached the engine that breaks the limits (200 KB per key, 10 MB in all); the project file was not changed.',
    whyOnPhone: 'The page checks the same limits first, so this only happens when a page bypasses my.',
    fix: 'Keep each key under 200 KB and the whole storage under 10 MB.',
  },
  'storage-file-unreadable': {
    title: 'The project storage file could not be read',
    what: 'The saved my storage of this project was not valid JSON; it was renamed with a .broken suffix and the project starts with empty storage.',
    whyOnPhone: 'Not applicable: this is the preview\'s own file.',
    fix: 'Inspect or delete the .broken file in the storage folder.',
  },
  'header-dropped': {
    title: 'A handshake header was dropped',
    what: 'connectSocket\'s header named a header the WebSocket handshake owns (host, connection, upgrade, sec-websocket-*) or one the client removes (referer); it was not sent.',
    whyOnPhone: 'The native container rewrites headers the same way: keys are lower-cased, Referer is removed and User-Agent replaced, so the server never sees these values.',
    fix: 'Pass the information some other way (a query parameter through data, or the first message); use protocols for Sec-WebSocket-Protocol.',
  },
  'url-fragment': {
    title: 'URL with a #fragment',
    what: 'The URL contained a #fragment; it was stripped before connecting.',
    whyOnPhone: 'Fragments are never sent to the server, and the native client appends data after the fragment, so query parameters from data end up in the fragment and are lost.',
    fix: 'Remove the #fragment from the socket URL.',
  },
  'close-without-connection': {
    title: 'closeSocket with no connection',
    what: 'closeSocket was called while there was no single-mode connection. It answered success (as Alipay does) and did nothing.',
    whyOnPhone: 'Success here hides a logic error: the connection you meant to close may be a SocketTask, or already gone.',
    fix: 'Track the connection state from onSocketOpen / onSocketClose, or close the SocketTask you created.',
  },
  'close-before-open': {
    title: 'Closed before the socket was open',
    what: 'The connection was closed while the handshake was still running; it was aborted with close code 1006.',
    whyOnPhone: 'Some runtimes ignore a close before open, leaving the socket to open later with nobody expecting it.',
    fix: 'Wait for the open event before closing, or make the open listener check whether the connection is still wanted.',
  },
  'task-limit': {
    title: 'Too many SocketTasks',
    what: 'A connectSocket({ multiple: true }) would have exceeded the live task limit and failed.',
    whyOnPhone: 'Alipay allows 5 live SocketTasks per app; sockets that are never closed count against it until the app restarts.',
    fix: 'Close tasks you no longer need (task.close) and reuse one connection per server.',
  },
  'data-not-object': {
    title: 'connectSocket data is not an object',
    what: 'data was given but is not a plain object, so it was ignored instead of being appended to the URL.',
    whyOnPhone: 'Only object data is turned into query parameters; other values are dropped without an error.',
    fix: 'Pass data as { key: value }, or build the query string into url yourself.',
  },
  'data-percent-encoded': {
    title: 'data was percent-encoded into the URL',
    what: 'Characters of data that are not allowed in a URL (spaces, Chinese characters, ...) were percent-encoded when appended to the URL.',
    whyOnPhone: 'Some Alipay clients append data as it is, without encoding: the same call can fail with error 4 or reach the server with different parameters on a phone.',
    fix: 'Encode values yourself with encodeURIComponent before passing them in data, or build the query string into url.',
  },
  'listener-threw': {
    title: 'A socket listener threw',
    what: 'One of the app\'s socket listeners threw an exception. The other listeners still ran.',
    whyOnPhone: 'On phones the exception ends up in the console only; the message or event it was handling is silently lost for the app.',
    fix: 'Fix the exception shown in the details, or wrap the listener body in try/catch.',
  },
  'isbuffer-missing': {
    title: 'Looks like base64 but isBuffer is missing',
    what: 'A send carried data that looks like base64 without isBuffer, so it went out as a text frame.',
    whyOnPhone: 'The server receives the base64 text, not the bytes you meant to send.',
    fix: 'Add isBuffer: true when data is base64 of binary content.',
  },
  'insecure-ws': {
    title: 'Plain ws:// URL',
    what: 'The connection uses ws:// without TLS.',
    whyOnPhone: 'Mini programs created since May 2019 must use wss://; release builds fail the connect (error 20 on current clients) while the IDE may let it through.',
    fix: 'Serve the socket over wss:// with a certificate valid on phones.',
  },
  'reconnect-storm': {
    title: 'Reconnect storm stopped',
    what: 'connectSocket replaced the single-mode connection again and again within a short time, so the engine refused the call (error 1).',
    whyOnPhone: 'A close listener that reconnects at once, while each connect closes the previous connection, loops forever: on a phone it drains the battery and hammers the server.',
    fix: 'Reconnect only after a delay with backoff, and never from a close event that your own connectSocket caused.',
  },
  'listener-not-function': {
    title: 'A listener that is not a function',
    what: 'An on*/off* call was given something other than a function; it was ignored.',
    whyOnPhone: 'The client ignores it too (or throws on some versions): the handler you meant to register never runs.',
    fix: 'Pass the function itself (my.onSocketMessage(handler)), not its result or an object.',
  },
  'invalid-message': {
    title: 'The client sent a message the engine did not understand',
    what: 'A message from a my client did not match the contract; a call in it was answered with error 1.',
    whyOnPhone: 'Nothing on the phone: this points at a devtools bug or a page tampering with the bridge.',
    fix: 'Reload the mini-app; if it keeps happening, report it with the details shown.',
  },
  'client-send-failed': {
    title: 'The engine could not reach a client',
    what: 'Delivering a result or event to a my client failed (its page is probably gone).',
    whyOnPhone: 'Nothing on the phone: the devtools lost the link to the page.',
    fix: 'Reload the mini-app; its calls resume on a fresh link to the engine.',
  },
  'force-close-invalid': {
    title: 'Force-close with an invalid code or reason',
    what: 'The panel asked to close with a code or reason the protocol refuses; the connection was closed with 1000 instead.',
    whyOnPhone: 'Nothing on the phone: this concerns the devtools controls.',
    fix: 'Use 1000 or 3000-4999 and a reason of at most 123 UTF-8 bytes.',
  },
  'force-close-unknown': {
    title: 'Force-close of a connection that is gone',
    what: 'The panel asked to close a connection that no longer exists.',
    whyOnPhone: 'Nothing on the phone: the connection had already closed.',
    fix: 'Nothing to do: the close you asked for had already happened.',
  },
  'inject-failed': {
    title: 'Injected frame refused or not sent',
    what: 'A frame injected from the panel or a test could not be put on the connection: it is gone, not OPEN yet, the binary payload was not base64, or the write failed.',
    whyOnPhone: 'Nothing on the phone: injection is a devtools feature.',
    fix: 'Inject into an OPEN connection; give binary payloads as base64.',
  },
  'invalid-settings': {
    title: 'Settings change refused',
    what: 'A settings change from the panel was out of range and was not applied.',
    whyOnPhone: 'Nothing on the phone: this concerns the devtools settings.',
    fix: 'Use the values the settings form accepts.',
  },
  'invalid-panel-message': {
    title: 'The panel sent a message the engine refused',
    what: 'A request from this panel did not match the panel contract and was dropped.',
    whyOnPhone: 'Nothing on the phone: this concerns the devtools themselves.',
    fix: 'Reload the panel; if it keeps happening, report it with the details shown.',
  },
  'panel-request-failed': {
    title: 'A panel request failed',
    what: 'The engine could not carry out a request from the panel (shown in the details).',
    whyOnPhone: 'Nothing on the phone: this concerns the devtools themselves.',
    fix: 'Check the message; retry the action.',
  },
  'call-rate-limit': {
    title: 'The mini-app is sending many my.* messages per second',
    what: 'The page sent more socket calls per second than the devtools take in at once (the details give the rate). Nothing failed: the devtools paused reading the page\'s bridge until they caught up, so later calls waited, in order, in the page.',
    whyOnPhone: 'A loop that calls sendSocketMessage or connectSocket this fast freezes a phone\'s JS thread and drains its battery; the client gives no such guard.',
    fix: 'Look for a send or connect inside a loop or a timer without a stop condition; batch messages or throttle the sender.',
  },
  'call-rate-limit-end': {
    title: 'The my.* message rate is back under the limit',
    what: 'The burst ended; the details count how many messages waited and how long reading was paused in all. None of them failed.',
    whyOnPhone: 'On a phone such a burst makes every later call wait too; the delay is what the app would see.',
    fix: 'See the notice that started the burst.',
  },
  'app-json-invalid': {
    title: "The mini-app's app.json could not be used",
    what: 'The app.json next to the mini-app\'s entry page is not valid JSON, could not be read, or gives behavior.connectSocketDefaultMultiple (not a boolean) or networkTimeout.connectSocket (not a positive number) the wrong type. The devtools ignored the whole file: multiple defaults to false and connects use the session\'s connect timeout.',
    whyOnPhone: 'The Alipay build refuses a malformed app.json, and a wrongly typed setting is not applied, so the app would not run with the socket settings you meant.',
    fix: 'Fix the JSON (the warning names the problem), make connectSocketDefaultMultiple true or false and connectSocket a number of milliseconds, then restart the devtools.',
  },
  'request-rejected': {
    title: 'A malformed request reached one of the devtools\' ports',
    what: 'Something on this machine sent a request whose target does not parse (e.g. `//[` or a bad %-escape) to the panel, mini-app, lab or replay server. It was answered 400 and nothing else happened; at most one such warning is logged per second, the detail counts the others.',
    whyOnPhone: 'Not a phone behaviour: this is the devtools defending itself. A mini-app connecting to the devtools\' own ports with a broken URL, or another program or web page probing loopback ports, causes it.',
    fix: 'If your mini-app caused it, check the URL it passes to my.connectSocket. Otherwise find the local program probing the port; the devtools kept running.',
  },
  'miniprogram-problem': {
    title: 'The mini-program project has an error',
    what: 'An AXML, ACSS, SJS, JSON or JS file did not compile, or the project\'s code threw at run time (also what App.onError received). The message starts with the file and line; the phone shows the same problem in its red list.',
    whyOnPhone: 'The Alipay IDE refuses to build a project with compile errors, and an uncaught error on a phone stops the handler that threw: the page renders stale data or nothing at all.',
    fix: 'Open the file at the line named, fix it and reload the mini-app (the preview recompiles changed files). For run-time errors, the stack in the details shows the calls that led there.',
  },
  'preferences-unsaved': {
    title: 'The panel\'s preferences could not be saved',
    what: 'Writing the preferences file (layout, columns, filters, session settings) in the app data folder failed; the detail says why. The panel keeps working with the current layout; the next change tries again.',
    whyOnPhone: 'Not a phone behaviour: this is the devtools\' own file.',
    fix: 'Check that the app data folder (or the folder given with --prefs-file) is writable and the disk is not full.',
  },
  'preferences-unreadable': {
    title: 'The saved preferences could not be read',
    what: 'The preferences file was unreadable or not valid; the panel started with the default layout. An invalid file was kept beside it as `.broken` so nothing is lost.',
    whyOnPhone: 'Not a phone behaviour: this is the devtools\' own file.',
    fix: 'Nothing to do: the next change saves a fresh file. Look at the `.broken` copy if you edited the file by hand.',
  },
  'sessions-storage': {
    title: 'Saved sessions: something happened to the sessions on disk',
    what: 'Every run is saved in full as a session on disk. This warning says what the sessions folder needed: the disk cap was reached and the oldest session was deleted, a session that ended in a crash was recovered (it keeps what was saved until then, and is listed as "recovered"), or the disk refused writes (past 64 MiB waiting, the session stops there; the capture in memory goes on), or the thread that writes the session stopped (the session ends with what reached the disk, is listed as "recovered", and the capture in memory goes on).',
    whyOnPhone: 'Not a phone behaviour: this is about the devtools\' own storage.',
    fix: 'Free disk space, raise the cap (--sessions-cap <MiB>) or delete sessions you no longer need in Saved sessions; download a session as HAR or JSONL to keep it elsewhere.',
  },
  'capture-memory-bound': {
    title: 'The live capture reached its memory bound',
    what: 'The entries held in memory passed the byte bound in the details (--capture-bytes): the oldest leave the live log, counted as dropped. The saved session on disk keeps every entry.',
    whyOnPhone: 'Not a phone behaviour: this keeps the devtools alive under a flood of large messages.',
    fix: 'Open the saved session for the full record, or raise the bound with --capture-bytes.',
  },
  'client-bound': {
    title: 'The mini-app reached one of the devtools\' bounds',
    what: 'The page went past a bound the details name (listeners per page, socket tasks per page, bridge connections per page, or bytes buffered for a slow page) with the number it reached. What went past the bound is refused or held as the details say; the devtools kept running.',
    whyOnPhone: 'A phone runs out of memory long before a page holds this many listeners or buffered messages; a page that gets here leaks.',
    fix: 'Look for a listener added in a loop without an off*, tasks never closed, or a page that keeps reloading its bridge.',
  },
  'miniapp-blocked': {
    title: 'The mini-app tried to leave its sandbox',
    what: 'The mini-app view asked for something the devtools refuse: a permission, a download, or a request that does not go through my. The request was blocked; the log entry names it.',
    whyOnPhone: 'On a phone a mini-app only has the my API: its own WebSocket, fetch or XMLHttpRequest, popups and foreign pages do not exist there either, so code that relies on them will not work.',
    fix: 'Do networking through my.connectSocket (and the other my APIs), and ask for no browser permission or download.',
  },
  'resend-failed': {
    title: 'Resend refused or not sent',
    what: "A frame resent from the log's row menu could not go out on the app's connection: the connection is gone or not OPEN, the entry is not a sent text or binary frame, its payload was kept cut, or the write failed.",
    whyOnPhone: 'Nothing on the phone: resending is a devtools feature.',
    fix: 'Resend a sent frame while its connection is OPEN.',
  },
  'foreign-host-refused': {
    title: 'The lab or replay server refused a request for a foreign Host',
    what: 'A request reached the lab or replay server naming a Host other than 127.0.0.1, localhost or [::1] (the detail names it). It was answered 403; at most one such warning is logged per second, the detail counts the others.',
    whyOnPhone: 'Not a phone behaviour: this is the devtools defending itself. A web page that points its own domain at 127.0.0.1 (DNS rebinding) sends such requests to reach loopback servers.',
    fix: 'Connect to the lab and replay endpoints by the URLs the panel shows (127.0.0.1). If you did not, find the page or program sending them; the devtools kept running.',
  },
  'foreign-origin-refused': {
    title: 'A web page tried to reach the lab or replay server',
    what: 'A request with the Origin of a non-loopback web page (the detail names it) reached the lab or replay server and was answered 403; at most one such warning is logged per second, the detail counts the others.',
    whyOnPhone: 'Not a phone behaviour: this is the devtools defending itself. Pages open in your browser can send WebSockets and requests to any loopback port; only the devtools\' own pages may use these servers.',
    fix: 'Nothing to fix in your mini-app. If it repeats, close the page named in the detail; the devtools kept running.',
  },
  'payment-not-emulated': {
    title: 'my.tradePay answered without a payment',
    what: 'The app called my.tradePay; the preview made no payment and answered the resultCode chosen in the session settings (default 6001, the user cancelled).',
    whyOnPhone: 'On a phone the cashier opens and the real result depends on the user and the order; even 9000 is to be confirmed by your server (trade query or notify).',
    fix: 'Pick the resultCode to test in Session settings; test real payments on a phone with a sandbox account.',
  },
  'remote-resource-refused': {
    title: 'The preview refused a remote font, image or file',
    what: 'The project\'s ACSS or AXML names a resource on another origin (an icon font from a CDN, a `background: url(https://…)`). The preview loads only the project\'s files, data: and blob: URLs, so the browser refused it: the icon or background is missing. One row per kind and origin; the message names the ACSS file where it is known.',
    whyOnPhone: 'A phone loads it from the network (when the domain is allowed for the app), so the page looks different there.',
    fix: 'Put the file in the project and name it by a project path, or inline it as a data: URL. The preview never reaches the network for it.',
  },
};

/** The explanation of a warning id; unknown ids get a generic one that still shows the engine's message. */
export function explainWarning(id: string): WarningExplanation {
  return (
    (isWarningId(id) ? catalog[id] : undefined) ?? {
      title: id,
      what: 'The engine flagged this use of the socket API.',
      whyOnPhone: 'It may behave differently on phones than in the devtools.',
      fix: 'See the entry details in the log.',
    }
  );
}

function isWarningId(id: string): id is WarningId {
  return (WARNING_IDS as readonly string[]).includes(id);
}

/** Every warning id with a written explanation. */
export const KNOWN_WARNING_IDS: readonly string[] = Object.keys(catalog);
