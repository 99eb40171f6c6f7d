/**
 * A local RFC 3161 time-stamping authority for tests: OpenSSL's `ts -reply` behind an HTTP server
 * on 127.0.0.1, with its own test root CA, all in a `shutout-*` temporary folder removed by close().
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { tempDir } from './evidence-bundle-helpers';

export interface LocalTsa {
  url: string;
  dir: string;
  rootPem: string;
  /** A root that did not issue the TSA's certificate. */
  otherRootPem: string;
  requests: number;
  close(): Promise<void>;
}

const openssl = (cwd: string, args: string[]) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

function makeRoot(dir: string, name: string, cn: string): void {
  openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '3650', '-subj', `/CN=${cn}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
}

export async function startTsa(): Promise<LocalTsa> {
  const tmp = tempDir('tsa');
  const dir = tmp.dir;
  try {
    makeRoot(dir, 'ca', 'Shutout Test Root CA');
    makeRoot(dir, 'other', 'Some Other Root CA');
    openssl(dir, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=Shutout Test TSA']);
    writeFileSync(join(dir, 'ext.cnf'), 'extendedKeyUsage=critical,timeStamping\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n');
    openssl(dir, ['x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.pem', '-days', '365', '-extfile', 'ext.cnf']);
    writeFileSync(join(dir, 'tsaserial'), '01\n');
    writeFileSync(
      join(dir, 'ts.cnf'),
      [
        '[ tsa ]',
        'default_tsa = tsa_config1',
        '[ tsa_config1 ]',
        `dir = ${dir}`,
        'serial = $dir/tsaserial',
        'crypto_device = builtin',
        'signer_cert = $dir/tsa.pem',
        'certs = $dir/ca.pem',
        'signer_key = $dir/tsa.key',
        'signer_digest = sha256',
        'default_policy = 1.2.3.4.1',
        'digests = sha256, sha384, sha512',
        'accuracy = secs:1',
        'ordering = yes',
        'tsa_name = yes',
        'ess_cert_id_chain = no',
        'ess_cert_id_alg = sha256',
        '',
      ].join('\n'),
    );
  } catch (e) {
    tmp.remove();
    throw e;
  }
  let n = 0;
  const tsa: LocalTsa = {
    url: '',
    dir,
    rootPem: join(dir, 'ca.pem'),
    otherRootPem: join(dir, 'other.pem'),
    requests: 0,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      tmp.remove();
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      tsa.requests++;
      const q = join(dir, `q${++n}.tsq`);
      const r = join(dir, `r${n}.tsr`);
      try {
        writeFileSync(q, Buffer.concat(chunks));
        openssl(dir, ['ts', '-reply', '-config', join(dir, 'ts.cnf'), '-queryfile', q, '-out', r]);
        res.writeHead(200, { 'content-type': 'application/timestamp-reply', 'access-control-allow-origin': '*' });
        res.end(readFileSync(r));
      } catch (e) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end((e as Error).message);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  return tsa;
}
