// kcat for bench/produce.mjs: installed from Debian's package when missing, and given a sandbox
// student's credentials as PEM files in a private temp folder (mode 600; the password never in argv).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKeystore, readPasswordFile } from '../dist/credentials/index.js';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** The path of kcat; installs Debian's `kcat` package (apt-get, as root) when it is missing, or exits with why not. */
export function ensureKcat() {
  if (has('kcat')) return 'kcat';
  console.log('kcat is missing: installing it from Debian (apt-get install -y kcat) …');
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'kcat'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  let result = install();
  if (result.status !== 0) {
    // A fresh machine may not know the package yet.
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    result = install();
  }
  if (result.status !== 0 || !has('kcat')) {
    console.error(`FAILED: could not install kcat with apt-get (${result.error?.message ?? `exit ${result.status}`}). This bench needs root and a Debian mirror; install kcat by hand (apt-get install kcat) and run it again.`);
    process.exit(2);
  }
  return 'kcat';
}

/** A kcat version line, e.g. 'kcat - Apache Kafka producer and consumer tool … Version 1.7.1 (… librdkafka 2.0.2 …)'. */
export function kcatVersion() {
  const out = spawnSync('kcat', ['-V'], { encoding: 'utf8' }).stdout ?? '';
  return out.split('\n').find((line) => /version/i.test(line))?.trim() ?? out.trim();
}

/**
 * A kcat `-F` config file for a sandbox student: key and certificate taken out of their PKCS12
 * keystore with kafka-tutor's own credential code, in a mode-700 folder; `dispose()` removes it.
 */
export async function kcatConfigFor(student, caPath) {
  const keystorePath = join(student.dir, 'kafka.keystore.pkcs12');
  const password = await readPasswordFile(keystorePath);
  if (!password) throw new Error(`No password.txt beside ${keystorePath}.`);
  const keystore = await loadKeystore(keystorePath, password);
  const dir = await mkdtemp(join(tmpdir(), 'kafka-tutor-kcat-'));
  const file = (name, text) => writeFile(join(dir, name), text, { mode: 0o600 });
  await file('key.pem', keystore.keyPem);
  await file('cert.pem', keystore.certPem);
  await file(
    'kcat.conf',
    [
      'security.protocol=ssl',
      `ssl.ca.location=${caPath}`,
      `ssl.key.location=${join(dir, 'key.pem')}`,
      `ssl.certificate.location=${join(dir, 'cert.pem')}`,
      // As the course's producer.py: the sandbox certificate is still checked against ca.crt.
      'ssl.endpoint.identification.algorithm=none',
      '',
    ].join('\n'),
  );
  return { path: join(dir, 'kcat.conf'), dispose: () => rm(dir, { recursive: true, force: true }) };
}
