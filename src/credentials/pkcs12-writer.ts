/**
 * Writes PKCS12 keystores the way real tools do, in two forms:
 * - modern (OpenSSL 3, Java 17 keytool): PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC for key and
 *   certificates, HMAC-SHA256 integrity;
 * - legacy (OpenSSL 1.x, old keytool): key under PBE-SHA1-3DES, certificates under
 *   PBE-SHA1-RC2-40, HMAC-SHA1 integrity. Node's OpenSSL 3 refuses these
 *   ("Unsupported PKCS12 PFX data"), which is exactly what the tutor must cope with.
 * node-forge does the ASN.1 and the PKCS12 key derivation; Node's crypto does AES/3DES,
 * forge does RC2 (absent from OpenSSL 3's default provider).
 */
import { createCipheriv, createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { forge } from './forge.js';

export interface Pkcs12Options {
  /** PKCS#8 (or PKCS#1) PEM private key. */
  key: string;
  /** PEM certificate matching the key. */
  cert: string;
  /** PEM certificates of the issuing chain (e.g. the CA). */
  chain?: string[];
  password: string;
  /** `true` writes the RC2/3DES + SHA-1 form that Node's OpenSSL 3 cannot open. */
  legacy?: boolean;
  /** The entry's alias (Java shows it as the alias). */
  friendlyName?: string;
  iterations?: number;
}

const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
  friendlyName: '1.2.840.113549.1.9.20',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  pbeSha1TripleDes: '1.2.840.113549.1.12.1.3',
  pbeSha1Rc2_40: '1.2.840.113549.1.12.1.6',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

type Asn1 = import('node-forge').asn1.Asn1;
const bin = (buffer: Buffer) => buffer.toString('binary');
const seq = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bin(bytes));
const int = (n: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nil = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const explicit0 = (inner: Asn1) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [inner]);
const der = (node: Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/**
 * Builds a PKCS12 keystore (DER bytes) holding one key, its certificate and the chain.
 *
 * @example
 *   writeFileSync('kafka.keystore.pkcs12', writePkcs12({ key, cert, chain: [ca.cert], password }));
 *   writePkcs12({ key, cert, password, legacy: true }); // Node: "Unsupported PKCS12 PFX data"
 */
export function writePkcs12(options: Pkcs12Options): Buffer {
  const iterations = options.iterations ?? 2048;
  const certDers = [options.cert, ...(options.chain ?? [])].map(pemToDer);
  const attributes = bagAttributes(certDers[0]!, options.friendlyName);
  const certBags = certDers.map((certDer, index) =>
    seq([
      oid(OID.certBag),
      explicit0(seq([oid(OID.x509Certificate), explicit0(octets(certDer))])),
      ...(index === 0 ? [attributes] : []),
    ]),
  );
  const keyInfo = pemToDer(forge.pki.privateKeyInfoToPem(toPrivateKeyInfo(options.key)));
  const keyAlgorithm = options.legacy ? OID.pbeSha1TripleDes : OID.pbes2;
  const certAlgorithm = options.legacy ? OID.pbeSha1Rc2_40 : OID.pbes2;
  const shroudedKey = seq([...encrypt(keyAlgorithm, keyInfo, options.password, iterations)]);
  const keyBag = seq([oid(OID.keyBag), explicit0(shroudedKey), attributes]);

  const [certAlg, certCipher] = encrypt(certAlgorithm, der(seq(certBags)), options.password, iterations);
  const encryptedCerts = seq([
    oid(OID.encryptedData),
    explicit0(seq([int(0), seq([oid(OID.data), certAlg, asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, certCipher.value)])])),
  ]);
  const keyData = seq([oid(OID.data), explicit0(octets(der(seq([keyBag]))))]);
  const authSafe = der(seq([encryptedCerts, keyData]));
  const mac = macData(authSafe, options.password, iterations, options.legacy ? 'sha1' : 'sha256');
  return der(seq([int(3), seq([oid(OID.data), explicit0(octets(authSafe))]), mac]));
}

function pemToDer(pem: string): Buffer {
  return Buffer.from(forge.pem.decode(pem)[0]!.body, 'binary');
}

function toPrivateKeyInfo(keyPem: string): Asn1 {
  const rsa = forge.pki.privateKeyFromPem(keyPem);
  return forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(rsa));
}

/** localKeyId (SHA-1 of the certificate, as OpenSSL does) ties the key to its certificate. */
function bagAttributes(certDer: Buffer, friendlyName: string | undefined): Asn1 {
  const localKeyId = createHash('sha1').update(certDer).digest();
  const attributes = [seq([oid(OID.localKeyId), set([octets(localKeyId)])])];
  if (friendlyName) {
    const bmp = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BMPSTRING, false, friendlyName);
    attributes.push(seq([oid(OID.friendlyName), set([bmp])]));
  }
  return set(attributes);
}

/** Returns [AlgorithmIdentifier, OCTET STRING of ciphertext]. */
function encrypt(algorithm: string, plain: Buffer, password: string, iterations: number): [Asn1, Asn1] {
  const salt = randomBytes(algorithm === OID.pbes2 ? 16 : 8);
  if (algorithm === OID.pbes2) {
    const iv = randomBytes(16);
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    const kdf = seq([oid(OID.pbkdf2), seq([octets(salt), int(iterations), seq([oid(OID.hmacWithSha256), nil()])])]);
    const params = seq([kdf, seq([oid(OID.aes256Cbc), octets(iv)])]);
    return [seq([oid(OID.pbes2), params]), octets(Buffer.concat([cipher.update(plain), cipher.final()]))];
  }
  const params = seq([oid(algorithm), seq([octets(salt), int(iterations)])]);
  const tripleDes = algorithm === OID.pbeSha1TripleDes;
  const key = pkcs12Key(password, salt, 1, iterations, tripleDes ? 24 : 5, 'sha1');
  const iv = pkcs12Key(password, salt, 2, iterations, 8, 'sha1');
  if (tripleDes) {
    const cipher = createCipheriv('des-ede3-cbc', key, iv);
    return [params, octets(Buffer.concat([cipher.update(plain), cipher.final()]))];
  }
  const rc2 = forge.rc2.createEncryptionCipher(bin(key), 40);
  rc2.start(forge.util.createBuffer(bin(iv)));
  rc2.update(forge.util.createBuffer(bin(plain)));
  rc2.finish();
  return [params, octets(Buffer.from(rc2.output.getBytes(), 'binary'))];
}

/** The PKCS12 key-derivation function (RFC 7292 appendix B); id 1 = key, 2 = IV, 3 = MAC key. */
function pkcs12Key(password: string, salt: Buffer, id: 1 | 2 | 3, iterations: number, length: number, md: 'sha1' | 'sha256'): Buffer {
  const digest = md === 'sha1' ? forge.md.sha1.create() : forge.md.sha256.create();
  const bytes = forge.pkcs12.generateKey(password, forge.util.createBuffer(bin(salt)), id, iterations, length, digest);
  return Buffer.from(bytes.getBytes(), 'binary');
}

function macData(authSafe: Buffer, password: string, iterations: number, md: 'sha1' | 'sha256'): Asn1 {
  const salt = randomBytes(md === 'sha1' ? 8 : 16);
  const key = pkcs12Key(password, salt, 3, iterations, md === 'sha1' ? 20 : 32, md);
  const digest = createHmac(md, key).update(authSafe).digest();
  const algorithm = seq([oid(md === 'sha1' ? OID.sha1 : OID.sha256), nil()]);
  return seq([seq([algorithm, octets(digest)]), octets(salt), int(iterations)]);
}
