/**
 * The sandbox's admin connection as a librdkafka-style properties file, so that
 * `kafka-tutor class … --admin-config` reaches the sandbox exactly as any course cluster.
 */
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { sandboxPaths } from './paths.js';
import type { SandboxState } from './state.js';

/**
 * The file's text: the admin identity (a super user) on the internal listener.
 *
 * @example
 *   renderAdminProperties(state).split('\n')[1] // 'bootstrap.servers=127.0.0.1:19094'
 */
export function renderAdminProperties(state: SandboxState): string {
  return [
    '# Written by kafka-tutor sandbox: its admin identity (a super user). Keep it private.',
    `bootstrap.servers=${state.internalBootstrap}`,
    'security.protocol=SSL',
    `ssl.ca.location=${state.caPath}`,
    `ssl.certificate.location=${state.admin.certPath}`,
    `ssl.key.location=${state.admin.keyPath}`,
    'ssl.endpoint.identification.algorithm=https',
    '',
  ].join('\n');
}

/**
 * Writes `pki/admin.properties` when missing or out of date (ports move with
 * KAFKA_TUTOR_SANDBOX_PORT) and returns its path.
 *
 * @example
 *   await ensureAdminProperties(state); // '/abs/.kafka-tutor/sandbox/pki/admin.properties'
 */
export async function ensureAdminProperties(state: SandboxState): Promise<string> {
  const path = sandboxPaths(state.dir).adminConfig;
  const text = renderAdminProperties(state);
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current !== text) await writeFileAtomic(path, text, { mode: 0o600 });
  return path;
}
