/**
 * A student's credentials folder in the course's layout: ca.crt, kafka.keystore.pkcs12
 * (PKCS12 with AES-256/PBKDF2, which librdkafka on OpenSSL 3, kafkajs and Java all open)
 * and password.txt. Secrets are 0600 in a 0700 folder.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueCertificate, writePkcs12, type CertifiedKey } from '../credentials/pki.js';

export const FOLDER_FILES = { ca: 'ca.crt', keystore: 'kafka.keystore.pkcs12', password: 'password.txt' } as const;

/** True when the folder already holds a keystore (which is never replaced). */
export const hasKeystore = (dir: string) => existsSync(join(dir, FOLDER_FILES.keystore));

/**
 * Issues `CN=<clientId>` signed by the CA and writes the folder. Returns the issued
 * certificate and key (the sandbox keeps PEM copies for its tests).
 *
 * @example
 *   await writeStudentFolder('out/client45', { clientId: 'client45', ca, password });
 */
export async function writeStudentFolder(dir: string, options: { clientId: string; ca: CertifiedKey; password: string; days?: number }): Promise<CertifiedKey> {
  const leaf = issueCertificate({ commonName: options.clientId, ca: options.ca, ...(options.days ? { days: options.days } : {}) });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves the mode of an existing folder alone.
  await chmod(dir, 0o700);
  await writeFile(join(dir, FOLDER_FILES.ca), options.ca.cert, { mode: 0o644 });
  await writeFile(join(dir, FOLDER_FILES.password), `${options.password}\n`, { mode: 0o600 });
  // The keystore last: its presence means the folder is complete.
  const keystore = writePkcs12({ key: leaf.key, cert: leaf.cert, chain: [options.ca.cert], password: options.password, friendlyName: options.clientId });
  await writeFile(join(dir, FOLDER_FILES.keystore), keystore, { mode: 0o600 });
  return leaf;
}
