import { homedir } from 'node:os';
import type { ClusterProfile, ValueSource } from '../profile/types.js';
import type { DoctorInput } from './types.js';

function sourceWords(source: ValueSource | undefined, profile: ClusterProfile): string {
  switch (source) {
    case 'flag': return '--bootstrap';
    case 'env': return 'KAFKA_TUTOR_BOOTSTRAP';
    case 'config': return `bootstrap.servers in ${profile.configFile ?? 'the config file'}`;
    case 'sandbox': return 'the running sandbox';
    default: return 'your settings';
  }
}

/**
 * The doctor's plain input from a resolved cluster profile (flags, env,
 * config file, sandbox), so that the checks need not know the profile module.
 *
 * @example
 *   const input = doctorInputFrom(await resolveProfile(flags), { timeoutMs: 5000 });
 */
export function doctorInputFrom(profile: ClusterProfile, options: { timeoutMs: number; cwd?: string; home?: string }): DoctorInput {
  const passwordSource = profile.sources.password;
  const clientIdSource = profile.sources.clientId;
  return {
    authDir: profile.authDir,
    caPath: profile.caPath,
    keystorePath: profile.keystorePath,
    brokers: profile.brokers,
    brokersSource: sourceWords(profile.sources.brokers, profile),
    password: profile.password && (passwordSource === 'env' || passwordSource === 'config') ? { value: profile.password, source: passwordSource } : undefined,
    clientId: profile.clientId,
    clientIdSource: clientIdSource === 'flag' || clientIdSource === 'env' || clientIdSource === 'config' ? clientIdSource : undefined,
    configFile: profile.configFile,
    verifyHostname: profile.verifyHostname,
    securityProtocol: profile.securityProtocol,
    timeoutMs: options.timeoutMs,
    cwd: options.cwd ?? process.cwd(),
    home: options.home ?? homedir(),
  };
}
