import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCa } from '../../../src/credentials/ca.js';
import { tempDir, writeCredentials } from './fixtures.js';

function fixture() {
  const creds = writeCredentials(join(tempDir(), 'auth'));
  return { ...creds, pem: readFileSync(creds.caPath, 'utf8') };
}

describe('loadCa', () => {
  it('reads a PEM CA certificate without notes', async () => {
    const { caPath } = fixture();
    const ca = await loadCa(caPath);
    expect(ca.format).toBe('pem');
    expect(ca.notes).toEqual([]);
    expect(ca.certificates[0]?.subject).toBe('CN=Test course CA');
  });

  it('accepts Windows line endings and a byte-order mark, and says so', async () => {
    const { caPath, pem } = fixture();
    writeFileSync(caPath, `\uFEFF${pem.replaceAll('\n', '\r\n')}`);
    const ca = await loadCa(caPath, { cwd: join(caPath, '..', '..') });
    expect(ca.notes.map((n) => n.failureId)).toEqual(['ca-bom', 'ca-crlf']);
    expect(ca.notes[0]?.message).toBe('auth/ca.crt starts with a byte-order mark (an editor on Windows added it); that is fine, it is read anyway.');
    expect(ca.pem).not.toContain('\r');
    expect(new X509Certificate(ca.pem).subject).toBe('CN=Test course CA');
  });

  it('reads DER, but notes that the course programs need PEM, with the conversion command', async () => {
    const { caPath, pem } = fixture();
    writeFileSync(caPath, new X509Certificate(pem).raw);
    const ca = await loadCa(caPath, { cwd: join(caPath, '..', '..') });
    expect(ca.format).toBe('der');
    expect(ca.notes[0]).toMatchObject({ failureId: 'ca-der', fix: 'openssl x509 -inform DER -in auth/ca.crt -out auth/ca.crt.pem && mv auth/ca.crt.pem auth/ca.crt' });
  });

  it('recognises a keystore saved as ca.crt', async () => {
    const { caPath, keystorePath } = fixture();
    writeFileSync(caPath, readFileSync(keystorePath));
    await expect(loadCa(caPath)).rejects.toMatchObject({ code: 'ca-is-keystore' });
  });

  it('recognises a private key, an empty file, a cut-short file and a missing one', async () => {
    const { caPath, leaf, pem } = fixture();
    writeFileSync(caPath, leaf.key);
    await expect(loadCa(caPath)).rejects.toMatchObject({ code: 'ca-not-certificate', message: expect.stringContaining('a PEM private key') });
    writeFileSync(caPath, '');
    await expect(loadCa(caPath)).rejects.toMatchObject({ code: 'file-empty' });
    writeFileSync(caPath, pem.slice(0, 300));
    await expect(loadCa(caPath)).rejects.toMatchObject({ code: 'file-truncated' });
    await expect(loadCa(`${caPath}.nope`)).rejects.toMatchObject({ code: 'file-missing' });
  });
});
