import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { loadKeystore } from '../../../src/credentials/keystore.js';
import { issueCertificate, writePkcs12 } from '../../../src/credentials/pki.js';
import { PASSWORD, pkcs12With, tempDir, testCa, writeCredentials } from './fixtures.js';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(() => undefined, (error: { code?: string }) => error.code);
}

describe('loadKeystore', () => {
  it('opens a modern keystore and returns PEM key, certificate and the CN', async () => {
    const creds = writeCredentials(join(tempDir(), 'auth'));
    const keystore = await loadKeystore(creds.keystorePath, PASSWORD);
    expect(keystore.commonName).toBe('client45');
    expect(keystore.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(keystore.certPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(keystore.caChainPems).toHaveLength(1);
    expect(keystore).toMatchObject({ legacy: false, keyCount: 1, certCount: 2, keyMatchesCert: true, issuer: 'CN=Test course CA' });
    // What it returns is usable by Node's TLS as it is.
    expect(() => createSecureContext({ key: keystore.keyPem, cert: keystore.certPem, ca: keystore.caChainPems })).not.toThrow();
  });

  it('opens a legacy RC2/3DES keystore that Node itself refuses, and says it is legacy', async () => {
    const creds = writeCredentials(join(tempDir(), 'auth'), { legacy: true });
    expect(() => createSecureContext({ pfx: readFileSync(creds.keystorePath), passphrase: PASSWORD })).toThrow(/Unsupported/);
    const keystore = await loadKeystore(creds.keystorePath, PASSWORD);
    expect(keystore.legacy).toBe(true);
    expect(keystore.algorithms).toEqual(expect.arrayContaining(['RC2-40', '3DES']));
    expect(keystore.commonName).toBe('client45');
  });

  it('tells a wrong password apart from a damaged file', async () => {
    const creds = writeCredentials(join(tempDir(), 'auth'));
    const error = await loadKeystore(creds.keystorePath, 'not-the-password').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'keystore-wrong-password' });
    expect((error as Error).message).toContain('does not open');
    expect((error as Error).message).not.toContain('not-the-password');

    // One flipped byte in the MAC's salt, at the end of the file: the MAC fails, yet the password is right.
    const bytes = readFileSync(creds.keystorePath);
    bytes.writeUInt8((bytes.at(-6) as number) ^ 0xff, bytes.length - 6);
    writeFileSync(creds.keystorePath, bytes);
    expect(await codeOf(loadKeystore(creds.keystorePath, PASSWORD))).toBe('keystore-corrupt');
    expect(await codeOf(loadKeystore(creds.keystorePath, 'not-the-password'))).toBe('keystore-wrong-password');

    writeFileSync(creds.keystorePath, Buffer.from('30820100' + 'ab'.repeat(0x100), 'hex'));
    expect(await codeOf(loadKeystore(creds.keystorePath, PASSWORD))).toBe('keystore-corrupt');
  });

  it('reports an interrupted copy and an empty file', async () => {
    const creds = writeCredentials(join(tempDir(), 'auth'));
    const bytes = readFileSync(creds.keystorePath);
    writeFileSync(creds.keystorePath, bytes.subarray(0, 700));
    expect(await codeOf(loadKeystore(creds.keystorePath, PASSWORD))).toBe('file-truncated');
    writeFileSync(creds.keystorePath, '');
    expect(await codeOf(loadKeystore(creds.keystorePath, PASSWORD))).toBe('file-empty');
  });

  it('recognises a certificate saved where the keystore should be, and a missing file', async () => {
    const creds = writeCredentials(join(tempDir(), 'auth'));
    writeFileSync(creds.keystorePath, creds.ca.cert);
    expect(await codeOf(loadKeystore(creds.keystorePath, PASSWORD))).toBe('keystore-is-certificate');
    expect(await codeOf(loadKeystore(join(creds.dir, 'nope.pkcs12'), PASSWORD))).toBe('file-missing');
  });

  it('refuses a keystore with no private key', async () => {
    const ca = testCa();
    const leaf = issueCertificate({ commonName: 'client45', ca });
    const creds = writeCredentials(join(tempDir(), 'auth'), { keystore: pkcs12With({ keys: [], certs: [leaf.cert], password: PASSWORD }) });
    expect(await codeOf(loadKeystore(creds.keystorePath, PASSWORD))).toBe('keystore-no-key');
  });

  it('counts several keys and picks the one that matches the certificate', async () => {
    const ca = testCa();
    const leaf = issueCertificate({ commonName: 'client45', ca });
    const other = issueCertificate({ commonName: 'client46', ca });
    const creds = writeCredentials(join(tempDir(), 'auth'), { keystore: pkcs12With({ keys: [other.key, leaf.key], certs: [leaf.cert], password: PASSWORD }) });
    const keystore = await loadKeystore(creds.keystorePath, PASSWORD);
    expect(keystore).toMatchObject({ keyCount: 2, keyMatchesCert: true, commonName: 'client45' });
  });

  it('notices a key that does not belong to the certificate', async () => {
    const ca = testCa();
    const leaf = issueCertificate({ commonName: 'client45', ca });
    const stranger = issueCertificate({ commonName: 'client46', ca });
    const keystore = writePkcs12({ key: stranger.key, cert: leaf.cert, password: PASSWORD });
    const creds = writeCredentials(join(tempDir(), 'auth'), { keystore });
    expect((await loadKeystore(creds.keystorePath, PASSWORD)).keyMatchesCert).toBe(false);
  });
});
