import type { Secret } from './secret.js';

/** Where a resolved value came from, shown by `kafka-tutor config`. */
export type ValueSource = 'flag' | 'env' | 'config' | 'sandbox' | 'default' | 'certificate' | 'password-file' | 'prompt';

/** The flags every Kafka-facing command accepts (never a password: argv is visible in `ps`). */
export interface ProfileFlags {
  bootstrap?: string | undefined;
  auth?: string | undefined;
  clientId?: string | undefined;
  config?: string | undefined;
}

/** Where to connect and with which files, before the keystore is opened. */
export interface ClusterProfile {
  brokers: string[];
  securityProtocol: 'SSL' | 'PLAINTEXT';
  authDir: string;
  caPath: string;
  keystorePath: string;
  /** From KAFKA_TUTOR_PASSWORD or the config file; the password file and the prompt come later. */
  password: Secret | undefined;
  /** From a flag, env or config; otherwise the keystore certificate's CN once opened. */
  clientId: string | undefined;
  /** false when `ssl.endpoint.identification.algorithm=none`: the CA is still checked, the host name is not. */
  verifyHostname: boolean;
  configFile: string | undefined;
  /** True when the values came from the local sandbox. */
  sandbox: boolean;
  warnings: string[];
  sources: Record<ProfileField, ValueSource>;
}

export type ProfileField =
  | 'brokers'
  | 'securityProtocol'
  | 'authDir'
  | 'caPath'
  | 'keystorePath'
  | 'password'
  | 'clientId'
  | 'verifyHostname';

/** A profile whose credentials are open: ready for kafkajs. */
export interface Credentials {
  clientId: string;
  /** The student's topic is named after their client id. */
  topic: string;
  tls: { ca: string; key: string; cert: string } | undefined;
  /** Notes worth showing once, e.g. a legacy keystore that Node's OpenSSL could not have read. */
  notes: string[];
}
