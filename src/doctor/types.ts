import type { FailureId } from '../credentials/failures.js';
import type { LoadedCa } from '../credentials/ca.js';
import type { LoadedKeystore } from '../credentials/keystore.js';
import type { Secret } from '../profile/secret.js';
import type { BrokerAddress, ProbeOutcome } from './probe.js';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export type CheckId =
  | 'auth-folder' | 'ca-file' | 'keystore-file' | 'password' | 'keystore' | 'certificate'
  | 'client-id' | 'permissions' | 'brokers' | 'tls' | 'topic' | 'group';

/** One line of the checklist. `message` and `fix` come from the table in src/credentials/failures.ts. */
export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  message?: string;
  fix?: string;
  failureId?: FailureId;
}

export interface DoctorReport {
  /** True when nothing failed: the credentials and the cluster are usable. */
  ok: boolean;
  checks: CheckResult[];
}

/** Plain values, so that callers need not know the profile module (the grader's `check` builds them too). */
export interface DoctorInput {
  authDir: string;
  /** Default: `<authDir>/ca.crt` and `<authDir>/kafka.keystore.pkcs12`. */
  caPath?: string | undefined;
  keystorePath?: string | undefined;
  brokers: string[];
  /** Where the brokers came from, in words, e.g. '--bootstrap' or 'kafka-tutor.properties'. */
  brokersSource?: string | undefined;
  /** KAFKA_TUTOR_PASSWORD or the config file's value; undefined lets password.txt or a prompt supply it. */
  password?: { value: string | Secret; source: 'env' | 'config' } | undefined;
  clientId?: string | undefined;
  /** How the client id was configured, to word the fix: a flag, an env variable or the config file. */
  clientIdSource?: 'flag' | 'env' | 'config' | undefined;
  configFile?: string | undefined;
  verifyHostname: boolean;
  securityProtocol: 'SSL' | 'PLAINTEXT';
  /** Upper bound for the network checks, in milliseconds. */
  timeoutMs: number;
  cwd: string;
  home: string;
  /** The course's consumer group (default `simple_consumer`). */
  group?: string | undefined;
}

export interface DoctorOptions {
  /** A hidden password prompt; absent when not interactive. */
  ask?: ((keystorePath: string) => Promise<string>) | undefined;
  /** The clock (tests fake it to check expiry). */
  now?: () => Date;
  /** A topic's partition count asked on a client the caller already has open (`check`'s); undefined lets the doctor open its own. */
  partitions?: ((topic: string) => Promise<number | undefined>) | undefined;
  /** Called as each check finishes, for live output. */
  onCheck?: (check: CheckResult) => void;
}

/** What earlier checks learnt, for later ones. */
export interface DoctorState {
  input: DoctorInput & { caPath: string; keystorePath: string; group: string };
  options: DoctorOptions;
  /** Values for failure sentences: the student's paths as they would type them, the scp command, … */
  vars: Record<string, string | number>;
  ca?: LoadedCa;
  password?: { password: Secret; source: string };
  keystore?: LoadedKeystore;
  clientId?: string;
  addresses?: BrokerAddress[];
  probes?: { target: BrokerAddress; outcome: ProbeOutcome }[];
  /** When the network checks must be done by. */
  deadline: number;
}

/** What a check decides: a status and, unless it passed plainly, the sentence and fix. */
export type CheckOutcome = Omit<CheckResult, 'id' | 'title'>;

export interface Check {
  id: CheckId;
  title: string;
  /** Checks that must have passed (or warned) for this one to run. */
  needs: CheckId[];
  run(state: DoctorState): Promise<CheckOutcome>;
}
