/**
 * Bad configuration and a cluster that is not there, as a user meets them (the built
 * bin): one sentence and the fix, and the exit codes `check --help` promises
 * (0 pass, 1 student failure, 2 could not run). No broker is needed: nothing here gets
 * that far. "Nothing listening" is a loopback port we opened and closed; an unknown
 * host is a name under .invalid.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/types.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;
const cwd = mkdtempSync(join(tmpdir(), 'kt-clear-'));
const cleanEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_'))), NO_COLOR: '1' };
const run = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [BIN, ...args], { cwd, env: { ...cleanEnv, ...env }, extendEnv: false, reject: false, stdin: 'ignore' });
let closedPort: number;

beforeAll(async () => {
  // A loopback port that was free a moment ago: nothing listens there.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  mkdirSync(join(cwd, 'auth'));
  writeFileSync(join(cwd, 'roster.csv'), 'client_id,credentials\nclient1,auth\n');
});

describe('a --bootstrap that is not host:port', () => {
  const sentence = '":::" (from --bootstrap) is not a host:port address, so kafka-tutor cannot connect to it.';

  it.each([['consume', 'client1'], ['produce', 'client1'], ['inspect'], ['doctor'], ['config'], ['grade', 'roster.csv']])('is refused by %s as bad configuration (exit 2)', async (...args) => {
    const result = await run([...args, '--bootstrap', ':::']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(sentence);
    expect(result.stderr).toContain('Fix: Write brokers as host:port,host:port');
    expect(result.stderr).not.toContain('Nothing is listening');
  });

  it('is refused by check: status error, exit 2, no test scored', async () => {
    const result = await run(['check', '--json', '--bootstrap', ':::', '--auth', 'auth']);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(result.exitCode).toBe(2);
    expect(report).toMatchObject({ status: 'error', tests: [], points: 0, error: { code: 'broker-address-invalid', message: sentence } });
  });
});

describe('a cluster that cannot be reached', () => {
  it('makes check exit 2, saying the cluster could not be reached, with nobody failed', async () => {
    const result = await run(['check', '--bootstrap', `127.0.0.1:${closedPort}`, '--auth', 'auth']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain(`The check could not run: The cluster at 127.0.0.1:${closedPort} could not be reached (nothing accepts connections there), so nothing was checked.`);
    expect(result.stdout).toContain(`Fix: Check the port in --bootstrap; try: nc -vz 127.0.0.1 ${closedPort}`);
    expect(result.stdout).not.toMatch(/FAIL/);
  });

  it('makes check --json exit 2 for a host name that does not resolve', async () => {
    const result = await run(['check', '--json', '--bootstrap', 'kafka.invalid:9093', '--auth', 'auth']);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(result.exitCode).toBe(2);
    expect(report).toMatchObject({ status: 'error', tests: [], error: { code: 'cluster-unreachable', message: 'The cluster at kafka.invalid:9093 could not be reached (the host name kafka.invalid does not resolve to an address), so nothing was checked.' } });
  });

  it.each([[() => `127.0.0.1:${closedPort}`, 'nothing accepts connections there'], [() => 'kafka.invalid:9093', 'the host name kafka.invalid does not resolve to an address']])(
    'makes grade exit 2 before checking anyone, and write no grades (%#)',
    async (bootstrap, reason) => {
      const out = join(cwd, `grades-${Math.random().toString(36).slice(2)}`);
      const result = await run(['grade', 'roster.csv', '--out', out, '--bootstrap', bootstrap()]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(`The cluster at ${bootstrap()} could not be reached (${reason}), so nothing was checked.`);
      expect(existsSync(join(out, 'grades.csv'))).toBe(false);
    },
  );
});

describe('files and folders that are not what they should be', () => {
  it('refuses a binary --config file in one sentence, without printing its bytes', async () => {
    const binary = join(cwd, 'keystore-by-mistake.properties');
    writeFileSync(binary, Buffer.from([0x30, 0x82, 0x0d, 0x7a, 0x02, 0x01, 0x03, 0x30, 0x82, 0x0d, 0x40, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x3d, 0x3d, 0x0a, 0x00, 0xff]));
    for (const args of [['config'], ['consume', 'client1'], ['check', '--json']]) {
      const result = await run([...args, '--config', binary]);
      expect(result.exitCode).toBe(2);
      const said = `${result.stdout}${result.stderr}`;
      expect(said).toContain(`The config file ${binary} is not a text file (it holds binary data, e.g. a keystore), so it cannot be a properties file.`);
      // Only printable text: not one byte of the file.
      expect(said).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f-\u00ff\ufffd]/);
      expect(said).not.toContain('ignores');
    }
  });

  it('says in one sentence that KAFKA_TUTOR_HOME is a file, not "This is a bug"', async () => {
    const file = join(cwd, 'home-is-a-file');
    writeFileSync(file, 'notes\n');
    for (const [args, home] of [[['reset', '--all', '--yes'], file], [['lessons'], file], [['reset', '--all', '--yes'], join(file, 'inside')]] as const) {
      const result = await run([...args], { KAFKA_TUTOR_HOME: home });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^KAFKA_TUTOR_HOME is set to ${home}(, which is a file|, inside the file ${file}); kafka-tutor keeps your progress in a folder there\\.\\n  Fix: export KAFKA_TUTOR_HOME=~/.kafka-tutor`));
      expect(result.stderr).not.toContain('This is a bug');
    }
  });
});
