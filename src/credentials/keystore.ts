import { X509Certificate, createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { commonNameOf } from './certificate.js';
import { failureError } from './failures.js';
import { forge } from './forge.js';
import { fileVars, readCredentialFile, type ReadContext } from './read.js';
import { sniffFile } from './sniff.js';

/** What a PKCS12 keystore holds, as PEM text a TLS library can use. */
export interface LoadedKeystore {
  keyPem: string;
  certPem: string;
  /** The other certificates in the file (usually the CA), as PEM. */
  caChainPems: string[];
  /** The CN of the certificate: the student's client id. */
  commonName: string | undefined;
  notBefore: Date;
  notAfter: Date;
  /** The issuer's distinguished name, e.g. 'CN=course CA'. */
  issuer: string;
  /** True when Node's own OpenSSL 3 refuses the file (RC2/3DES encryption). */
  legacy: boolean;
  /** The encryption algorithms named in the file, e.g. ['RC2-40', '3DES']. */
  algorithms: string[];
  keyCount: number;
  certCount: number;
  /** False when no private key in the file belongs to the certificate. */
  keyMatchesCert: boolean;
  certificate: X509Certificate;
}

// The PBE schemes a PKCS12 file names in clear text, before anything is decrypted.
const ALGORITHMS: [string, string][] = [
  ['1.2.840.113549.1.12.1.6', 'RC2-40'],
  ['1.2.840.113549.1.12.1.5', 'RC2-128'],
  ['1.2.840.113549.1.12.1.3', '3DES'],
  ['1.2.840.113549.1.5.13', 'PBES2/AES'],
];

function findAlgorithms(bytes: Buffer): string[] {
  return ALGORITHMS.filter(([oid]) => bytes.includes(Buffer.from(forge.asn1.oidToDer(oid).getBytes(), 'latin1'))).map(([, name]) => name);
}

function refusedByNode(bytes: Buffer, password: string): boolean {
  try {
    createSecureContext({ pfx: bytes, passphrase: password });
    return false;
  } catch (error) {
    return /unsupported/i.test((error as Error).message);
  }
}

type Asn1 = import('node-forge').asn1.Asn1;
type Pfx = import('node-forge').pkcs12.Pkcs12Pfx;

function toDer(node: Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'latin1');
}

type Bag = import('node-forge').pkcs12.Bag & { asn1?: Asn1 };

function bagsOf(p12: Pfx, type: string): Bag[] {
  return (p12.getBags({ bagType: type })[type] ?? []) as Bag[];
}

function keyOf(bag: Bag): KeyObject {
  // forge decodes RSA keys only; any other key type arrives as its raw PrivateKeyInfo.
  const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : (bag.asn1 as Asn1);
  return createPrivateKey({ key: toDer(info), format: 'der', type: 'pkcs8' });
}

function certificateOf(bag: Bag): X509Certificate {
  // certificateToAsn1 reuses the parsed to-be-signed bytes, so the signature stays valid.
  return new X509Certificate(toDer(bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag.asn1 as Asn1)));
}

/** True when `password` decrypts a shrouded key bag of the file: then a failed MAC means damage, not the password. */
function passwordOpensKey(pfx: Asn1, password: string): boolean {
  try {
    const octets = (((pfx.value as Asn1[])[1] as Asn1).value as Asn1[])[1] as Asn1;
    const authSafe = forge.asn1.fromDer((octets.value as Asn1[])[0]?.value as string);
    for (const info of authSafe.value as Asn1[]) {
      const [type, content] = info.value as Asn1[];
      if (forge.asn1.derToOid(type?.value as string) !== forge.pki.oids.data) continue;
      const bags = forge.asn1.fromDer(((content?.value as Asn1[])[0] as Asn1).value as string);
      for (const bag of bags.value as Asn1[]) {
        const [bagId, bagValue] = bag.value as Asn1[];
        if (forge.asn1.derToOid(bagId?.value as string) !== forge.pki.oids.pkcs8ShroudedKeyBag) continue;
        const info = forge.pki.decryptPrivateKeyInfo((bagValue?.value as Asn1[])[0] as Asn1, password);
        if (info !== null) return true;
      }
    }
  } catch {
    // unreadable structure or undecryptable key: no proof that the password is right
  }
  return false;
}

