import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { commonNameOf, createCa, issueCertificate, randomPassword, writePkcs12 } from '../../../src/credentials/pki.js';

const ca = createCa({ commonName: 'Test CA' });
const leaf = issueCertificate({ commonName: 'client7', ca, dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });

describe('certificates', () => {
  it('issues a leaf that verifies against its CA, with the requested names', () => {
    const caCert = new X509Certificate(ca.cert);
    const cert = new X509Certificate(leaf.cert);
    expect(caCert.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.subject).toBe('CN=client7');
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(cert.checkPrivateKey(createPrivateKey(leaf.key))).toBe(true);
    expect(commonNameOf(leaf.cert)).toBe('client7');
  });

  it('honours a validity window and self-signing', () => {
    const notBefore = new Date('2020-01-01T00:00:00Z');
    const notAfter = new Date('2020-02-01T00:00:00Z');
    const old = issueCertificate({ commonName: 'client8', notBefore, notAfter });
    const cert = new X509Certificate(old.cert);
    expect(new Date(cert.validTo).toISOString()).toBe(notAfter.toISOString());
    expect(new Date(cert.validFrom).toISOString()).toBe(notBefore.toISOString());
    expect(cert.issuer).toBe('CN=client8');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkIssued(new X509Certificate(ca.cert))).toBe(false);
  });

  it('makes random ASCII passwords', () => {
    const a = randomPassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(randomPassword()).not.toBe(a);
  });
});

describe('PKCS12 keystores', () => {
  const password = 'pkcs12-test-password';

  it('writes a modern keystore that Node opens with the right password only', () => {
    const pfx = writePkcs12({ key: leaf.key, cert: leaf.cert, chain: [ca.cert], password });
    expect(() => createSecureContext({ pfx, passphrase: password })).not.toThrow();
    expect(() => createSecureContext({ pfx, passphrase: 'not-it' })).toThrow(/mac verify failure/i);
  });

  it('writes a legacy keystore that Node 20 (OpenSSL 3) refuses as unsupported', () => {
    const pfx = writePkcs12({ key: leaf.key, cert: leaf.cert, chain: [ca.cert], password, legacy: true });
    expect(() => createSecureContext({ pfx, passphrase: password })).toThrow(/Unsupported PKCS12 PFX data/);
    // RC2-40 (pbeWithSHAAnd40BitRC2-CBC, 1.2.840.113549.1.12.1.6) and 3DES (…12.1.3) are named in the file.
    expect(pfx.includes(Buffer.from('2a864886f70d010c0106', 'hex'))).toBe(true);
    expect(pfx.includes(Buffer.from('2a864886f70d010c0103', 'hex'))).toBe(true);
  });
});
