// A self-signed certificate for the lab's wss endpoint, made fresh at start-up: clients that check
// certificates (phones, and the engine by default) refuse it, which reproduces error 7.
import { generate } from 'selfsigned';

/** PEM key and certificate for the TLS server. */
export interface LabCertificate {
  key: string;
  cert: string;
}

/** A one-day EC certificate for 127.0.0.1 / localhost. */
export async function makeSelfSignedCertificate(): Promise<LabCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: 'mini-socket-devtools lab' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }],
  });
  return { key: pems.private, cert: pems.cert };
}
