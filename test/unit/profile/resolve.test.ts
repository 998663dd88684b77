import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { resolveProfile } from '../../../src/profile/resolve.js';
import { Secret } from '../../../src/profile/secret.js';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kt-profile-'));
}

describe('resolveProfile', () => {
  it('prefers flags over environment over the properties file over the sandbox', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'kafka-tutor.properties'), 'bootstrap.servers=127.0.0.1:3\nclient.id=from-file\n');
    const sandbox = { bootstrap: '127.0.0.1:4', studentDir: join(cwd, 'sb') };
    const env = { KAFKA_TUTOR_BOOTSTRAP: '127.0.0.1:2' };

    const byFlag = await resolveProfile({ bootstrap: '127.0.0.1:1' }, { cwd, env, sandbox });
    expect(byFlag.brokers).toEqual(['127.0.0.1:1']);
    expect(byFlag.sources.brokers).toBe('flag');

    const byEnv = await resolveProfile({}, { cwd, env, sandbox });
    expect(byEnv.brokers).toEqual(['127.0.0.1:2']);
    expect(byEnv.sources.brokers).toBe('env');

    const byFile = await resolveProfile({}, { cwd, env: {}, sandbox });
    expect(byFile.brokers).toEqual(['127.0.0.1:3']);
    expect(byFile.sources.brokers).toBe('config');
    expect(byFile.clientId).toBe('from-file');

    const empty = await tempDir();
    const bySandbox = await resolveProfile({}, { cwd: empty, env: {}, sandbox });
    expect(bySandbox.brokers).toEqual(['127.0.0.1:4']);
    expect(bySandbox.authDir).toBe(sandbox.studentDir);
    expect(bySandbox.sandbox).toBe(true);
  });

  it("reads the course's client settings unchanged and names unknown keys", async () => {
    const cwd = await tempDir();
    const file = join(cwd, 'course.properties');
    await writeFile(
      file,
      [
        '# the course producer settings',
        'bootstrap.servers=127.0.0.1:19093,127.0.0.1:29093',
        'security.protocol=SSL',
        'ssl.ca.location=./auth/ca.crt',
        'ssl.keystore.location=./auth/kafka.keystore.pkcs12',
        'ssl.keystore.password=cc2023',
        'ssl.endpoint.identification.algorithm=none',
        'group.id=simple_consumer',
      ].join('\n'),
    );
    const profile = await resolveProfile({ config: file }, { cwd, env: {} });
    expect(profile.brokers).toEqual(['127.0.0.1:19093', '127.0.0.1:29093']);
    expect(profile.keystorePath).toBe(join(cwd, 'auth', 'kafka.keystore.pkcs12'));
    expect(profile.caPath).toBe(join(cwd, 'auth', 'ca.crt'));
    expect(profile.verifyHostname).toBe(false);
    expect(profile.password?.reveal()).toBe('cc2023');
    expect(profile.warnings.join('\n')).toContain('"group.id"');
  });

  it('says which command to run when nothing is configured and no sandbox runs', async () => {
    const cwd = await tempDir();
    const attempt = resolveProfile({}, { cwd, env: {} });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toMatchObject({ code: 'no-cluster', fix: expect.stringContaining('kafka-tutor sandbox start') });
  });

  it('refuses a security protocol the course does not use, with the fix', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'kafka-tutor.properties'), 'bootstrap.servers=127.0.0.1:1\nsecurity.protocol=SASL_SSL\n');
    await expect(resolveProfile({}, { cwd, env: {} })).rejects.toMatchObject({ code: 'config-protocol' });
  });
});

describe('Secret', () => {
  it('never shows its value when printed, logged or serialised', () => {
    const secret = new Secret('hunter2');
    expect(`${secret}`).not.toContain('hunter2');
    expect(JSON.stringify({ secret })).not.toContain('hunter2');
    expect(inspect({ secret })).not.toContain('hunter2');
    expect(secret.reveal()).toBe('hunter2');
  });
});
