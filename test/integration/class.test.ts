/**
 * The instructor's flow on the real sandbox broker, through the built binary: `class create`
 * for five new students with the sandbox's own admin config and CA, folders that pass
 * `doctor` and `check`, students confined to their topics, `revoke`, and `grade --html`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeystore } from '../../src/credentials/keystore.js';
import { kafkaConfig } from '../../src/kafka/client.js';
import { openPage } from '../support/browser.js';
import { sandboxState, uniqueName } from '../support/sandbox.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'kt-class-'));
const out = join(dir, 'class');
const suffix = uniqueName('c').slice(2);
const ids = ['a', 'b', 'c', 'd', 'e'].map((letter) => `stu-${suffix}-${letter}`);
const run = (args: string[], env: Record<string, string> = {}) => execa(process.execPath, [BIN, ...args], { cwd: dir, reject: false, env: { KAFKA_TUTOR_SANDBOX: process.env.KAFKA_TUTOR_SANDBOX!, ...env } });
let paths: { adminConfig: string; caCert: string; caKey: string };
let created: Awaited<ReturnType<typeof run>>;

beforeAll(async () => {
  const status = JSON.parse(String((await run(['sandbox', 'status', '--json'])).stdout)) as typeof paths;
  paths = { adminConfig: status.adminConfig, caCert: status.caCert, caKey: status.caKey };
  writeFileSync(join(dir, 'roster.csv'), `client_id,name,email\n${ids.map((id, i) => `${id},Student ${i},s${i}@example.org`).join('\n')}\n`);
  created = await run(['class', 'create', 'roster.csv', '--out', 'class', '--ca-cert', paths.caCert, '--ca-key', paths.caKey, '--admin-config', paths.adminConfig]);
}, 120_000);

afterAll(async () => {
  // The shared sandbox persists: leave none of these students able to do anything.
  await run(['class', 'revoke', ...ids, '--admin-config', paths.adminConfig]);
}, 60_000);

describe('kafka-tutor class on the sandbox', () => {
  it('writes a folder and a zip per student, secrets 0600 in 0700 folders, and no CA key', () => {
    expect(created.stderr).toBe('');
    expect(created.exitCode).toBe(0);
    expect(created.stdout).toContain('5 new students, 0 kept; 5 topics created');
    expect(statSync(out).mode & 0o777).toBe(0o700);
    for (const id of ids) {
      expect(readdirSync(join(out, id)).sort()).toEqual(['ca.crt', 'kafka.keystore.pkcs12', 'password.txt']);
      expect(statSync(join(out, id)).mode & 0o777).toBe(0o700);
      for (const secret of ['kafka.keystore.pkcs12', 'password.txt', '../' + id + '.zip']) expect(statSync(join(out, id, secret)).mode & 0o777).toBe(0o600);
    }
    const caKey = readFileSync(paths.caKey, 'utf8').split('\n').slice(1, 4).join('\n');
    const everything = readdirSync(out, { recursive: true }).map(String).filter((f) => statSync(join(out, f)).isFile()).map((f) => readFileSync(join(out, f), 'latin1'));
    expect(everything.some((text) => text.includes('PRIVATE KEY') || text.includes(caKey))).toBe(false);
    expect(readFileSync(join(out, 'roster.csv'), 'utf8')).toContain(`${ids[0]},${ids[0]},Student 0,s0@example.org`);
  });

  it('writes keystores that OpenSSL 3 opens without -legacy, and zips that unzip to the course layout', () => {
    const env = { ...process.env, PW: readFileSync(join(out, ids[0]!, 'password.txt'), 'utf8').trim() };
    expect(() => execFileSync('openssl', ['pkcs12', '-in', join(out, ids[0]!, 'kafka.keystore.pkcs12'), '-noout', '-passin', 'env:PW'], { env, stdio: 'pipe' })).not.toThrow();
    const listing = execFileSync('unzip', ['-Z', '-l', join(out, `${ids[0]}.zip`)], { encoding: 'utf8' });
    expect(listing).toMatch(new RegExp(`-rw-------.*${ids[0]}/kafka\\.keystore\\.pkcs12`));
    expect(listing).toContain(`${ids[0]}/password.txt`);
  });

  it('gives folders that pass doctor, and the whole check', async () => {
    // One at a time, with time to spare: a loaded CI machine is slow, not wrong.
    for (const id of ids) {
      const doctor = await run(['doctor', '--auth', join(out, id), '--timeout', '15']);
      expect(doctor.exitCode, `${id}: ${doctor.stdout}`).toBe(0);
    }
    const check = await run(['check', '--auth', join(out, ids[0]!)]);
    expect(check.exitCode, String(check.stdout)).toBe(0);
    expect(check.stdout).toMatch(/Points (\d+)\/\1/);
  }, 120_000);

  it("keeps one student out of another's topic on the real broker", async () => {
    const { bootstrap } = await sandboxState();
    const [mine, theirs] = [ids[1]!, ids[2]!];
    const keystore = await loadKeystore(join(out, mine, 'kafka.keystore.pkcs12'), readFileSync(join(out, mine, 'password.txt'), 'utf8').trim());
    const tls = { ca: readFileSync(join(out, mine, 'ca.crt'), 'utf8'), key: keystore.keyPem, cert: keystore.certPem };
    const consumer = new Kafka(kafkaConfig({ brokers: bootstrap.split(','), verifyHostname: true }, { clientId: mine, tls }, { retries: 0 })).consumer({ groupId: `${mine}-peek` });
    await consumer.connect();
    try {
      await expect(consumer.subscribe({ topics: [theirs], fromBeginning: true })).rejects.toThrow(/authorized/i);
      await expect(consumer.subscribe({ topics: [mine], fromBeginning: true })).resolves.toBeUndefined();
    } finally {
      await consumer.disconnect();
    }
  });

  it('re-running keeps every keystore and adds only a new student', async () => {
    const before = readFileSync(join(out, ids[0]!, 'kafka.keystore.pkcs12'));
    const extra = `stu-${suffix}-f`;
    ids.push(extra);
    writeFileSync(join(dir, 'more.csv'), `${ids.join('\n')}\n`);
    const again = await run(['class', 'create', 'more.csv', '--out', 'class', '--ca-cert', paths.caCert, '--ca-key', paths.caKey, '--admin-config', paths.adminConfig]);
    expect(again.stdout).toContain('1 new student, 5 kept; 1 topic created');
    expect(readFileSync(join(out, ids[0]!, 'kafka.keystore.pkcs12')).equals(before)).toBe(true);
    expect(readFileSync(join(out, 'roster.csv'), 'utf8')).toContain(`${ids[0]},${ids[0]},Student 0`);
  });

  it("revoke makes the student's next check fail at the access step, and says the certificate stays valid", async () => {
    const revoked = await run(['class', 'revoke', ids[3]!, '--admin-config', paths.adminConfig]);
    expect(revoked.exitCode).toBe(0);
    expect(revoked.stdout).toContain(`removed 8 ACLs of User:${ids[3]}`);
    expect(revoked.stdout).toContain('certificates stay valid');
    const list = JSON.parse(String((await run(['class', 'list', '--admin-config', paths.adminConfig, '--json'])).stdout)) as { clientId: string; topicExists: boolean }[];
    expect(list.find((e) => e.clientId === ids[4])).toMatchObject({ topicExists: true });
    expect(list.find((e) => e.clientId === ids[3])).toBeUndefined();
    const check = await run(['check', '--auth', join(out, ids[3]!), '--lesson', 'credentials']);
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toMatch(/✖ FAIL\s+access/);
    expect(check.stdout).toContain(`Kafka refused ${ids[3]} access to topic ${ids[3]}`);
  }, 60_000);

  it('grades <out>/roster.csv into an HTML page where every student is visible', async () => {
    const graded = await run(['grade', join(out, 'roster.csv'), '--out', join(dir, 'grades'), '--lesson', 'credentials', '--html', 'report.html']);
    expect(graded.exitCode).toBe(1);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    const browser = await openPage(join(dir, 'report.html'));
    try {
      for (const id of ids) expect(await browser.page.getByRole('rowheader', { name: id, exact: true }).isVisible(), id).toBe(true);
      expect(await browser.page.locator(`tr.student[data-client-id="${ids[3]}"] td.total`).innerText()).toBe('FAIL 3/4');
      expect(browser.requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
