/**
 * A local HTTPS server that answers for real marketplace host names (Chromium maps them to it
 * with --host-resolver-rules, Firefox reaches it through connect-proxy.ts), for tests that need
 * what request interception cannot give: real redirects and responses that webRequest sees.
 * Its certificate is made on the spot (and its files removed at once).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalHttps {
  port: number;
  /** Chromium flags that send `hosts` to this server and accept its certificate. */
  chromiumArgs(hosts: string[]): string[];
  close(): Promise<void>;
}

export async function startHttps(handler: Handler): Promise<LocalHttps> {
  const dir = mkdtempSync(join(tmpdir(), 'shutout-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  let tls: { key: Buffer; cert: Buffer };
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=shutout-test'], { stdio: 'ignore' });
    tls = { key: readFileSync(key), cert: readFileSync(cert) };
  } catch {
    throw new Error('openssl is needed to make a test certificate (apt-get install -y openssl)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = createServer(tls, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    chromiumArgs: (hosts) => [
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
      '--ignore-certificate-errors',
    ],
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive connections of a browser that is gone would hold close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
