/**
 * Credentials folders for tests, generated fresh in a temp dir: a CA, a
 * student's key and certificate, a PKCS12 keystore and password.txt, plus the
 * odd keystores real students end up with (no key, two keys).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCa, issueCertificate, writePkcs12, type CertifiedKey } from '../../../src/credentials/pki.js';
import { forge } from '../../../src/credentials/forge.js';

export const PASSWORD = 'cc2023-test';

export interface Credentials {
  dir: string;
  ca: CertifiedKey;
  leaf: CertifiedKey;
  caPath: string;
  keystorePath: string;
}

let sharedCa: CertifiedKey | undefined;
/** One CA for the whole test file: keys are cheap but not free. */
export function testCa(): CertifiedKey {
  sharedCa ??= createCa({ commonName: 'Test course CA' });
  return sharedCa;
}

/** A fresh temp folder (the student's "working directory"). */
export function tempDir(prefix = 'kt-cred-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Writes a credentials folder in the course's layout into `dir`.
 *
 * @example
 *   const creds = writeCredentials(join(tempDir(), 'auth'), { commonName: 'client45' });
 */
export function writeCredentials(
  dir: string,
  options: { commonName?: string; ca?: CertifiedKey; leaf?: CertifiedKey; legacy?: boolean; passwordFile?: boolean; keystore?: Buffer } = {},
): Credentials {
  mkdirSync(dir, { recursive: true });
  const ca = options.ca ?? testCa();
  const leaf = options.leaf ?? issueCertificate({ commonName: options.commonName ?? 'client45', ca });
  const caPath = join(dir, 'ca.crt');
  const keystorePath = join(dir, 'kafka.keystore.pkcs12');
  writeFileSync(caPath, ca.cert.replaceAll('\r\n', '\n'));
  writeFileSync(keystorePath, options.keystore ?? writePkcs12({ key: leaf.key, cert: leaf.cert, chain: [ca.cert], password: PASSWORD, legacy: options.legacy ?? false }), { mode: 0o600 });
  if (options.passwordFile !== false) writeFileSync(join(dir, 'password.txt'), `${PASSWORD}\n`, { mode: 0o600 });
  return { dir, ca, leaf, caPath, keystorePath };
}

type Asn1 = import('node-forge').asn1.Asn1;

/** The SafeContents ContentInfos inside a PFX built by forge. */
function contentInfosOf(pfx: Asn1): Asn1[] {
  const authSafe = (pfx.value as Asn1[])[1] as Asn1;
  const octets = ((authSafe.value as Asn1[])[1] as Asn1).value as Asn1[];
  const der = (octets[0] as Asn1).value as string;
  return forge.asn1.fromDer(der).value as Asn1[];
}

/**
 * A PKCS12 file with any number of keys and certificates (no MAC), as some
 * export tools produce: for the "no key" and "several keys" mistakes.
 *
 * @example
 *   pkcs12With({ keys: [a.key, b.key], certs: [a.cert], password: PASSWORD })
 */
export function pkcs12With(options: { keys: string[]; certs: string[]; password: string }): Buffer {
  const { asn1, pkcs12, pki } = forge;
  const parts = [
    pkcs12.toPkcs12Asn1(null, options.certs.map((c) => pki.certificateFromPem(c)), options.password, { algorithm: '3des', useMac: false, generateLocalKeyId: false }),
    ...options.keys.map((k) => pkcs12.toPkcs12Asn1(pki.privateKeyFromPem(k), [], options.password, { algorithm: '3des', useMac: false, generateLocalKeyId: false })),
  ];
  const first = parts[0] as Asn1;
  const all = parts.flatMap(contentInfosOf);
  const safe = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, all);
  const authSafe = (first.value as Asn1[])[1] as Asn1;
  ((authSafe.value as Asn1[])[1] as Asn1).value = [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, asn1.toDer(safe).getBytes())];
  return Buffer.from(asn1.toDer(first).getBytes(), 'binary');
}
