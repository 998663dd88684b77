import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCredentials } from '../credentials/fixtures.js';
import { check, doctorOnFiles, studentVm } from './helpers.js';

describe('doctor: the credentials folder', () => {
  it('finds credentials left in ~/Downloads and gives the cp command', async () => {
    const vm = studentVm();
    mkdirSync(vm.cwd, { recursive: true });
    writeCredentials(join(vm.home, 'Downloads', 'client45'));
    const report = await doctorOnFiles(vm);
    expect(report.ok).toBe(false);
    expect(check(report, 'auth-folder')).toMatchObject({
      status: 'fail',
      failureId: 'auth-found-elsewhere',
      message: 'There is no auth folder, but a credentials folder is at ~/Downloads/client45.',
      fix: 'cp -r ~/Downloads/client45 auth',
    });
    expect(check(report, 'ca-file')).toMatchObject({ status: 'skip', message: 'Skipped: "Credentials folder" failed.' });
    expect(check(report, 'topic')).toMatchObject({ status: 'skip' });
  });

  it('finds a folder copied next to the project (the parent of the working dir)', async () => {
    const vm = studentVm();
    mkdirSync(vm.cwd, { recursive: true });
    writeCredentials(join(vm.cwd, '..', 'client45'));
    expect(check(await doctorOnFiles(vm), 'auth-folder')).toMatchObject({ failureId: 'auth-found-elsewhere', fix: 'cp -r ~/repos/client45 auth' });
  });

  it('without any credentials nearby, shows the scp to run on the laptop, with the full destination', async () => {
    const vm = studentVm();
    mkdirSync(vm.cwd, { recursive: true });
    expect(check(await doctorOnFiles(vm), 'auth-folder')).toMatchObject({
      failureId: 'auth-missing',
      fix: `Copy your credentials folder from your laptop: scp -r -i <your-pem-file> ~/Downloads/<clientNN> ubuntu@<your-VM-IP>:${vm.authDir}`,
    });
  });

  it('spots credentials one folder too deep', async () => {
    const vm = studentVm();
    writeCredentials(join(vm.authDir, 'client45'));
    expect(check(await doctorOnFiles(vm), 'auth-folder')).toMatchObject({
      failureId: 'auth-too-deep',
      fix: 'mv auth/client45/* auth/ && rmdir auth/client45',
    });
  });

  it('says when auth is a file', async () => {
    const vm = studentVm();
    mkdirSync(vm.cwd, { recursive: true });
    writeFileSync(vm.authDir, 'not a folder');
    expect(check(await doctorOnFiles(vm), 'auth-folder')).toMatchObject({ failureId: 'auth-is-file', message: 'auth is a file, but it must be a folder holding ca.crt and kafka.keystore.pkcs12.' });
  });

  it('names a missing file, or the look-alike to rename', async () => {
    const vm = studentVm();
    const creds = writeCredentials(vm.authDir);
    renameSync(creds.caPath, join(vm.authDir, 'ca.pem'));
    expect(check(await doctorOnFiles(vm), 'ca-file')).toMatchObject({ failureId: 'file-misnamed', fix: 'mv auth/ca.pem auth/ca.crt' });
    renameSync(creds.keystorePath, join(vm.cwd, 'elsewhere'));
    const report = await doctorOnFiles(vm);
    expect(check(report, 'keystore-file')).toMatchObject({ failureId: 'file-missing', message: 'auth/kafka.keystore.pkcs12 is missing from auth.' });
    expect(check(report, 'keystore-file').fix).toContain(`~/Downloads/<clientNN>/kafka.keystore.pkcs12 ubuntu@<your-VM-IP>:${vm.authDir}/`);
    expect(check(report, 'password')).toMatchObject({ status: 'skip', message: 'Skipped: "Keystore file (kafka.keystore.pkcs12)" failed.' });
  });
});
