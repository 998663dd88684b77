import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fillAuthFolder } from '../../../src/sandbox/auth-folder.js';
import type { SandboxStudent } from '../../../src/sandbox/state.js';

let root: string;
let student: SandboxStudent;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kafka-tutor-auth-'));
  const dir = join(root, 'students', 'client1');
  await mkdir(dir, { recursive: true });
  for (const name of ['ca.crt', 'kafka.keystore.pkcs12', 'password.txt']) await writeFile(join(dir, name), `sandbox ${name}`);
  student = { clientId: 'client1', topic: 'client1', dir, certPath: '', keyPath: '' };
});

describe('filling ./auth with the first student', () => {
  it('fills a missing auth folder with the three files', async () => {
    expect(await fillAuthFolder(student, root)).toBe(join(root, 'auth'));
    expect((await readdir(join(root, 'auth'))).sort()).toEqual(['ca.crt', 'kafka.keystore.pkcs12', 'password.txt']);
    expect(await readFile(join(root, 'auth', 'password.txt'), 'utf8')).toBe('sandbox password.txt');
  });

  it('treats a lone .gitkeep as empty', async () => {
    await mkdir(join(root, 'auth'));
    await writeFile(join(root, 'auth', '.gitkeep'), '');
    expect(await fillAuthFolder(student, root)).toBe(join(root, 'auth'));
    expect((await readdir(join(root, 'auth'))).sort()).toEqual(['.gitkeep', 'ca.crt', 'kafka.keystore.pkcs12', 'password.txt']);
  });

  it("never touches a student's own credentials", async () => {
    await mkdir(join(root, 'auth'));
    await writeFile(join(root, 'auth', 'kafka.keystore.pkcs12'), 'the real course keystore');
    expect(await fillAuthFolder(student, root)).toBeUndefined();
    expect(await readdir(join(root, 'auth'))).toEqual(['kafka.keystore.pkcs12']);
    expect(await readFile(join(root, 'auth', 'kafka.keystore.pkcs12'), 'utf8')).toBe('the real course keystore');
  });
});
