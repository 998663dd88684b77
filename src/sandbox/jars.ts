/**
 * The Kafka jars: an existing installation (`$KAFKA_HOME/libs`), else a cache folder per
 * version that Maven fills once from Maven Central with sandbox/pom.xml (no tarball, no Docker).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { UserError } from '../errors.js';
import { packagePath } from '../package-root.js';
import { kafkaLogging, parseKafkaVersion, type KafkaVersion } from './kafka-version.js';
import { jarCacheDir } from './paths.js';
import { assertMaven } from './requirements.js';
import { DEFAULT_KAFKA_VERSION, KAFKA_3_VERSION } from './version.js';

export interface KafkaJars {
  /** The folder whose `*` goes on the java class path. */
  dir: string;
  source: 'KAFKA_HOME' | 'cache';
  version: KafkaVersion;
}

const POM = packagePath('sandbox', 'pom.xml');

/** The broker jar's name: kafka_<scala>-<version>.jar. */
const BROKER_JAR = /^kafka_2\.\d+-(.+)\.jar$/;

/**
 * The Kafka version of the broker jar in `dir` (e.g. 'kafka_2.13-4.4.0.jar' → '4.4.0'), or undefined.
 *
 * @example
 *   brokerJarVersion('/opt/kafka/libs'); // '4.1.1'
 */
export function brokerJarVersion(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const name of readdirSync(dir)) {
    const match = BROKER_JAR.exec(name);
    // Not the -sources, -test or -javadoc jars of an unpacked source release.
    if (match && !/-(sources|test|javadoc|scaladoc)$/.test(match[1]!)) return match[1];
  }
  return undefined;
}

/**
 * The installation in KAFKA_HOME and its version, or undefined when KAFKA_HOME is not set.
 *
 * @example
 *   findKafkaHome(); // { dir: '/opt/kafka/libs', source: 'KAFKA_HOME', version: { text: '4.1.1', … } }
 */
export function findKafkaHome(): KafkaJars | undefined {
  const home = process.env.KAFKA_HOME;
  if (!home) return undefined;
  const libs = join(home, 'libs');
  const found = brokerJarVersion(libs);
  if (found === undefined) {
    throw new UserError(`KAFKA_HOME is set to ${home}, but ${libs} holds no Kafka broker jar.`, {
      fix: 'unset KAFKA_HOME to let kafka-tutor fetch Kafka itself, or point it at an unpacked Kafka release',
      code: 'kafka-home-invalid',
    });
  }
  return { dir: libs, source: 'KAFKA_HOME', version: parseKafkaVersion(found, 'KAFKA_HOME') };
}

/**
 * Finds the jars of `version` without downloading anything: KAFKA_HOME's, else the cache's, or undefined.
 *
 * @example
 *   findKafkaJars(parseKafkaVersion('4.4.0', 'x')); // { dir: '/home/ana/.cache/kafka-tutor/kafka-4.4.0', source: 'cache', … }
 */
export function findKafkaJars(version: KafkaVersion): KafkaJars | undefined {
  const home = findKafkaHome();
  if (home) return home;
  const cache = jarCacheDir(version.text);
  return brokerJarVersion(cache) === version.text ? { dir: cache, source: 'cache', version } : undefined;
}

/**
 * True when Maven's output says Maven Central has no broker jar of that version (not a network failure).
 *
 * @example
 *   isMissingRelease('… org.apache.kafka:kafka_2.13:jar:4.9.9 was not found in https://…', '4.9.9'); // true
 */
export function isMissingRelease(mavenOutput: string, kafkaVersion: string): boolean {
  const jar = `org.apache.kafka:kafka_2.13:jar:${kafkaVersion}`;
  return mavenOutput.split('\n').some((line) => line.includes(`${jar} `) && /was not found|could not be found|Could not find artifact/.test(line));
}

/**
 * Returns the jars of `version`, downloading them with Maven on its first start.
 *
 * @example
 *   const jars = await ensureKafkaJars(version, (line) => progress.step(line));
 */
export async function ensureKafkaJars(version: KafkaVersion, report: (message: string) => void): Promise<KafkaJars> {
  const found = findKafkaJars(version);
  if (found) return found;
  await assertMaven(version.text);
  const cache = jarCacheDir(version.text);
  report(`Downloading Kafka ${version.text} jars with Maven (first start with this version only)…`);
  // Into a side folder renamed at the end: an interrupted download never looks like a cache.
  const partial = `${cache}.download-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(dirname(cache), { recursive: true });
  const profile = `-P${kafkaLogging(version)}`;
  const args = ['-q', '-B', '-f', POM, `-Dkafka.version=${version.text}`, profile, 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`];
  const result = await execa('mvn', args, { reject: false, all: true, timeout: 15 * 60_000 });
  if (result.exitCode === 0 && brokerJarVersion(partial) === version.text) {
    await rm(cache, { recursive: true, force: true });
    await rename(partial, cache);
    return { dir: cache, source: 'cache', version };
  }
  await rm(partial, { recursive: true, force: true });
  const output = result.all ?? '';
  if (isMissingRelease(output, version.text)) {
    throw new UserError(`Maven Central has no Kafka ${version.text}: it is not a released version.`, {
      fix: `kafka-tutor sandbox start --kafka-version ${DEFAULT_KAFKA_VERSION} (the default) or --kafka-version ${KAFKA_3_VERSION}`,
      code: 'kafka-version-unknown',
    });
  }
  const tail = output.trim().split('\n').slice(-10).join('\n');
  throw new UserError(`Maven could not download Kafka ${version.text} from Maven Central:\n${tail}`, {
    fix: `check your network, then run kafka-tutor sandbox start again (or: mvn -f ${POM} -Dkafka.version=${version.text} ${profile} dependency:copy-dependencies -DoutputDirectory=${cache})`,
    code: 'kafka-download-failed',
  });
}
