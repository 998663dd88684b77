import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { bootstrapSourceWords, parseBootstrap } from './brokers.js';
import { KNOWN_KEYS, readPropertiesFile, type PropertiesFile } from './properties.js';
import { Secret } from './secret.js';
import type { ClusterProfile, ProfileField, ProfileFlags, ValueSource } from './types.js';

export const CA_FILE = 'ca.crt';
export const KEYSTORE_FILE = 'kafka.keystore.pkcs12';
export const DEFAULT_CONFIG_FILE = 'kafka-tutor.properties';

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The running sandbox's bootstrap and first student's folder, when there is one. */
  sandbox?: { bootstrap: string; studentDir: string } | undefined;
}

type Candidate<T> = [T | undefined, ValueSource];

function pick<T>(field: ProfileField, sources: Partial<Record<ProfileField, ValueSource>>, ...candidates: Candidate<T>[]): T | undefined {
  for (const [value, source] of candidates) {
    if (value !== undefined && value !== '') {
      sources[field] = source;
      return value;
    }
  }
  return undefined;
}

function holdsKeystore(dir: string): boolean {
  try {
    return readdirSync(dir).includes(KEYSTORE_FILE);
  } catch {
    return false;
  }
}

/**
 * Resolves where and how to connect: flags, then environment, then the config
 * file, then the running sandbox. Opens no file but the config file.
 *
 * @example
 *   const profile = await resolveProfile({ bootstrap: '127.0.0.1:19093' }, { cwd: process.cwd() });
 *   profile.sources.brokers // 'flag'
 */
export async function resolveProfile(flags: ProfileFlags, options: ResolveOptions = {}): Promise<ClusterProfile> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const sources: Partial<Record<ProfileField, ValueSource>> = {};
  const warnings: string[] = [];

  const configPath = flags.config ?? env.KAFKA_TUTOR_CONFIG ?? (existsSync(join(cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  let file: PropertiesFile | undefined;
  if (configPath !== undefined) {
    file = await readPropertiesFile(resolve(cwd, configPath));
    if (file.unknownKeys.length > 0) {
      warnings.push(`${configPath}: kafka-tutor ignores ${file.unknownKeys.map((k) => `"${k}"`).join(', ')} (it reads ${KNOWN_KEYS.join(', ')}).`);
    }
  }
  const fromFile = file?.values ?? {};
  // Paths in a config file are relative to the directory the course's programs run in: the working directory.
  const keystoreFromFile = fromFile['ssl.keystore.location'];
  const authFromFile = keystoreFromFile === undefined ? undefined : dirname(resolve(cwd, keystoreFromFile));

  const bootstrap = pick<string>('brokers', sources, [flags.bootstrap, 'flag'], [env.KAFKA_TUTOR_BOOTSTRAP, 'env'], [fromFile['bootstrap.servers'], 'config'], [options.sandbox?.bootstrap, 'sandbox']);
  if (bootstrap === undefined) {
    throw new UserError('No Kafka cluster is configured, and the local sandbox is not running.', {
      fix: 'kafka-tutor sandbox start   (or point at a cluster: --bootstrap host:port --auth <folder>, see kafka-tutor config --help)',
      code: 'no-cluster',
      exitCode: 2,
    });
  }
  const brokers = parseBootstrap(bootstrap, bootstrapSourceWords(sources.brokers, configPath));

  const localAuth = join(cwd, 'auth');
  const authDir = resolve(
    cwd,
    pick<string>(
      'authDir',
      sources,
      [flags.auth, 'flag'],
      [env.KAFKA_TUTOR_AUTH, 'env'],
      [authFromFile, 'config'],
      [options.sandbox && !holdsKeystore(localAuth) ? options.sandbox.studentDir : undefined, 'sandbox'],
      [localAuth, 'default'],
    ) as string,
  );

  // The config file's own file paths count only when the folder came from it too: a flag or env folder wins for both files.
  const pathsFromFile = sources.authDir === 'config';
  const caFromFile = pathsFromFile ? fromFile['ssl.ca.location'] : undefined;
  const caPath = caFromFile === undefined ? join(authDir, CA_FILE) : resolve(cwd, caFromFile);
  const keystorePath = pathsFromFile && keystoreFromFile !== undefined ? resolve(cwd, keystoreFromFile) : join(authDir, KEYSTORE_FILE);
  sources.caPath = sources.keystorePath = sources.authDir ?? 'default';

  const passwordText = pick<string>('password', sources, [env.KAFKA_TUTOR_PASSWORD, 'env'], [fromFile['ssl.keystore.password'], 'config']);
  const clientId = pick<string>('clientId', sources, [flags.clientId, 'flag'], [env.KAFKA_TUTOR_CLIENT_ID, 'env'], [fromFile['client.id'], 'config']);

  const protocolText = (fromFile['security.protocol'] ?? 'SSL').toUpperCase();
  sources.securityProtocol = fromFile['security.protocol'] === undefined ? 'default' : 'config';
  if (protocolText !== 'SSL' && protocolText !== 'PLAINTEXT') {
    throw new UserError(`security.protocol=${fromFile['security.protocol']} in ${configPath} is not supported; the course's cluster uses SSL.`, {
      fix: `Set security.protocol=SSL in ${configPath}`,
      code: 'config-protocol',
      exitCode: 2,
    });
  }
  const identification = fromFile['ssl.endpoint.identification.algorithm'];
  sources.verifyHostname = identification === undefined ? 'default' : 'config';
  // The sandbox's certificate names localhost and 127.0.0.1, so host names are checked there too.
  const verifyHostname = identification === undefined ? true : identification.toLowerCase() !== 'none' && identification !== '';

  return {
    brokers,
    securityProtocol: protocolText,
    authDir,
    caPath,
    keystorePath,
    password: passwordText === undefined ? undefined : new Secret(passwordText),
    clientId,
    verifyHostname,
    configFile: file?.path,
    sandbox: sources.brokers === 'sandbox',
    warnings,
    sources: { password: 'default', clientId: 'certificate', ...sources } as Record<ProfileField, ValueSource>,
  };
}
