/**
 * The sandbox's own PKI: a CA, the brokers' certificate (CN=broker, SAN localhost and
 * 127.0.0.1 only) in a PKCS12 keystore, and kafka-tutor's admin identity as PEM.
 * Made once per sandbox folder; `reset` throws them away.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createCa, issueCertificate, randomPassword, writePkcs12 } from '../credentials/pki.js';
import { ADMIN_CN, BROKER_CN } from './broker-config.js';
import type { SandboxPaths } from './paths.js';

/**
 * Creates the sandbox PKI when missing and returns the brokers' keystore password.
 *
 * @example
 *   const keystorePassword = await ensureSandboxPki(sandboxPaths());
 */
export async function ensureSandboxPki(paths: SandboxPaths): Promise<string> {
  if (existsSync(paths.brokerPassword) && existsSync(paths.brokerKeystore) && existsSync(paths.adminKey)) {
    return (await readFile(paths.brokerPassword, 'utf8')).trim();
  }
  await mkdir(paths.pki, { recursive: true, mode: 0o700 });
  const ca = createCa({ commonName: 'kafka-tutor sandbox CA' });
  const broker = issueCertificate({ commonName: BROKER_CN, ca, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  const admin = issueCertificate({ commonName: ADMIN_CN, ca });
  const password = randomPassword();
  const keystore = writePkcs12({ key: broker.key, cert: broker.cert, chain: [ca.cert], password, friendlyName: BROKER_CN });
  await writeFile(paths.caCert, ca.cert);
  await writeFile(paths.caKey, ca.key, { mode: 0o600 });
  await writeFile(paths.brokerKeystore, keystore, { mode: 0o600 });
  await writeFile(paths.adminCert, admin.cert);
  await writeFile(paths.adminKey, admin.key, { mode: 0o600 });
  // Written last: its presence means the whole set is complete.
  await writeFile(paths.brokerPassword, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The sandbox CA (certificate and key), to sign students' certificates. */
export async function readSandboxCa(paths: SandboxPaths): Promise<{ cert: string; key: string }> {
  const [cert, key] = await Promise.all([readFile(paths.caCert, 'utf8'), readFile(paths.caKey, 'utf8')]);
  return { cert, key };
}
