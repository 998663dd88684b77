/**
 * The course CA an instructor signs with: its certificate and its key (PEM; PKCS#8 or
 * PKCS#1, encrypted or not). The key's password comes from KAFKA_TUTOR_CA_KEY_PASSWORD
 * or a hidden prompt, never from argv (`ps` shows argv to everyone).
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

export const CA_KEY_PASSWORD_ENV = 'KAFKA_TUTOR_CA_KEY_PASSWORD';

export interface CourseCa {
  /** PEM, as handed to students in ca.crt. */
  cert: string;
  /** PKCS#8 PEM, unencrypted, in memory only: never written anywhere. */
  key: string;
  notAfter: Date;
}

async function readPem(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`The file ${path} given with ${flag} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { fix: `Check the path, e.g. ls -l ${path}`, code: 'class-ca', exitCode: 2 });
  }
}

const isEncrypted = (pem: string) => pem.includes('ENCRYPTED PRIVATE KEY') || pem.includes('Proc-Type: 4,ENCRYPTED');

function openKey(pem: string, path: string, passphrase: string | undefined): KeyObject {
  try {
    return createPrivateKey({ key: pem, ...(passphrase === undefined ? {} : { passphrase }) });
  } catch {
    if (passphrase !== undefined) throw new UserError(`The password for the CA key ${path} is wrong.`, { fix: `Set ${CA_KEY_PASSWORD_ENV} to the right password, or unset it to be asked.`, code: 'class-ca-password', exitCode: 2 });
    throw new UserError(`The file ${path} given with --ca-key is not a PEM private key.`, { fix: 'Give the CA\'s private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).', code: 'class-ca', exitCode: 2 });
  }
}

/**
 * Opens the course CA and checks that the key belongs to the certificate.
 *
 * @example
 *   const ca = await loadCourseCa('ca.crt', 'ca.key', { ask: askPasswordPrompt() });
 */
export async function loadCourseCa(certPath: string, keyPath: string, options: { env?: NodeJS.ProcessEnv; ask?: ((path: string) => Promise<string>) | undefined } = {}): Promise<CourseCa> {
  const cert = await readPem(certPath, '--ca-cert');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new UserError(`The file ${certPath} given with --ca-cert is not a certificate.`, { fix: 'Give the course CA\'s certificate in PEM (-----BEGIN CERTIFICATE-----).', code: 'class-ca', exitCode: 2 });
  }
  if (!x509.ca) throw new UserError(`The certificate ${certPath} is not a CA certificate, so it cannot sign students' certificates.`, { fix: 'Give the course CA\'s certificate with --ca-cert.', code: 'class-ca', exitCode: 2 });
  const pem = await readPem(keyPath, '--ca-key');
  let passphrase: string | undefined;
  if (isEncrypted(pem)) {
    passphrase = (options.env ?? process.env)[CA_KEY_PASSWORD_ENV];
    if (!passphrase && options.ask) passphrase = await options.ask(keyPath);
    if (!passphrase) throw new UserError(`The CA key ${keyPath} is encrypted, and no password was given.`, { fix: `export ${CA_KEY_PASSWORD_ENV}=… (or run in a terminal to be asked)`, code: 'class-ca-password', exitCode: 2 });
  }
  const key = openKey(pem, keyPath, passphrase);
  if (!x509.checkPrivateKey(key)) throw new UserError(`The key ${keyPath} does not belong to the CA certificate ${certPath}.`, { fix: 'Give the key and certificate of the same CA.', code: 'class-ca', exitCode: 2 });
  const notAfter = new Date(x509.validTo);
  if (notAfter < new Date()) throw new UserError(`The CA certificate ${certPath} expired on ${notAfter.toISOString().slice(0, 10)}.`, { fix: 'Renew the course CA first.', code: 'class-ca', exitCode: 2 });
  return { cert: cert.replace(/\r\n/g, '\n'), key: key.export({ type: 'pkcs8', format: 'pem' }).toString(), notAfter };
}
