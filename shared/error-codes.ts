// The twelve error codes of the seed document (Alipay's my.connectSocket page): the canonical numbering
// of this project (docs/behaviour.md#a3-twelve-error-codes-as-numbered-by-the-seed). The panel shows `solution` beside every error marker.

export type SocketErrorCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export interface SocketErrorInfo {
  readonly code: SocketErrorCode;
  /** The seed's description: the default `errorMessage`. */
  readonly description: string;
  /** The seed's solution, shown by the panel. */
  readonly solution: string;
  /** What really raises it in this emulator (docs/behaviour.md#error-codes). */
  readonly meaning: string;
}

const table: readonly SocketErrorInfo[] = [
  { code: 1, description: 'An unknown error.', solution: '-', meaning: 'Anything unmapped: refused port, non-101 answer, protocol violation, abrupt drop after open, bad arguments.' },
  { code: 2, description: 'A network connection already exists.', solution: 'An Mini Program can only keep one WebSocket connection for a period of time. If a WebSocket connection already exists when a new one is created, the existing one will be automatically disabled.', meaning: 'Single-mode connectSocket while a connection lives and the policy is "reject".' },
  { code: 3, description: 'The URL parameter is null.', solution: 'Replace the URL link.', meaning: 'url is missing, null, not a string, or empty.' },
  { code: 4, description: 'An unrecognized URL format.', solution: 'Replace the  URL link.', meaning: 'url (after data is appended) does not parse, has whitespace or control characters, or no host.' },
  { code: 5, description: 'The URL must start with WS or WSS.', solution: 'Replace the  URL link.', meaning: 'Scheme is not ws: or wss: (http: and https: included), or strict wss is on and the scheme is ws:.' },
  { code: 6, description: 'Connection timed out.', solution: 'Try again later.', meaning: 'The opening handshake did not finish within the timeout (default 30000 ms).' },
  { code: 7, description: 'The HTTPS certificate returned by the server is invalid.', solution: 'The Mini Program must start a network request using HTTPS/WSS.  When a request is sent, the HTTPS certificate of the server domain name is checked. If the check fails, the request cannot be successfully initiated.  Due to system limitations, different platforms have different requirements for certificates. To ensure the compatibility of Mini Programs,  developers are recommended to configure certificates according to the highest standards and use relevant tools to check existing certificates to ensure that the certificates are valid.', meaning: 'Any TLS failure during connect (self-signed, expired, wrong host, wss to a plain port).' },
  { code: 8, description: 'The protocol header returned by the server is invalid.', solution: 'Starting from May 2019, newly created Mini Programs must use HTTPS and WSS protocols by default and HTTP and WS protocols are not supported.', meaning: 'The 101 response failed validation (bad Sec-WebSocket-Accept, Upgrade or extensions header).' },
  { code: 9, description: 'The Sec-WebSocket-Protocol request header is not specified for the WebSocket request.', solution: 'Please specify the Sec-WebSocket-Protocol request header.', meaning: 'The server chose a subprotocol that was not requested, or none of the requested ones.' },
  { code: 10, description: 'The network is not available and the message cannot be sent.', solution: 'Please call my.sendSocketMessage to send a data message after connecting to the server normally. Use my.onSocketOpen to check if the connection with the server is correct. To send data through a WebSocket connection, you need to use my.connectSocket to start the connection first, and then call my.sendSocketMessage to send data after the my.onSocketOpen callback.', meaning: 'Send while there is no connection or it is not OPEN.' },
  { code: 11, description: 'Failed to send message.', solution: 'Try again later.', meaning: 'The write failed although the socket was OPEN when send was called.' },
  { code: 12, description: 'Unable to request more memory to read network data.', solution: 'Please check the memory.', meaning: 'An incoming message exceeded the configured maximum size.' },
];

export const SOCKET_ERRORS: ReadonlyMap<SocketErrorCode, SocketErrorInfo> = new Map(table.map((e) => [e.code, e]));

export function socketError(code: SocketErrorCode): SocketErrorInfo {
  const info = SOCKET_ERRORS.get(code);
  if (!info) throw new RangeError(`unknown socket error code ${code}`);
  return info;
}

export function isSocketErrorCode(n: unknown): n is SocketErrorCode {
  return typeof n === 'number' && SOCKET_ERRORS.has(n as SocketErrorCode);
}
