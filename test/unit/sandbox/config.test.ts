import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderServerProperties } from '../../../src/sandbox/broker-config.js';
import { sandboxPaths } from '../../../src/sandbox/paths.js';
import { portsFor } from '../../../src/sandbox/ports.js';
import { parseJavaMajor } from '../../../src/sandbox/requirements.js';
import { studentAcls } from '../../../src/sandbox/students.js';

const parse = (text: string) => Object.fromEntries(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

describe('sandbox broker configuration', () => {
  // The default ports, whatever port the machine's own test sandbox runs on.
  beforeEach(() => vi.stubEnv('KAFKA_TUTOR_SANDBOX_PORT', ''));
  afterEach(() => vi.unstubAllEnvs());

  it('gives node N the ports N9093-N9095 on loopback', () => {
    expect(portsFor(1)).toEqual({ sslPort: 19093, internalPort: 19094, controllerPort: 19095 });
    expect(portsFor(3)).toEqual({ sslPort: 39093, internalPort: 39094, controllerPort: 39095 });
  });

  it('moves every port with KAFKA_TUTOR_SANDBOX_PORT, and refuses a value that is not a port', () => {
    vi.stubEnv('KAFKA_TUTOR_SANDBOX_PORT', '19193');
    expect(portsFor(2)).toEqual({ sslPort: 29193, internalPort: 29194, controllerPort: 29195 });
    vi.stubEnv('KAFKA_TUTOR_SANDBOX_PORT', 'high');
    expect(() => portsFor(1)).toThrow('KAFKA_TUTOR_SANDBOX_PORT is "high", not a port between 1024 and 35530.');
  });

  it('writes the course security and three voters for three brokers', () => {
    const props = parse(renderServerProperties({ nodeId: 2, brokers: 3, paths: sandboxPaths('/tmp/sb'), keystorePassword: 'x' }));
    expect(props['controller.quorum.voters']).toBe('1@127.0.0.1:19095,2@127.0.0.1:29095,3@127.0.0.1:39095');
    expect(props.listeners).toBe('CLIENT://127.0.0.1:29093,INTERNAL://127.0.0.1:29094,CONTROLLER://127.0.0.1:29095');
    expect(props['ssl.client.auth']).toBe('required');
    expect(props['allow.everyone.if.no.acl.found']).toBe('false');
    expect(props['offsets.topic.replication.factor']).toBe('3');
    expect(props['ssl.principal.mapping.rules']).toBe('RULE:^CN=([^,]+).*$/$1/,DEFAULT');
  });
});

describe('java version parsing', () => {
  it('reads modern and 1.x version strings', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('bash: java: command not found')).toBeUndefined();
  });
});

describe('student ACLs', () => {
  it('cover the own topic, prefixed groups and the course group only', () => {
    const acls = studentAcls({ clientId: 'client5', topic: 'client5' });
    expect(new Set(acls.map((a) => `${a.resourceType}:${a.resourceName}:${a.resourcePatternType}`))).toEqual(new Set(['2:client5:3', '3:client5:4', '3:simple_consumer:3']));
    expect(acls.every((a) => a.principal === 'User:client5' && a.permissionType === 3)).toBe(true);
  });
});
