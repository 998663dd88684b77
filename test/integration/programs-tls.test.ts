/**
 * TLS failures against the real sandbox broker, as a student meets them: a
 * ca.crt that is not the cluster's, and a client certificate the cluster
 * did not issue. Each ends in one sentence and a fix, as an `error` event.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCa, issueCertificate, writePkcs12 } from '../../src/credentials/pki.js';
import { startProgram } from '../../src/engine/process/index.js';
import { sandboxState, sandboxStudent } from '../support/sandbox.js';
import { CLIENT } from './programs.fixtures.js';

async function authFolder(files: { ca: string; keystore: Buffer | string; password: string }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kt-tls-'));
  await writeFile(join(dir, 'ca.crt'), files.ca);
  if (typeof files.keystore === 'string') await copyFile(files.keystore, join(dir, 'kafka.keystore.pkcs12'));
  else await writeFile(join(dir, 'kafka.keystore.pkcs12'), files.keystore);
  await writeFile(join(dir, 'password.txt'), `${files.password}\n`);
  return dir;
}

async function runConsumer(auth: string) {
  const state = await sandboxState();
  return startProgram('consume', [CLIENT], { env: { KAFKA_TUTOR_BOOTSTRAP: state.bootstrap, KAFKA_TUTOR_AUTH: auth } }).exited;
}

describe('TLS failures', () => {
  it("says the broker is not trusted when ca.crt is some other CA's", async () => {
    const student = await sandboxStudent(CLIENT);
    const password = (await readFile(join(student.dir, 'password.txt'), 'utf8')).trim();
    const auth = await authFolder({ ca: createCa({ commonName: 'Not The Course CA' }).cert, keystore: join(student.dir, 'kafka.keystore.pkcs12'), password });
    const exit = await runConsumer(auth);
    expect(exit.exitCode).toBe(1);
    expect(exit.events[0]).toMatchObject({ type: 'error', code: 'tls-untrusted', fix: expect.stringContaining('kafka-tutor doctor') });
  });

  it('says the broker refused the client certificate when another CA issued it', async () => {
    const state = await sandboxState();
    const ca = await readFile(state.caPath, 'utf8');
    const stranger = createCa({ commonName: 'Stranger CA' });
    const client = issueCertificate({ commonName: CLIENT, ca: stranger });
    const auth = await authFolder({ ca, keystore: writePkcs12({ key: client.key, cert: client.cert, chain: [stranger.cert], password: 'pw123456' }), password: 'pw123456' });
    const exit = await runConsumer(auth);
    expect(exit.exitCode).toBe(1);
    expect(exit.events[0]).toMatchObject({ type: 'error', code: 'tls-handshake' });
    expect((exit.events[0] as { message: string }).message).toMatch(/certificate/);
  });
});
