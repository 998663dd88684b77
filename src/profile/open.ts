import { loadCa, loadKeystore, passwordSourceWords, resolvePassword } from '../credentials/index.js';
import { UserError } from '../errors.js';
import type { ClusterProfile, Credentials } from './types.js';

export interface OpenOptions {
  /** Asks for the password with a hidden prompt; leave out when not interactive. */
  askPassword?: ((keystorePath: string) => Promise<string>) | undefined;
}

/**
 * Opens the credentials a profile points at: the CA and the keystore, whose
 * certificate's CN is the client id unless one was configured. The password
 * comes from the profile (env or config), then password.txt, then a prompt.
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
  const context = { clientId: profile.clientId };
  const ca = await loadCa(profile.caPath, context);
  const explicitSource = profile.sources.password;
  const { password, source } = await resolvePassword({
    ...context,
    keystorePath: profile.keystorePath,
    explicit: profile.password && (explicitSource === 'env' || explicitSource === 'config') ? { value: profile.password, source: explicitSource } : undefined,
    ask: options.askPassword,
  });
  profile.sources.password = source;
  const passwordSource = passwordSourceWords(source, { keystorePath: profile.keystorePath, configFile: profile.configFile });
  const keystore = await loadKeystore(profile.keystorePath, password, { ...context, passwordSource });
  const clientId = profile.clientId ?? keystore.commonName;
  if (!clientId) {
    throw new UserError(`The certificate in ${profile.keystorePath} has no common name (CN), so kafka-tutor cannot tell your client id.`, {
      fix: 'Pass it explicitly: --client-id clientNN',
      code: 'client-id-missing',
      exitCode: 2,
    });
  }
  if (profile.clientId === undefined) profile.sources.clientId = 'certificate';
  const notes = [
    ...ca.notes.map((note) => note.message),
    ...(keystore.legacy ? [`${profile.keystorePath} uses old encryption (${keystore.algorithms.join(', ')}) that Node's OpenSSL 3 refuses; kafka-tutor opened it itself, so it works.`] : []),
  ];
  return { clientId, topic: clientId, tls: { ca: ca.pem, key: keystore.keyPem, cert: keystore.certPem }, notes };
}
