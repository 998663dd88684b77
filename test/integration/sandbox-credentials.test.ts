/**
 * Credentials against the real sandbox broker: the right keystore works (even a legacy
 * one Node cannot open), a wrong password is named as such, and a certificate from
 * another CA is refused by the broker's TLS.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { Kafka, type KafkaConfig } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeystore } from '../../src/credentials/keystore.js';
import { createCa, issueCertificate, writePkcs12 } from '../../src/credentials/pki.js';
import { describeError } from '../../src/errors.js';
import { createStudentTopic, sandboxState, sandboxStudent, uniqueName } from '../support/sandbox.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kafka-tutor-creds-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function sslConfig(clientId: string, tls: { key: string; cert: string }): Promise<KafkaConfig> {
  const state = await sandboxState();
  const ca = await readFile(state.caPath, 'utf8');
  return { clientId, brokers: state.bootstrap.split(','), ssl: { ca: [ca], ...tls }, connectionTimeout: 3000, retry: { retries: 0 }, logLevel: 0 };
}

/** Produces one message and reads it back through a fresh group of the student. */
async function roundTrip(config: KafkaConfig, clientId: string, topic: string): Promise<string> {
  const kafka = new Kafka(config);
  const value = `round trip ${randomUUID()}`;
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value }] });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: uniqueName(`${clientId}-it`) });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('nothing consumed within 20 s')), 20_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.value?.toString() !== value) return;
          clearTimeout(timer);
          resolve(value);
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

describe('sandbox credentials', () => {
  it("opens a student's keystore with password.txt and produces/consumes with it", async () => {
    const student = await sandboxStudent('client2');
    const password = (await readFile(join(student.dir, 'password.txt'), 'utf8')).trim();
    const keystore = await loadKeystore(join(student.dir, 'kafka.keystore.pkcs12'), password);
    expect(keystore.commonName).toBe('client2');
    expect(keystore.legacy).toBe(false);
    const topic = await createStudentTopic('client2');
    const config = await sslConfig('client2', { key: keystore.keyPem, cert: keystore.certPem });
    await expect(roundTrip(config, 'client2', topic)).resolves.toMatch(/^round trip /);
  });

  it('refuses a wrong keystore password with a sentence that says so', async () => {
    const student = await sandboxStudent('client2');
    const error = await loadKeystore(join(student.dir, 'kafka.keystore.pkcs12'), 'not-the-password').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UserError', code: 'keystore-wrong-password' });
    const { text } = describeError(error);
    expect(text).toMatch(/password .* does not open .*kafka\.keystore\.pkcs12/);
    expect(text).not.toContain('not-the-password');
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('works with a legacy (RC2/3DES) keystore that Node itself cannot open', async () => {
    const student = await sandboxStudent('client3');
    const [key, cert, ca] = await Promise.all([student.keyPath, student.certPath, (await sandboxState()).caPath].map((f) => readFile(f, 'utf8')));
    const password = 'legacy-pass';
    const file = join(scratch, 'legacy.keystore.pkcs12');
    const pfx = writePkcs12({ key: key!, cert: cert!, chain: [ca!], password, legacy: true });
    await writeFile(file, pfx);
    expect(() => createSecureContext({ pfx, passphrase: password })).toThrow(/Unsupported PKCS12 PFX data/);
    const keystore = await loadKeystore(file, password);
    expect(keystore.legacy).toBe(true);
    const topic = await createStudentTopic('client3');
    const config = await sslConfig('client3', { key: keystore.keyPem, cert: keystore.certPem });
    await expect(roundTrip(config, 'client3', topic)).resolves.toMatch(/^round trip /);
  });

  it('is refused by the broker with a certificate from another CA', async () => {
    const state = await sandboxState();
    const sizes = await Promise.all(state.brokers.map(async (b) => (await readFile(b.logFile)).length));
    const stranger = issueCertificate({ commonName: 'client1', ca: createCa({ commonName: 'Some other CA' }) });
    const kafka = new Kafka(await sslConfig('client1', stranger));
    const producer = kafka.producer({ retry: { retries: 0 } });
    const error = await producer.connect().then(() => producer.send({ topic: 'client1', messages: [{ value: 'x' }] })).catch((e: unknown) => e);
    await producer.disconnect();
    expect(error).toBeInstanceOf(Error);
    // What the client sees: the broker's TLS alert 46, "certificate unknown".
    expect(error).toMatchObject({ cause: { name: 'KafkaJSConnectionError', code: 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN' } });
    // What Kafka did: the client SSL listener failed the handshake for an untrusted certificate.
    // The broker writes that line after the client has seen the alert: read the log until it appears (bounded).
    const denial = /Failed authentication with \/127\.0\.0\.1 .*SSL handshake failed/;
    const readAppended = async () => (await Promise.all(state.brokers.map(async (b, i) => (await readFile(b.logFile)).subarray(sizes[i]).toString('utf8')))).join('\n');
    let logged = await readAppended();
    for (let tries = 0; tries < 50 && !denial.test(logged); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      logged = await readAppended();
    }
    expect(logged).toMatch(denial);
  });
});
