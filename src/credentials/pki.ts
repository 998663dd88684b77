/**
 * Certificates for the sandbox and for test fixtures: a CA, leaf certificates
 * signed by it (or self-signed), and PKCS12 keystores in modern or legacy form.
 *
 * Keys come from Node's native RSA generator (node-forge's JavaScript one takes
 * seconds per key); node-forge builds and signs the certificates.
 *
 * @example
 *   const ca = createCa({ commonName: 'kafka-tutor sandbox CA' });
 *   const leaf = issueCertificate({ commonName: 'client1', ca });
 *   const p12 = writePkcs12({ key: leaf.key, cert: leaf.cert, chain: [ca.cert], password: 'secret' });
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { forge } from './forge.js';

export { writePkcs12, type Pkcs12Options } from './pkcs12-writer.js';

/** A certificate and its private key, both PEM (key in PKCS#8). */
export interface CertifiedKey {
  cert: string;
  key: string;
}

export interface IssueOptions {
  /** The subject's CN; the whole subject is `CN=<commonName>` (the sandbox maps it to `User:<commonName>`). */
  commonName: string;
  /** Signing CA; omitted means self-signed. */
  ca?: CertifiedKey;
  dnsNames?: string[];
  ipAddresses?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Days from `notBefore` when `notAfter` is not given (default 825). */
  days?: number;
  /** Marks the certificate as a CA (basicConstraints cA=true, keyCertSign). */
  isCa?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Generates a 2048-bit RSA key with Node's native generator, as PKCS#8 PEM.
 *
 * @example
 *   const pem = generateRsaKey(); // '-----BEGIN PRIVATE KEY-----…'
 */
export function generateRsaKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * Creates a self-signed certificate authority.
 *
 * @example
 *   const ca = createCa({ commonName: 'Other CA' });
 */
export function createCa(options: { commonName: string; days?: number; notBefore?: Date }): CertifiedKey {
  return issueCertificate({ ...options, days: options.days ?? 3650, isCa: true });
}

/**
 * Issues a certificate for `commonName`, signed by `ca` or self-signed.
 *
 * @example
 *   const broker = issueCertificate({ commonName: 'broker', ca, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
 *   const expired = issueCertificate({ commonName: 'client9', ca, notBefore: new Date(0), notAfter: new Date(DAY) });
 */
export function issueCertificate(options: IssueOptions): CertifiedKey {
  const keyPem = generateRsaKey();
  const privateKey = forge.pki.privateKeyFromPem(keyPem);
  const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive 16-byte serial in minimal DER: a first byte of 0x10–0x7f (a leading 0x00 was "illegal padding" to OpenSSL and Java).
  const serial = randomBytes(16);
  serial[0] = 0x10 + (serial[0]! % 0x70);
  cert.serialNumber = serial.toString('hex');
  const notBefore = options.notBefore ?? new Date(Date.now() - 60 * 60 * 1000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = options.notAfter ?? new Date(notBefore.getTime() + (options.days ?? 825) * DAY_MS);
  const subject = [{ name: 'commonName', value: options.commonName }];
  cert.setSubject(subject);

  const signer = options.ca ? forge.pki.privateKeyFromPem(options.ca.key) : privateKey;
  const issuerCert = options.ca ? forge.pki.certificateFromPem(options.ca.cert) : undefined;
  cert.setIssuer(issuerCert ? issuerCert.subject.attributes : subject);
  cert.setExtensions(extensionsFor(options, issuerCert));
  cert.sign(signer, forge.md.sha256.create());
  // forge writes CRLF line endings; Unix tools and the doctor expect LF.
  return { cert: forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n'), key: keyPem };
}

function extensionsFor(options: IssueOptions, issuer: import('node-forge').pki.Certificate | undefined): object[] {
  const extensions: object[] = [
    { name: 'basicConstraints', cA: options.isCa === true, critical: true },
    options.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (!options.isCa) extensions.push({ name: 'extKeyUsage', serverAuth: true, clientAuth: true });
  // Node/OpenSSL link a leaf to its CA by the authority key id; forge needs the issuer's key id spelled out.
  const issuerKeyId = issuer?.generateSubjectKeyIdentifier().getBytes();
  if (issuerKeyId) extensions.push({ name: 'authorityKeyIdentifier', keyIdentifier: issuerKeyId });
  const altNames = [
    ...(options.dnsNames ?? []).map((value) => ({ type: 2, value })),
    ...(options.ipAddresses ?? []).map((ip) => ({ type: 7, ip })),
  ];
  if (altNames.length > 0) extensions.push({ name: 'subjectAltName', altNames });
  return extensions;
}

/**
 * Reads the subject CN of a PEM certificate.
 *
 * @example
 *   commonNameOf(leaf.cert); // 'client1'
 */
export function commonNameOf(certPem: string): string | undefined {
  const value = forge.pki.certificateFromPem(certPem).subject.getField('CN')?.value as unknown;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A random password of URL-safe characters (ASCII only: PKCS12 tools disagree on non-ASCII encodings).
 *
 * @example
 *   randomPassword(); // 'q3T0v…' (24 characters)
 */
export function randomPassword(length = 24): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}
