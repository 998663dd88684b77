import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePassword } from '../../../src/credentials/password.js';
import { Secret } from '../../../src/profile/secret.js';
import { tempDir } from './fixtures.js';

describe('resolvePassword', () => {
  it('prefers the explicit value, then password.txt, then the prompt', async () => {
    const dir = tempDir();
    const keystorePath = join(dir, 'kafka.keystore.pkcs12');
    writeFileSync(join(dir, 'password.txt'), '\uFEFFfrom-file\r\n');
    const asked: string[] = [];
    const ask = async (path: string) => (asked.push(path), 'typed');

    const explicit = await resolvePassword({ keystorePath, explicit: { value: new Secret('from-env'), source: 'env' }, ask });
    expect([explicit.password.reveal(), explicit.source]).toEqual(['from-env', 'env']);

    const file = await resolvePassword({ keystorePath, ask });
    expect([file.password.reveal(), file.source]).toEqual(['from-file', 'password-file']);

    rmSync(join(dir, 'password.txt'));
    const prompted = await resolvePassword({ keystorePath, ask });
    expect([prompted.password.reveal(), prompted.source]).toEqual(['typed', 'prompt']);
    expect(asked).toEqual([keystorePath]);
  });

  it('says how to give the password when nothing gives one, without a prompt', async () => {
    const dir = tempDir();
    const error = await resolvePassword({ keystorePath: join(dir, 'kafka.keystore.pkcs12'), cwd: dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'password-missing',
      message: 'No password for kafka.keystore.pkcs12 was given, and there is no password.txt beside it.',
      fix: expect.stringContaining('read -rs KAFKA_TUTOR_PASSWORD'),
    });
  });

  it('never shows the password when the result is printed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'password.txt'), 'hunter2');
    const result = await resolvePassword({ keystorePath: join(dir, 'kafka.keystore.pkcs12') });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(`${result.password}`).not.toContain('hunter2');
  });
});
