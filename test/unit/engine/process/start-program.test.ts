import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN_PATH, profileEnv } from '../../../../src/engine/process/start-program.js';
import { resolveProfile } from '../../../../src/profile/resolve.js';
import { Secret } from '../../../../src/profile/secret.js';

describe('startProgram helpers', () => {
  it('finds the bin shim from the module location', () => {
    expect(BIN_PATH.endsWith('/bin/kafka-tutor.js')).toBe(true);
    expect(existsSync(BIN_PATH)).toBe(true);
  });

  it('hands a child the same profile through the environment, password included', async () => {
    const profile = await resolveProfile({ bootstrap: '127.0.0.1:19093', auth: '/tmp/auth', clientId: 'client5' }, { env: {}, cwd: '/tmp' });
    expect(profileEnv(profile, new Secret('s3cret'))).toEqual({
      KAFKA_TUTOR_BOOTSTRAP: '127.0.0.1:19093',
      KAFKA_TUTOR_AUTH: '/tmp/auth',
      KAFKA_TUTOR_CLIENT_ID: 'client5',
      KAFKA_TUTOR_PASSWORD: 's3cret',
    });
  });
});
