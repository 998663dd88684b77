/**
 * The built kafka-tutor loads kafkajs and node-forge from one bundled file each, compiled
 * with V8's code cache (src/vendor.ts). On the real sandbox: the first run saves the cache,
 * private to the user; a cache that is garbage (another Node, a broken disk) is refused by
 * V8 and made again, and the command answers the same either way.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { sandboxState } from '../support/sandbox.js';
import { vmWithStudent } from '../integration/doctor.fixtures.js';

const BIN = new URL('../../bin/kafka-tutor.js', import.meta.url).pathname;

describe('the bundled libraries and their code cache', () => {
  it('are saved on the first run, private, and a garbage cache is refused and saved again, with the same answer', async () => {
    const vm = await vmWithStudent('client2');
    const { bootstrap } = await sandboxState();
    const cache = mkdtempSync(join(tmpdir(), 'kt-v8-cache-'));
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAFKA_TUTOR_'))), KAFKA_TUTOR_CACHE: cache, NO_COLOR: '1' };
    const doctor = () => execa(process.execPath, [BIN, 'doctor', '--json', '--auth', vm.authDir, '--bootstrap', bootstrap], { env, extendEnv: false, reject: false });
    const statuses = (stdout: string) => (JSON.parse(stdout) as { checks: { id: string; status: string }[] }).checks.map((c) => `${c.id}:${c.status}`);

    const first = await doctor();
    expect(first.exitCode).toBe(0);
    const v8 = join(cache, 'v8');
    const files = readdirSync(v8).sort();
    expect(files).toEqual([expect.stringMatching(/^kafkajs-[0-9a-f]{16}\.bin$/), expect.stringMatching(/^node-forge-[0-9a-f]{16}\.bin$/)]);
    for (const file of files) expect(statSync(join(v8, file)).mode & 0o077).toBe(0);
    expect(statSync(v8).mode & 0o077).toBe(0);

    for (const file of files) writeFileSync(join(v8, file), 'not a code cache');
    const second = await doctor();
    expect(second.exitCode).toBe(0);
    expect(statuses(second.stdout)).toEqual(statuses(first.stdout));
    for (const file of files) expect(readFileSync(join(v8, file)).length).toBeGreaterThan(1000);
  });
});
