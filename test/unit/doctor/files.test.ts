import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCa, issueCertificate } from '../../../src/credentials/pki.js';
import { writeCredentials } from '../credentials/fixtures.js';
import { check, doctorOnFiles, studentVm } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;

describe('doctor: ca.crt and the keystore file', () => {
  it('passes a good folder up to the network', async () => {
    const vm = studentVm();
    writeCredentials(vm.authDir);
    const report = await doctorOnFiles(vm);
    const files = report.checks.slice(0, 8);
    expect(files.map((c) => [c.id, c.status])).toEqual([
      ['auth-folder', 'pass'], ['ca-file', 'pass'], ['keystore-file', 'pass'], ['password', 'pass'],
      ['keystore', 'pass'], ['certificate', 'pass'], ['client-id', 'pass'], ['permissions', 'pass'],
    ]);
    expect(check(report, 'client-id').message).toBe('Your client id is client45 (from your certificate), so your topic is client45.');
  });

  it('recognises an empty ca.crt and a cut-short keystore (interrupted copies)', async () => {
    const vm = studentVm();
    const creds = writeCredentials(vm.authDir);
    writeFileSync(creds.caPath, '');
    writeFileSync(creds.keystorePath, readFileSync(creds.keystorePath).subarray(0, 1000));
    const report = await doctorOnFiles(vm);
    expect(check(report, 'ca-file')).toMatchObject({ failureId: 'file-empty', message: 'auth/ca.crt is empty (0 bytes): the copy did not finish.' });
    expect(check(report, 'keystore-file')).toMatchObject({ failureId: 'file-truncated', message: 'auth/kafka.keystore.pkcs12 is cut short (1000 bytes): the copy was probably interrupted.' });
  });

  it('spots ca.crt and the keystore swapped, with the three mv commands', async () => {
    const vm = studentVm();
    const creds = writeCredentials(vm.authDir);
    const ca = readFileSync(creds.caPath);
    writeFileSync(creds.caPath, readFileSync(creds.keystorePath));
    writeFileSync(creds.keystorePath, ca);
    const report = await doctorOnFiles(vm);
    const fix = 'mv auth/ca.crt auth/ca.crt.tmp && mv auth/kafka.keystore.pkcs12 auth/ca.crt && mv auth/ca.crt.tmp auth/kafka.keystore.pkcs12';
    expect(check(report, 'ca-file')).toMatchObject({ failureId: 'files-swapped', fix });
    expect(check(report, 'keystore-file')).toMatchObject({ failureId: 'files-swapped', fix });
  });

  it('fails a DER ca.crt with the openssl command that converts it', async () => {
    const vm = studentVm();
    const creds = writeCredentials(vm.authDir);
    writeFileSync(creds.caPath, new X509Certificate(creds.ca.cert).raw);
    expect(check(await doctorOnFiles(vm), 'ca-file')).toMatchObject({
      status: 'fail',
      failureId: 'ca-der',
      fix: 'openssl x509 -inform DER -in auth/ca.crt -out auth/ca.crt.pem && mv auth/ca.crt.pem auth/ca.crt',
    });
  });

  it('accepts Windows line endings and a byte-order mark, and says so', async () => {
    const vm = studentVm();
    const creds = writeCredentials(vm.authDir);
    writeFileSync(creds.caPath, `\uFEFF${creds.ca.cert.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')}`);
    const result = check(await doctorOnFiles(vm), 'ca-file');
    expect(result.status).toBe('pass');
    expect(result.message).toContain('starts with a byte-order mark');
    expect(result.message).toContain('has Windows line endings; that is fine');
  });

  it('fails a ca.crt that is not a CA, has expired, or is not valid yet', async () => {
    const vm = studentVm();
    const creds = writeCredentials(vm.authDir);
    writeFileSync(creds.caPath, creds.leaf.cert);
    expect(check(await doctorOnFiles(vm), 'ca-file')).toMatchObject({ failureId: 'ca-not-ca', message: 'auth/ca.crt is not a CA certificate: it is the certificate of client45, which cannot vouch for the brokers.' });

    writeFileSync(creds.caPath, createCa({ commonName: 'Old CA', notBefore: new Date(Date.now() - 30 * DAY), days: 10 }).cert);
    expect(check(await doctorOnFiles(vm), 'ca-file')).toMatchObject({ failureId: 'ca-expired' });

    writeFileSync(creds.caPath, createCa({ commonName: 'Future CA', notBefore: new Date(Date.now() + 30 * DAY) }).cert);
    expect(check(await doctorOnFiles(vm), 'ca-file')).toMatchObject({ failureId: 'ca-not-yet-valid', fix: expect.stringContaining('date') });
  });

  it('recognises a certificate saved as the keystore', async () => {
    const vm = studentVm();
    const creds = writeCredentials(vm.authDir);
    writeFileSync(creds.keystorePath, issueCertificate({ commonName: 'client45', ca: creds.ca }).cert);
    expect(check(await doctorOnFiles(vm), 'keystore-file')).toMatchObject({ failureId: 'keystore-is-certificate' });
  });
});
