/**
 * The native PKCS12 key derivations give forge's own results (its JavaScript
 * versions, taken before forge.ts swaps them), for the digests keystores use.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pkcs12Kdf } from '../../../src/credentials/native-kdf.js';
import { forge } from '../../../src/credentials/forge.js';

// A second, untouched forge: node-forge's own JavaScript key derivation.
const require = createRequire(import.meta.url);
delete require.cache[require.resolve('node-forge')];
for (const key of Object.keys(require.cache)) if (key.includes('node-forge')) delete require.cache[key];
const pure = require('node-forge') as typeof import('node-forge');

const DIGESTS = ['sha1', 'sha256', 'sha512'] as const;
const PASSWORDS = ['', 'cc2023', 'pässwörd-€-längere-Kette-über-einen-Block-hinaus-0123456789'];

describe('native PKCS12 key derivation', () => {
  it('differs from forge nowhere: every digest, id, length and password (RFC 7292 B.2)', () => {
    // The comparison means something only if the pure forge is another instance.
    expect(pure.pkcs12.generateKey).not.toBe(forge.pkcs12.generateKey);
    for (const name of DIGESTS) {
      for (const password of [...PASSWORDS, null]) {
        for (const [id, n] of [[1, 32], [2, 16], [3, 20], [3, 64]] as const) {
          const salt = Buffer.from('0102030405060708090a0b0c0d0e0f10', 'hex');
          const md = pure.md[name].create();
          const expected = pure.pkcs12.generateKey(password as string, pure.util.createBuffer(salt.toString('binary')), id, 100, n, md).getBytes();
          const got = pkcs12Kdf(password, salt, id, 100, n, name, md.blockLength).toString('binary');
          expect(Buffer.from(got, 'binary').toString('hex'), `${name} ${String(password)} ${id} ${n}`).toBe(Buffer.from(expected, 'binary').toString('hex'));
        }
      }
    }
  });

  it('is what the forge kafka-tutor uses: PBKDF2 and the MAC key agree with the pure ones', () => {
    const salt = 'saltsaltsaltsalt';
    for (const name of DIGESTS) {
      expect(forge.pkcs5.pbkdf2('cc2023', salt, 2048, 32, forge.md[name].create())).toBe(pure.pkcs5.pbkdf2('cc2023', salt, 2048, 32, pure.md[name].create()));
      const ours = forge.pkcs12.generateKey('cc2023', forge.util.createBuffer(salt), 3, 2048, 32, forge.md[name].create()).getBytes();
      expect(ours).toBe(pure.pkcs12.generateKey('cc2023', pure.util.createBuffer(salt), 3, 2048, 32, pure.md[name].create()).getBytes());
    }
  });
});
