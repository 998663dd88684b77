import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { sandboxState } from '../support/sandbox.js';
import { vmWithStudent } from './doctor.fixtures.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('kafka-tutor doctor', () => {
  it('--json: exit 0 for a good folder, the checks as JSON, no password anywhere', async () => {
    const vm = await vmWithStudent('client2');
    const { bootstrap } = await sandboxState();
    const io = capture();
    const code = await main(['doctor', '--json', '--auth', vm.authDir, '--bootstrap', bootstrap]);
    vi.restoreAllMocks();
    const parsed = JSON.parse(io.out()) as { ok: boolean; checks: { id: string; status: string }[] };
    expect(code).toBe(0);
    expect(parsed.ok).toBe(true);
    expect(parsed.checks.map((c) => c.id)).toEqual(['auth-folder', 'ca-file', 'keystore-file', 'password', 'keystore', 'certificate', 'client-id', 'permissions', 'brokers', 'tls', 'topic', 'group']);
    const password = readFileSync(join(vm.authDir, 'password.txt'), 'utf8').trim();
    expect(io.out() + io.err()).not.toContain(password);
  });

  it('exit 1 with the checklist and the fix when the folder is not usable', async () => {
    const vm = await vmWithStudent('client2');
    const { bootstrap } = await sandboxState();
    const io = capture();
    const code = await main(['doctor', '--auth', join(vm.cwd, 'nope'), '--bootstrap', bootstrap]);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(io.out()).toContain('✖ Credentials folder');
    expect(io.out()).toContain(`    Fix: Copy your credentials folder from your laptop: scp -r -i <your-pem-file> ~/Downloads/<clientNN> ubuntu@<your-VM-IP>:${join(vm.cwd, 'nope')}`);
    expect(io.out()).toContain('○ CA certificate (ca.crt)');
  });

  it('refuses a bad --timeout with one sentence and the fix, exit 2', async () => {
    const io = capture();
    const code = await main(['doctor', '--timeout', 'soon', '--bootstrap', '127.0.0.1:19093']);
    vi.restoreAllMocks();
    expect(code).toBe(2);
    expect(io.err()).toBe('--timeout soon is not a number of seconds between 0 and 600.\n  Fix: kafka-tutor doctor --timeout 5\n');
  });
});
