import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportToJson } from '../../../src/doctor/render.js';
import { createCa, issueCertificate, writePkcs12 } from '../../../src/credentials/pki.js';
import { PASSWORD, pkcs12With, testCa, writeCredentials } from '../credentials/fixtures.js';
import { check, doctorOnFiles, studentVm } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;

describe('doctor: the keystore, its certificate and the client id', () => {
  it('tells a wrong password (and where it came from) apart from a damaged keystore', async () => {
    const vm = studentVm();
    writeCredentials(vm.authDir);
    writeFileSync(join(vm.authDir, 'password.txt'), 'wrong-one\n');
    const report = await doctorOnFiles(vm);
    expect(check(report, 'keystore')).toMatchObject({
      failureId: 'keystore-wrong-password',
      message: 'The password from auth/password.txt does not open auth/kafka.keystore.pkcs12 (the keystore itself is intact).',
    });
    expect(check(report, 'certificate')).toMatchObject({ status: 'skip', message: 'Skipped: "Keystore opens" failed.' });
    expect(reportToJson(report)).not.toContain('wrong-one');

    const env = await doctorOnFiles(vm, { password: { value: 'also-wrong', source: 'env' } });
    expect(check(env, 'keystore').message).toContain('The password from KAFKA_TUTOR_PASSWORD does not open');
    expect(reportToJson(env)).not.toContain('also-wrong');
  });

  it('fails a missing password with the hidden-input command, never asking when not interactive', async () => {
    const vm = studentVm();
    writeCredentials(vm.authDir, { passwordFile: false });
    expect(check(await doctorOnFiles(vm), 'password')).toMatchObject({ failureId: 'password-missing', fix: expect.stringMatching(/^read -rs KAFKA_TUTOR_PASSWORD/) });
  });

  it('opens a legacy keystore and notes it', async () => {
    const vm = studentVm();
    writeCredentials(vm.authDir, { legacy: true });
    const result = check(await doctorOnFiles(vm), 'keystore');
    expect(result.status).toBe('pass');
    expect(result.message).toContain("uses old encryption (RC2-40, 3DES) that Node's OpenSSL 3 refuses; kafka-tutor reads it itself, so it works.");
  });

  it('fails a keystore without a key, and warns about one with several', async () => {
    const ca = testCa();
    const leaf = issueCertificate({ commonName: 'client45', ca });
    const noKey = studentVm();
    writeCredentials(noKey.authDir, { keystore: pkcs12With({ keys: [], certs: [leaf.cert], password: PASSWORD }) });
    expect(check(await doctorOnFiles(noKey), 'keystore')).toMatchObject({ failureId: 'keystore-no-key' });

    const twoKeys = studentVm();
    const other = issueCertificate({ commonName: 'client46', ca });
    writeCredentials(twoKeys.authDir, { keystore: pkcs12With({ keys: [other.key, leaf.key], certs: [leaf.cert, ca.cert], password: PASSWORD }) });
    expect(check(await doctorOnFiles(twoKeys), 'keystore')).toMatchObject({ status: 'warn', failureId: 'keystore-several-keys' });
  });

  it('fails an expired certificate and one not valid yet', async () => {
    const ca = testCa();
    const expired = studentVm();
    writeCredentials(expired.authDir, { leaf: issueCertificate({ commonName: 'client45', ca, notBefore: new Date(Date.now() - 40 * DAY), days: 30 }) });
    expect(check(await doctorOnFiles(expired), 'certificate')).toMatchObject({ failureId: 'cert-expired', message: expect.stringMatching(/^Your certificate \(client45\) expired on \d{4}-/) });

    const future = studentVm();
    writeCredentials(future.authDir, { leaf: issueCertificate({ commonName: 'client45', ca, notBefore: new Date(Date.now() + 2 * DAY) }) });
    expect(check(await doctorOnFiles(future), 'certificate')).toMatchObject({ failureId: 'cert-not-yet-valid' });
  });

  it('fails a certificate from another course\'s CA, and a key that belongs to another certificate', async () => {
    const vm = studentVm();
    const otherCa = createCa({ commonName: 'Other cohort CA' });
    writeCredentials(vm.authDir, { leaf: issueCertificate({ commonName: 'client45', ca: otherCa }) });
    expect(check(await doctorOnFiles(vm), 'certificate')).toMatchObject({ failureId: 'cert-wrong-ca', message: expect.stringContaining('issued by CN=Other cohort CA') });

    const mismatched = studentVm();
    const ca = testCa();
    const leaf = issueCertificate({ commonName: 'client45', ca });
    const stranger = issueCertificate({ commonName: 'client46', ca });
    writeCredentials(mismatched.authDir, { keystore: writePkcs12({ key: stranger.key, cert: leaf.cert, chain: [ca.cert], password: PASSWORD }) });
    expect(check(await doctorOnFiles(mismatched), 'certificate')).toMatchObject({ failureId: 'key-mismatch' });
  });

  it('compares the client id of the certificate with the configured one and the folder name', async () => {
    const vm = studentVm();
    writeCredentials(vm.authDir);
    expect(check(await doctorOnFiles(vm, { clientId: 'client46', clientIdSource: 'flag' }), 'client-id')).toMatchObject({
      failureId: 'client-id-mismatch',
      message: 'You configured client id client46 (flag), but your certificate says client45; Kafka knows you as client45, and your topic is client45.',
      fix: '--client-id client45   (or leave it out: kafka-tutor takes it from your certificate)',
    });
    expect(check(await doctorOnFiles(vm, { clientId: 'client46', clientIdSource: 'env' }), 'client-id').fix).toBe('export KAFKA_TUTOR_CLIENT_ID=client45');

    const folder = join(dirname(vm.authDir), 'client46');
    renameSync(vm.authDir, folder);
    expect(check(await doctorOnFiles({ ...vm, authDir: folder }), 'client-id')).toMatchObject({ status: 'warn', failureId: 'folder-name-mismatch' });
  });

  it('warns when other users can read the keystore and password file, with the chmod fix', async () => {
    const vm = studentVm();
    const creds = writeCredentials(vm.authDir);
    chmodSync(creds.keystorePath, 0o644);
    chmodSync(join(vm.authDir, 'password.txt'), 0o644);
    const report = await doctorOnFiles(vm);
    expect(check(report, 'permissions')).toMatchObject({
      status: 'warn',
      fix: 'chmod 600 auth/kafka.keystore.pkcs12 auth/password.txt && chmod 700 auth',
    });
  });
});
