import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../../../../src/engine/process/child-env.js';

const parent = {
  PATH: '/usr/bin',
  HOME: '/home/ada',
  LANG: 'de_CH.UTF-8',
  LC_TIME: 'C',
  TZ: 'Europe/Zurich',
  NODE_OPTIONS: '--enable-source-maps',
  NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
  KAFKAJS_LOG_LEVEL: 'debug',
  KAFKA_TUTOR_HOME: '/home/ada/.kt',
  KAFKA_TUTOR_SANDBOX_PORT: '19193',
  KAFKA_TUTOR_PASSWORD: 'from-the-shell',
  KAFKA_TUTOR_AUTH: '/somewhere/else',
  AWS_SECRET_ACCESS_KEY: 'x',
  GITHUB_TOKEN: 'y',
  SSH_AUTH_SOCK: '/tmp/agent',
};

describe('childEnvironment', () => {
  it('passes where and how a child runs, and nothing else of the parent', () => {
    expect(childEnvironment({ KAFKA_TUTOR_BOOTSTRAP: '127.0.0.1:19093' }, { env: parent })).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/ada',
      LANG: 'de_CH.UTF-8',
      LC_TIME: 'C',
      TZ: 'Europe/Zurich',
      NODE_OPTIONS: '--enable-source-maps',
      KAFKAJS_LOG_LEVEL: 'debug',
      KAFKA_TUTOR_HOME: '/home/ada/.kt',
      KAFKA_TUTOR_SANDBOX_PORT: '19193',
      KAFKA_TUTOR_BOOTSTRAP: '127.0.0.1:19093',
      KAFKA_TUTOR_PARENT_PID: String(process.pid),
    });
  });

  it('gives the password only when the caller hands it over', () => {
    expect(childEnvironment({}, { env: parent }).KAFKA_TUTOR_PASSWORD).toBeUndefined();
    expect(childEnvironment({ KAFKA_TUTOR_PASSWORD: 'p' }, { env: parent }).KAFKA_TUTOR_PASSWORD).toBe('p');
  });

  it("leaves out kafka-tutor's own settings when asked (grade's checks)", () => {
    const env = childEnvironment({}, { env: parent, tutorSettings: false });
    expect(Object.keys(env).filter((key) => key.startsWith('KAFKA_TUTOR_'))).toEqual(['KAFKA_TUTOR_PARENT_PID']);
  });
});
