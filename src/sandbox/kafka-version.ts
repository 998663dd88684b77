/**
 * Which Kafka release a sandbox runs: parsing `--kafka-version` / KAFKA_TUTOR_KAFKA_VERSION,
 * the release lines kafka-tutor supports (3.9.x, 4.x), and the switches it refuses
 * (a running sandbox, or KRaft metadata of a newer line that an older Kafka cannot read).
 */
import { UserError } from '../errors.js';
import { DEFAULT_KAFKA_VERSION, KAFKA_3_VERSION, KAFKA_VERSION_ENV } from './version.js';

export interface KafkaVersion {
  /** As written, e.g. '4.4.0'. */
  text: string;
  major: number;
  minor: number;
}

/** How Kafka of that line logs: log4j2 from 4.0 on, log4j 1 (reload4j) before. */
export type KafkaLogging = 'log4j2' | 'reload4j';

const PICK = `--kafka-version ${DEFAULT_KAFKA_VERSION} (the default) or --kafka-version ${KAFKA_3_VERSION}`;

/** The fix for a bad version, in the words of where it came from. */
function fixFor(source: string): string {
  if (source === KAFKA_VERSION_ENV) return `unset ${KAFKA_VERSION_ENV} for Kafka ${DEFAULT_KAFKA_VERSION}, or set it to ${KAFKA_3_VERSION}`;
  if (source === 'KAFKA_HOME') return `unset KAFKA_HOME to let kafka-tutor fetch Kafka ${DEFAULT_KAFKA_VERSION}, or point it at a Kafka 3.9.x or 4.x installation`;
  return `kafka-tutor sandbox start ${PICK}`;
}

/**
 * Parses a Kafka release number and refuses lines kafka-tutor does not run (only 3.9.x and 4.x).
 * `source` names where the text came from, for the message.
 *
 * @example
 *   parseKafkaVersion('4.4.0', '--kafka-version'); // { text: '4.4.0', major: 4, minor: 4 }
 *   parseKafkaVersion('3.8.1', '--kafka-version'); // throws: not supported
 */
export function parseKafkaVersion(text: string, source: string): KafkaVersion {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.]+)?$/.exec(text.trim());
  if (!match) {
    throw new UserError(`${JSON.stringify(text)} (from ${source}) is not a Kafka version such as ${DEFAULT_KAFKA_VERSION}.`, { fix: fixFor(source), code: 'kafka-version-invalid' });
  }
  const version = { text: text.trim(), major: Number(match[1]), minor: Number(match[2]) };
  if (!(version.major === 4 || (version.major === 3 && version.minor === 9))) {
    throw new UserError(`Kafka ${version.text} (from ${source}) is not supported: the sandbox runs Kafka 3.9.x or 4.x.`, { fix: fixFor(source), code: 'kafka-version-unsupported' });
  }
  return version;
}

/**
 * The version asked for by the flag, else by KAFKA_TUTOR_KAFKA_VERSION, else undefined.
 *
 * @example
 *   requestedKafkaVersion('3.9.1'); // { text: '3.9.1', major: 3, minor: 9, source: '--kafka-version' }
 */
export function requestedKafkaVersion(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): (KafkaVersion & { source: string }) | undefined {
  if (flag !== undefined) return { ...parseKafkaVersion(flag, '--kafka-version'), source: '--kafka-version' };
  const fromEnv = env[KAFKA_VERSION_ENV];
  if (fromEnv === undefined || fromEnv === '') return undefined;
  return { ...parseKafkaVersion(fromEnv, KAFKA_VERSION_ENV), source: KAFKA_VERSION_ENV };
}

/** The logging library a Kafka release uses. */
export function kafkaLogging(version: KafkaVersion): KafkaLogging {
  return version.major >= 4 ? 'log4j2' : 'reload4j';
}

/** True when `a` belongs to an older release line (major.minor) than `b`. */
function olderLine(a: KafkaVersion, b: KafkaVersion): boolean {
  return a.major < b.major || (a.major === b.major && a.minor < b.minor);
}

export interface VersionChoiceInput {
  /** From `--kafka-version` or KAFKA_TUTOR_KAFKA_VERSION. */
  requested?: (KafkaVersion & { source: string }) | undefined;
  /** The release in KAFKA_HOME, when set: it is what runs. */
  home?: KafkaVersion | undefined;
  /** The sandbox folder's last version (state.json), and whether it runs now. */
  previous?: { version: KafkaVersion; running: boolean } | undefined;
}

/**
 * Decides the Kafka version of a start: KAFKA_HOME's, else the one asked for, else the
 * sandbox's own, else the default. Refuses a switch while running and a move to an
 * older release line (KRaft metadata cannot be downgraded).
 *
 * @example
 *   chooseKafkaVersion({ previous: { version: parseKafkaVersion('3.9.1', 'state'), running: false } }).text; // '3.9.1'
 */
export function chooseKafkaVersion({ requested, home, previous }: VersionChoiceInput): KafkaVersion {
  if (home && requested && home.text !== requested.text) {
    throw new UserError(`KAFKA_HOME holds Kafka ${home.text}, and ${requested.source} asks for Kafka ${requested.text}.`, {
      fix: `unset KAFKA_HOME to let kafka-tutor fetch Kafka ${requested.text}, or drop ${requested.source}`,
      code: 'kafka-version-conflict',
    });
  }
  const chosen = home ?? requested ?? previous?.version ?? parseKafkaVersion(DEFAULT_KAFKA_VERSION, 'the default');
  if (!previous || previous.version.text === chosen.text) return { text: chosen.text, major: chosen.major, minor: chosen.minor };
  if (previous.running) {
    throw new UserError(`The sandbox is running Kafka ${previous.version.text}; it cannot switch to Kafka ${chosen.text} while it runs.`, {
      fix: `kafka-tutor sandbox stop && kafka-tutor sandbox start --kafka-version ${chosen.text}`,
      code: 'kafka-version-running',
    });
  }
  if (olderLine(chosen, previous.version)) {
    throw new UserError(`This sandbox's data was written by Kafka ${previous.version.text}, and Kafka ${chosen.text} cannot read the metadata of a newer release line.`, {
      fix: `kafka-tutor sandbox reset --yes && kafka-tutor sandbox start --kafka-version ${chosen.text}   (reset deletes the sandbox's topics and students)`,
      code: 'kafka-version-downgrade',
    });
  }
  return { text: chosen.text, major: chosen.major, minor: chosen.minor };
}
