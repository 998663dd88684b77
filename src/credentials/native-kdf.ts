/**
 * node-forge derives PKCS12 keys in JavaScript: the MAC key (RFC 7292 B.2) and
 * PBES2's PBKDF2 take 100–200 ms of CPU per keystore, most of a check's
 * decryption and, under `grade`, seconds per class. These do the same with
 * Node's native hashes; forge still parses, decrypts and checks everything.
 */
import { createHash, getHashes, pbkdf2Sync } from 'node:crypto';

/** The part of a forge message digest these need: its name and sizes. */
interface ForgeDigest {
  algorithm?: string;
  digestLength: number;
  blockLength: number;
}

/** A forge byte buffer, read without consuming it. */
interface ForgeBytes {
  bytes(): string;
}

const NATIVE = new Set(['sha1', 'sha256', 'sha384', 'sha512'].filter((name) => getHashes().includes(name)));

/** The native name of a forge digest, when Node has it. */
export function nativeDigest(md: unknown): string | undefined {
  const name = (md as ForgeDigest | null | undefined)?.algorithm;
  return typeof name === 'string' && NATIVE.has(name) ? name : undefined;
}

/**
 * RFC 7292 appendix B.2 (forge's `pkcs12.generateKey`), on native hashes.
 * The password is forge's: a string of UTF-16 code units, null for none.
 *
 * @example
 *   pkcs12Kdf('secret', Buffer.from('salt'), 3, 2048, 32, 'sha256', 64).length // 32
 */
export function pkcs12Kdf(password: string | null | undefined, salt: Buffer, id: number, iterations: number, length: number, digest: string, blockLength: number): Buffer {
  if (!(iterations >= 1)) throw new Error('PKCS#12 key derivation iteration count must be >= 1.');
  const v = blockLength;
  const pass = password === null || password === undefined ? Buffer.alloc(0) : Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; password && i < password.length; i++) pass.writeUInt16BE(password.charCodeAt(i), i * 2);
  const repeat = (source: Buffer) => {
    const out = Buffer.alloc(v * Math.ceil(source.length / v));
    for (let i = 0; i < out.length; i++) out[i] = source[i % source.length]!;
    return out;
  };
  const diversifier = Buffer.alloc(v, id);
  let input = Buffer.concat([repeat(salt), repeat(pass)]);
  const blocks: Buffer[] = [];
  for (let total = 0; total < length; ) {
    let a = createHash(digest).update(diversifier).update(input).digest();
    for (let round = 1; round < iterations; round++) a = createHash(digest).update(a).digest();
    blocks.push(a);
    total += a.length;
    // I_j = (I_j + B + 1) mod 2^(8v), B being A repeated to v bytes.
    const b = Buffer.alloc(v);
    for (let i = 0; i < v; i++) b[i] = a[i % a.length]!;
    const next = Buffer.alloc(input.length);
    for (let j = 0; j < input.length; j += v) {
      let carry = 1;
      for (let i = v - 1; i >= 0; i--) {
        carry += input[j + i]! + b[i]!;
        next[j + i] = carry & 0xff;
        carry >>= 8;
      }
    }
    input = next;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

type Forge = typeof import('node-forge');
type Pbkdf2 = (p: string, s: string, c: number, dkLen: number, md?: unknown, callback?: unknown) => unknown;
type GenerateKey = (password: string | null, salt: ForgeBytes, id: number, iterations: number, n: number, md?: unknown) => unknown;

/**
 * Makes forge's PKCS12 key derivations native (other digests, and calls with a callback, stay forge's).
 *
 * @example
 *   useNativeKdf(forge); forge.pkcs12.pkcs12FromAsn1(asn1, false, password) // the same result, faster
 */
export function useNativeKdf(forge: Forge): void {
  const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 };
  const pkcs12 = forge.pkcs12 as unknown as { generateKey: GenerateKey };
  const pbkdf2 = pkcs5.pbkdf2;
  const generateKey = pkcs12.generateKey;
  pkcs5.pbkdf2 = (p, s, c, dkLen, md, callback) => {
    const digest = nativeDigest(md);
    if (digest === undefined || callback !== undefined) return pbkdf2(p, s, c, dkLen, md, callback);
    return pbkdf2Sync(Buffer.from(p, 'binary'), Buffer.from(s, 'binary'), c, dkLen, digest).toString('binary');
  };
  pkcs12.generateKey = (password, salt, id, iterations, n, md) => {
    const digest = md === undefined || md === null ? 'sha1' : nativeDigest(md);
    if (digest === undefined) return generateKey(password, salt, id, iterations, n, md);
    const blockLength = (md as ForgeDigest | undefined)?.blockLength ?? 64;
    return forge.util.createBuffer(pkcs12Kdf(password, Buffer.from(salt.bytes(), 'binary'), id, iterations, n, digest, blockLength).toString('binary'));
  };
}
