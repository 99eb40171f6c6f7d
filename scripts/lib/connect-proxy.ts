/**
 * A proxy for Firefox's tests: HTTPS requests for the chosen host names are tunnelled (CONNECT) to
 * the local test server, everything else is refused, so the browser sees fixtures at their real
 * marketplace URLs and nothing leaves the machine. It listens on a free port, needs no root and
 * no DNS change, and several test runs can have one each at the same time.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConnectProxy {
  port: number;
  /** Host names refused so far (telemetry, update checks…), for debugging a test. */
  refused: Set<string>;
  close(): Promise<void>;
}

export async function startConnectProxy(targetPort: number, allow: (host: string) => boolean): Promise<ConnectProxy> {
  const refused = new Set<string>();
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  };
  const server: Server = createServer((req, res) => {
    // Plain http: nothing in the tests is served without TLS.
    refused.add(req.headers.host ?? '?');
    res.writeHead(403).end();
  });
  server.on('connection', track);
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!allow(host)) {
      refused.add(host);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
