import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { loadKeystore } from '../credentials/keystore.js';
import { Secret } from './secret.js';
import type { ClusterProfile, Credentials } from './types.js';

/** The file an instructor (or the sandbox) hands out beside the keystore. */
export const PASSWORD_FILE = 'password.txt';

export interface OpenOptions {
  /** Asks for the password with a hidden prompt; absent when not interactive. */
  askPassword?: (keystorePath: string) => Promise<string>;
}

async function readPasswordFile(keystorePath: string): Promise<string | undefined> {
  try {
    return (await readFile(join(dirname(keystorePath), PASSWORD_FILE), 'utf8')).replace(/^\uFEFF/, '').trim();
  } catch {
    return undefined;
  }
}

/**
 * Finds the keystore password: KAFKA_TUTOR_PASSWORD or the config file (already
 * in the profile), then password.txt beside the keystore, then a hidden prompt.
 * Never argv: a command line is visible to every user in `ps`.
 */
export async function resolvePassword(profile: ClusterProfile, options: OpenOptions = {}): Promise<Secret> {
  if (profile.password) return profile.password;
  const fromFile = await readPasswordFile(profile.keystorePath);
  if (fromFile !== undefined && fromFile !== '') {
    profile.sources.password = 'password-file';
    return new Secret(fromFile);
  }
  if (options.askPassword) {
    profile.sources.password = 'prompt';
    return new Secret(await options.askPassword(profile.keystorePath));
  }
  throw new UserError(`No password is known for the keystore ${profile.keystorePath}.`, {
    fix: `export KAFKA_TUTOR_PASSWORD=…  (or put it in ${join(dirname(profile.keystorePath), PASSWORD_FILE)}, or ssl.keystore.password in kafka-tutor.properties)`,
    code: 'password-missing',
    exitCode: 2,
  });
}

/**
 * Opens the credentials a profile points at: the CA and the keystore, whose
 * certificate's CN is the client id unless one was configured.
 *
 * @example
 *   const credentials = await openCredentials(profile);
 *   credentials.topic // 'client45'
 */
export async function openCredentials(profile: ClusterProfile, options: OpenOptions = {}): Promise<Credentials> {
  if (profile.securityProtocol === 'PLAINTEXT') {
    const clientId = profile.clientId ?? 'kafka-tutor';
    return { clientId, topic: clientId, tls: undefined, notes: [] };
  }
  let ca: string;
  try {
    ca = (await readFile(profile.caPath, 'utf8')).replace(/^\uFEFF/, '');
  } catch {
    throw new UserError(`The CA certificate ${profile.caPath} cannot be read.`, {
      fix: 'kafka-tutor doctor   (it finds what is wrong with your credentials folder and says how to fix it)',
      code: 'ca-missing',
      exitCode: 2,
    });
  }
  const password = await resolvePassword(profile, options);
  const keystore = await loadKeystore(profile.keystorePath, password.reveal());
  const clientId = profile.clientId ?? keystore.commonName;
  if (profile.clientId === undefined) profile.sources.clientId = 'certificate';
  if (!clientId) {
    throw new UserError(`The certificate in ${profile.keystorePath} has no common name (CN), so kafka-tutor cannot tell your client id.`, {
      fix: 'Pass it explicitly: --client-id clientNN',
      code: 'client-id-missing',
      exitCode: 2,
    });
  }
  const notes = keystore.legacy
    ? [`${profile.keystorePath} uses old encryption (RC2/3DES) that Node's OpenSSL 3 refuses; kafka-tutor opened it itself, so it works.`]
    : [];
  return { clientId, topic: clientId, tls: { ca, key: keystore.keyPem, cert: keystore.certPem }, notes };
}