function openPfx(bytes: Buffer, password: string, vars: Record<string, string | number>): Pfx {
  let asn1: Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('latin1')));
  } catch {
    throw failureError('file-truncated', vars);
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    // A failed MAC means a wrong password, unless that password still decrypts the key: then the file was damaged.
    if (/MAC could not be verified|wrong password/i.test((error as Error).message) && !passwordOpensKey(asn1, password)) throw failureError('keystore-wrong-password', vars);
    throw failureError('keystore-corrupt', vars);
  }
}

/**
 * Keystores this process opened, by a hash of the file's bytes and password: `check`'s
 * doctor and its client open the same file, and decrypting it is the costliest step.
 */
const opened = new Map<string, LoadedKeystore>();

/**
 * Opens a PKCS12 keystore in-process with node-forge, including legacy files
 * (RC2/3DES) that Node's OpenSSL 3 refuses. A wrong password and a damaged
 * file are different failures: `keystore-wrong-password` vs `keystore-corrupt`.
 *
 * @example
 *   const keystore = await loadKeystore('auth/kafka.keystore.pkcs12', 'cc2023');
 *   keystore.commonName // 'client45'
 */
export async function loadKeystore(path: string, password: string | { reveal(): string }, context: ReadContext & { passwordSource?: string } = {}): Promise<LoadedKeystore> {
  const secret = typeof password === 'string' ? password : password.reveal();
  const bytes = await readCredentialFile(path, context);
  const vars = { ...fileVars(path, context), keystorePath: fileVars(path, context).file as string, size: bytes.length, source: context.passwordSource ?? 'your settings' };
  const kind = sniffFile(bytes);
  if (kind.kind === 'empty') throw failureError('file-empty', vars);
  if (kind.kind === 'truncated') throw failureError('file-truncated', vars);
  if (kind.kind === 'pem-certificates' || kind.kind === 'der-certificate') throw failureError('keystore-is-certificate', vars);
  if (kind.kind !== 'pkcs12') throw failureError('keystore-corrupt', vars);
  const known = createHash('sha256').update(bytes).update('\0').update(secret).digest('hex');
  const cached = opened.get(known);
  if (cached) return { ...cached };

  const p12 = openPfx(bytes, secret, vars);
  const keys = [...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag as string), ...bagsOf(p12, forge.pki.oids.keyBag as string)].map(keyOf);
  const certs = bagsOf(p12, forge.pki.oids.certBag as string).map(certificateOf);
  if (keys.length === 0) throw failureError('keystore-no-key', vars);
  if (certs.length === 0) throw failureError('keystore-no-cert', vars);

  const pair = keys.flatMap((key) => certs.filter((cert) => cert.checkPrivateKey(key)).map((cert) => ({ key, cert })))[0];
  const certificate = pair?.cert ?? certs.find((cert) => !cert.ca) ?? (certs[0] as X509Certificate);
  const key = pair?.key ?? (keys[0] as KeyObject);
  const algorithms = findAlgorithms(bytes);
  const loaded: LoadedKeystore = {
    keyPem: key.export({ type: 'pkcs8', format: 'pem' }) as string,
    certPem: certificate.toString(),
    caChainPems: certs.filter((cert) => cert !== certificate).map((cert) => cert.toString()),
    commonName: commonNameOf(certificate),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    issuer: certificate.issuer.replaceAll('\n', ', '),
    // Asking OpenSSL costs a second decryption: a file that names PBES2 alone is one it opens.
    legacy: algorithms.length === 1 && algorithms[0] === 'PBES2/AES' ? false : refusedByNode(bytes, secret),
    algorithms,
    keyCount: keys.length,
    certCount: certs.length,
    keyMatchesCert: pair !== undefined,
    certificate,
  };
  opened.set(known, loaded);
  return { ...loaded };
}
