// mqtt-packet reads the global `Buffer` (Node's) when its modules load. Pages have none, so the panel gets the
// `buffer` package's implementation of the same API first (docs/architecture.md#decoder-libraries); Node keeps its own.
import { Buffer as BufferPolyfill } from 'buffer/index.js';

const scope = globalThis as { Buffer?: unknown };
if (scope.Buffer === undefined) scope.Buffer = BufferPolyfill;
