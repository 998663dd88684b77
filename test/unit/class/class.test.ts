/**
 * The instructor kit's pure parts: the class roster, the course CA (encrypted or not),
 * the admin properties file, the ACL words, and a keystore that OpenSSL 3 opens.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAcl, studentAcls } from '../../../src/class/acls.js';
import { CA_KEY_PASSWORD_ENV, loadCourseCa } from '../../../src/class/ca.js';
import { writeStudentFolder } from '../../../src/class/folder.js';
import { classEntries } from '../../../src/class/list.js';
import { parseClassRoster } from '../../../src/class/roster.js';
import { createCa } from '../../../src/credentials/pki.js';
import { UserError } from '../../../src/errors.js';
import { adminConfigFromProperties } from '../../../src/kafka/admin-config.js';

const dir = mkdtempSync(join(tmpdir(), 'kt-class-unit-'));
const ca = createCa({ commonName: 'Course CA' });
writeFileSync(join(dir, 'ca.crt'), ca.cert);
writeFileSync(join(dir, 'ca.key'), ca.key);

describe('class roster', () => {
  it('reads client_id[,name,email] with or without a header', () => {
    expect(parseClassRoster('client_id,name,email\nclient45,"Lovelace, Ada",ada@example.org\nclient46\n', 'r.csv')).toEqual([
      { clientId: 'client45', name: 'Lovelace, Ada', email: 'ada@example.org' },
      { clientId: 'client46' },
    ]);
    expect(parseClassRoster('client7,Alan\n', 'r.csv')).toEqual([{ clientId: 'client7', name: 'Alan' }]);
  });

  it('names the line of a bad or repeated client id', () => {
    expect(() => parseClassRoster('client_id\nclient 4\n', 'r.csv')).toThrow('Line 2 of r.csv has the client id "client 4"');
    expect(() => parseClassRoster('a1\nb2\na1\n', 'r.csv')).toThrow('The client id a1 appears twice in r.csv (again on line 3)');
    expect(() => parseClassRoster('client_id\n', 'r.csv')).toThrow('lists no student');
  });
});

describe('course CA', () => {
  it('opens a plain key, and an encrypted one with the password from the environment only', async () => {
    expect((await loadCourseCa(join(dir, 'ca.crt'), join(dir, 'ca.key'))).cert).toBe(ca.cert);
    const { createPrivateKey } = await import('node:crypto');
    const locked = createPrivateKey(ca.key).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'ca-secret' }).toString();
    writeFileSync(join(dir, 'ca-locked.key'), locked);
    const opened = await loadCourseCa(join(dir, 'ca.crt'), join(dir, 'ca-locked.key'), { env: { [CA_KEY_PASSWORD_ENV]: 'ca-secret' } });
    expect(opened.key).toContain('BEGIN PRIVATE KEY');
    await expect(loadCourseCa(join(dir, 'ca.crt'), join(dir, 'ca-locked.key'), { env: {} })).rejects.toThrow('is encrypted, and no password was given');
    await expect(loadCourseCa(join(dir, 'ca.crt'), join(dir, 'ca-locked.key'), { env: { [CA_KEY_PASSWORD_ENV]: 'nope' } })).rejects.toThrow('The password for the CA key');
    const asked: string[] = [];
    await loadCourseCa(join(dir, 'ca.crt'), join(dir, 'ca-locked.key'), { env: {}, ask: async (path) => (asked.push(path), 'ca-secret') });
    expect(asked).toEqual([join(dir, 'ca-locked.key')]);
  });

  it("refuses a key that is not the CA's, and a certificate that is not a CA", async () => {
    const other = createCa({ commonName: 'Other' });
    writeFileSync(join(dir, 'other.key'), other.key);
    await expect(loadCourseCa(join(dir, 'ca.crt'), join(dir, 'other.key'))).rejects.toThrow('does not belong to the CA certificate');
    await expect(loadCourseCa(join(dir, 'missing.crt'), join(dir, 'ca.key'))).rejects.toBeInstanceOf(UserError);
  });
});

describe('student folder', () => {
  it('writes a keystore OpenSSL 3 opens (no -legacy), secrets 0600 in a 0700 folder', async () => {
    const folder = join(dir, 'client45');
    await writeStudentFolder(folder, { clientId: 'client45', ca, password: 'pw-for-test-1' });
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, 'kafka.keystore.pkcs12')).mode & 0o777).toBe(0o600);
    expect(statSync(join(folder, 'password.txt')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(folder, 'ca.crt'), 'utf8')).toBe(ca.cert);
    const subject = execFileSync('openssl', ['pkcs12', '-in', join(folder, 'kafka.keystore.pkcs12'), '-nokeys', '-clcerts', '-passin', 'env:PW'], { env: { ...process.env, PW: 'pw-for-test-1' }, encoding: 'utf8' });
    expect(subject).toMatch(/subject=CN ?= ?client45/);
  });
});

describe('admin config', () => {
  it('reads PEM settings relative to the file', async () => {
    const admin = createCa({ commonName: 'admin' });
    writeFileSync(join(dir, 'admin.crt'), admin.cert);
    writeFileSync(join(dir, 'admin.key'), admin.key);
    writeFileSync(join(dir, 'admin.properties'), 'bootstrap.servers=127.0.0.1:1, 127.0.0.1:2\nsecurity.protocol=SSL\nssl.ca.location=ca.crt\nssl.certificate.location=admin.crt\nssl.key.location=admin.key\n');
    const config = await adminConfigFromProperties(join(dir, 'admin.properties'));
    expect(config.brokers).toEqual(['127.0.0.1:1', '127.0.0.1:2']);
    expect(config.ssl).toMatchObject({ ca: [ca.cert], cert: admin.cert, rejectUnauthorized: true });
  });

  it('says what is missing', async () => {
    writeFileSync(join(dir, 'empty.properties'), 'security.protocol=SSL\n');
    await expect(adminConfigFromProperties(join(dir, 'empty.properties'))).rejects.toThrow('gives no bootstrap.servers');
    writeFileSync(join(dir, 'noid.properties'), 'bootstrap.servers=127.0.0.1:1\nssl.ca.location=ca.crt\n');
    await expect(adminConfigFromProperties(join(dir, 'noid.properties'))).rejects.toThrow('the admin has no identity');
    await expect(adminConfigFromProperties(join(dir, 'nope.properties'))).rejects.toMatchObject({ message: expect.stringContaining('cannot be read'), fix: expect.stringContaining('--admin-config') });
  });
});

describe('ACLs', () => {
  it('confine a student to their topic and groups, in words an instructor reads', () => {
    const acls = studentAcls({ clientId: 'client5', topic: 'client5' });
    expect(acls.map(describeAcl)).toEqual([
      'read topic client5', 'write topic client5', 'describe topic client5',
      'read group client5*', 'describe group client5*', 'delete group client5*',
      'read group simple_consumer', 'describe group simple_consumer',
    ]);
    const entries = classEntries([...acls, ...studentAcls({ clientId: 'client10', topic: 'client10' }), { ...acls[0]!, principal: 'Group:x' }], new Set(['client5']));
    expect(entries.map((e) => [e.clientId, e.topic, e.topicExists, e.acls.length])).toEqual([['client5', 'client5', true, 8], ['client10', 'client10', false, 8]]);
  });
});
