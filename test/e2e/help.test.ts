import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/kafka-tutor.js', import.meta.url));
const forbid = fileURLToPath(new URL('../fixtures/forbid-heavy-imports.mjs', import.meta.url));

async function runLight(args: string[]) {
  return execa('node', ['--import', forbid, bin, ...args], { reject: false, env: { NO_COLOR: '1' } });
}

describe('kafka-tutor --help and --version (the built bin)', () => {
  it('prints usage without loading kafkajs, the prompt library or execa', async () => {
    const result = await runLight(['--help']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: kafka-tutor');
    for (const command of ['start', 'check', 'doctor', 'sandbox', 'config']) expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('prints the package version', async () => {
    const result = await runLight(['--version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('the hook really catches a heavy import', async () => {
    // Guards the tests above: without this, a broken hook would let them pass.
    const result = await execa('node', ['--import', forbid, '--input-type=module', '-e', "await import('kafkajs')"], { reject: false });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('heavy import on a light path: kafkajs');
    // The built program reads kafkajs from its bundle (dist/vendor/): a command that needs it is caught too.
    const built = await execa('node', ['--import', forbid, bin, 'inspect', '--bootstrap', 'broker.invalid:9093', '--auth', 'nowhere'], { reject: false, env: { NO_COLOR: '1' } });
    expect(built.exitCode).not.toBe(0);
    expect(built.stderr + built.stdout).toMatch(/heavy import on a light path: \S*dist\/vendor\/(kafkajs|node-forge)\.cjs/);
  });
});
