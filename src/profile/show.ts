import { passwordSourceWords, type PasswordSource } from '../credentials/password.js';
import { describeError } from '../errors.js';
import { resolveProfile, sandboxDefaults, openCredentials } from './index.js';
import type { ClusterProfile, Credentials, ProfileFlags } from './types.js';

/** The profile as printed by `kafka-tutor config`: every value with its source, the password masked. */
export function describeProfile(profile: ClusterProfile, credentials?: Credentials): Record<string, { value: unknown; source: string }> {
  return {
    bootstrap: { value: profile.brokers.join(','), source: profile.sources.brokers },
    'security.protocol': { value: profile.securityProtocol, source: profile.sources.securityProtocol },
    auth: { value: profile.authDir, source: profile.sources.authDir },
    'ssl.ca.location': { value: profile.caPath, source: profile.sources.caPath },
    'ssl.keystore.location': { value: profile.keystorePath, source: profile.sources.keystorePath },
    'ssl.keystore.password': { value: profile.password === undefined && profile.sources.password === 'default' ? '(not found yet)' : '********', source: profile.sources.password },
    'client.id': { value: credentials?.clientId ?? profile.clientId ?? '(the CN of your certificate)', source: profile.sources.clientId },
    topic: { value: credentials?.topic ?? profile.clientId ?? '(your client id)', source: profile.sources.clientId },
    'ssl.endpoint.identification.algorithm': { value: profile.verifyHostname ? 'https' : 'none', source: profile.sources.verifyHostname },
  };
}

/** `kafka-tutor config`: resolve, try to open the keystore (for the client id), print. */
export async function showConfig(flags: ProfileFlags, options: { json: boolean }): Promise<number> {
  const profile = await resolveProfile(flags, { sandbox: await sandboxDefaults() });
  let credentials: Credentials | undefined;
  let problem: string | undefined;
  try {
    credentials = await openCredentials(profile);
  } catch (error) {
    problem = describeError(error).text;
  }
  const rows = describeProfile(profile, credentials);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ profile: rows, configFile: profile.configFile ?? null, warnings: profile.warnings, problem: problem ?? null }, null, 2)}\n`);
    return problem ? 1 : 0;
  }
  const width = Math.max(...Object.keys(rows).map((k) => k.length));
  if (profile.configFile) process.stdout.write(`config file: ${profile.configFile}\n`);
  // The password's source in the words every other message uses (JSON keeps the plain id).
  const passwordSource = profile.sources.password;
  const passwordWords = passwordSource === 'default' ? passwordSource : passwordSourceWords(passwordSource as PasswordSource, profile);
  for (const [key, { value, source }] of Object.entries(rows)) {
    process.stdout.write(`${key.padEnd(width)}  ${String(value)}  (${key === 'ssl.keystore.password' ? passwordWords : source})\n`);
  }
  for (const warning of profile.warnings) process.stderr.write(`warning: ${warning}\n`);
  for (const note of credentials?.notes ?? []) process.stdout.write(`note: ${note}\n`);
  if (problem) process.stderr.write(`\n${problem}\n`);
  return problem ? 1 : 0;
}
