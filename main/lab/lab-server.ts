// The embedded lab: a loopback HTTP server whose paths each reproduce one socket condition, a TLS twin
// with a fresh self-signed certificate (error 7), and a port that refuses connections (error 1).
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { LabEndpoint } from '../../shared/panel-wire';
import { loopbackRefusal, SECURITY_HEADERS } from '../core/loopback-request';
import type { RefusedRequestReporter } from '../core/rejected-request-warnings';
import { parseRequestTarget, refusalResponse } from '../core/request-target';
import type { LabRoute, RouteContext } from './lab-routes';
import { LAB_ROUTES } from './lab-routes';
import { makeSelfSignedCertificate } from './tls-certificate';
import { createTokenDesk, TOKEN_PATH } from './lab-token';

/** Where the lab listens; only loopback is ever used. */
export interface LabServerOptions {
  /** Port of the plain server (default: ephemeral). The TLS server always takes an ephemeral port. */
  port?: number;
  host?: '127.0.0.1';
  /** Hears of each request refused for its Host or Origin (the host logs a rate-limited warning). */
  reportRefused?: RefusedRequestReporter;
}

/** A running lab: its endpoints (shown in the panel) and how to stop it. */
export interface LabServer {
  endpoints: LabEndpoint[];
  /** URL of a named endpoint; throws for unknown names. */
  url(name: string): string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A port nobody listens on: bound to learn a free number, then released. */
function reserveRefusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the lab on 127.0.0.1; every endpoint is listed in `endpoints` with the code it reproduces. */
export async function startLabServer(options: LabServerOptions = {}): Promise<LabServer> {
  const certificate = await makeSelfSignedCertificate();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
  const sockets = new Set<Duplex>();
  const timers = new Set<NodeJS.Timeout>();
  const context: RouteContext = {
    wss,
    later(ms, action) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        action();
      }, ms);
      timers.add(timer);
    },
  };
  const tokens = createTokenDesk(LAB_ROUTES.find((route) => route.name === 'echo') as LabRoute);
  const allRoutes = [...LAB_ROUTES, tokens.chatRoute];
  const routes = new Map<string, LabRoute>(allRoutes.map((route) => [route.path, route]));
  let endpoints: LabEndpoint[] = [];

  /** Whether a DNS-rebound Host or a foreign page's Origin refuses `request`, reported when it does. */
  function refusedForeign(request: IncomingMessage): boolean {
    const refusal = loopbackRefusal(request);
    if (refusal !== undefined) options.reportRefused?.('lab server', request, refusal);
    return refusal !== undefined;
  }

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // Like the other servers: a DNS-rebound Host or a foreign page's Origin is refused (docs/architecture.md#threat-model).
    if (refusedForeign(request)) return void socket.end(refusalResponse(403, 'Forbidden'));
    const url = parseRequestTarget(request.url, `http://${HOST}`);
    if (url === undefined) return void socket.end(refusalResponse(400, 'Bad Request'));
    const route = routes.get(url.pathname);
    if (!route) return void socket.end(refusalResponse(404, 'Not Found'));
    route.handle(request, socket, head, url.searchParams, context);
  }

  function onRequest(request: IncomingMessage, response: ServerResponse): void {
    if (refusedForeign(request)) {
      response.writeHead(403, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      response.end('Forbidden');
      return;
    }
    if (tokens.answer(request, response, parseRequestTarget(request.url, `http://${HOST}`)?.pathname ?? '')) return;
    response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(endpoints, null, 2));
  }

  const plain = createHttpServer(onRequest);
  const tls = createHttpsServer({ key: certificate.key, cert: certificate.cert }, onRequest);
  plain.on('upgrade', onUpgrade);
  tls.on('upgrade', onUpgrade);
  const plainPort = await listen(plain, options.port ?? 0);
  const tlsPort = await listen(tls, 0);
  const refusedPort = await reserveRefusedPort();

  const base = `ws://${HOST}:${plainPort}`;
  endpoints = [
    ...allRoutes.map((route) => ({
      name: route.name,
      url: `${base}${route.path}${route.query ? `?${route.query}` : ''}`,
      ...(route.reproduces !== undefined ? { reproduces: route.reproduces } : {}),
      description: route.description,
    })),
    {
      name: 'wss-echo',
      url: `wss://${HOST}:${tlsPort}/echo`,
      reproduces: 7,
      description: 'Echo over TLS with a self-signed certificate made at start-up: error 7 unless certificate errors are ignored.',
    },
    {
      name: 'token',
      url: `http://${HOST}:${plainPort}${TOKEN_PATH}`,
      description: 'HTTP login for my.request: POST (or GET) answers {"token","expiresIn"}; the chat endpoint opens only with such a token.',
    },
    {
      name: 'refused',
      url: `ws://${HOST}:${refusedPort}/`,
      reproduces: 1,
      description: 'A port nobody listens on: the connection is refused (error 1, ECONNREFUSED).',
    },
  ];
  let closing: Promise<void> | undefined;

  return {
    endpoints: endpoints.map((endpoint) => ({ ...endpoint })),
    url(name) {
      const endpoint = endpoints.find((candidate) => candidate.name === name);
      if (!endpoint) throw new Error(`unknown lab endpoint "${name}"`);
      return endpoint.url;
    },
    close() {
      closing ??= (async () => {
        timers.forEach((timer) => clearTimeout(timer));
        timers.clear();
        wss.clients.forEach((client) => client.terminate());
        sockets.forEach((socket) => socket.destroy());
        await Promise.all([closeServer(plain), closeServer(tls)]);
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      })();
      return closing;
    },
  };
}
