/**
 * Clear failures that need a sandbox student's real credentials and broker: an
 * unwritable --junit path keeps the --json report, and every command names the
 * password's source in the same words.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/types.js';
import { sandboxState, sandboxStudent } from '../support/sandbox.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;
const cwd = mkdtempSync(join(tmpdir(), 'kt-clear-int-'));
const cleanEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_'))), NO_COLOR: '1' };
const run = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [BIN, ...args], { cwd, env: { ...cleanEnv, ...env }, extendEnv: false, reject: false, stdin: 'ignore' });

describe('check --junit to a path that cannot be written', () => {
  it('still prints the whole --json report, then says why the JUnit file is missing (exit 2)', async () => {
    const { bootstrap } = await sandboxState();
    const student = await sandboxStudent('client2');
    const junit = join(cwd, 'no-such-folder', 'check.xml');
    const result = await run(['check', '--json', '--lesson', 'credentials', '--junit', junit, '--bootstrap', bootstrap, '--auth', student.dir]);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report).toMatchObject({ status: 'pass', client_id: 'client2' });
    expect(report.tests.map((t) => t.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(result.stderr).toContain(`The JUnit report cannot be written to ${junit} (ENOENT); the check's report was printed all the same.`);
    expect(result.exitCode).toBe(2);
  });
});

describe("the password's source", () => {
  it('is named the same way by produce, doctor, check and config', async () => {
    const { bootstrap } = await sandboxState();
    const student = await sandboxStudent('client3');
    const copy = join(cwd, 'client3');
    cpSync(student.dir, copy, { recursive: true });
    writeFileSync(join(copy, 'password.txt'), 'not-the-password\n');
    const common = ['--bootstrap', bootstrap, '--auth', copy];
    const fromEnv = { KAFKA_TUTOR_PASSWORD: 'also-wrong' };
    const envSentence = 'The password from KAFKA_TUTOR_PASSWORD does not open client3/kafka.keystore.pkcs12 (the keystore itself is intact).';
    const fileSentence = 'The password from client3/password.txt does not open client3/kafka.keystore.pkcs12 (the keystore itself is intact).';

    const produce = await run(['produce', 'client3', ...common], fromEnv);
    expect(produce.stderr).toContain(envSentence);
    expect((await run(['doctor', ...common], fromEnv)).stdout).toContain(envSentence);
    const check = JSON.parse((await run(['check', '--json', '--lesson', 'credentials', ...common], fromEnv)).stdout) as CheckReport;
    expect(check.tests.find((t) => t.check === 'keystore')?.message).toBe(envSentence);
    const config = await run(['config', ...common], fromEnv);
    expect(config.stdout).toMatch(/^ssl\.keystore\.password\s+\*{8}\s+\(KAFKA_TUTOR_PASSWORD\)$/m);
    expect(config.stderr).toContain(envSentence);

    expect((await run(['produce', 'client3', ...common])).stderr).toContain(fileSentence);
    expect((await run(['doctor', ...common])).stdout).toContain(fileSentence);
    expect((await run(['doctor', ...common])).stdout).toContain('A password comes from client3/password.txt.');
    expect((await run(['config', ...common])).stderr).toContain(fileSentence);
  });
});
