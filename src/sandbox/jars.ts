/**
 * The Kafka jars: an existing installation (`$KAFKA_HOME/libs`), else a cache that
 * Maven fills once from Maven Central with sandbox/pom.xml (no tarball, no Docker).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { UserError } from '../errors.js';
import { jarCacheDir } from './paths.js';
import { assertMaven } from './requirements.js';
import { KAFKA_VERSION } from './version.js';

export interface KafkaJars {
  /** The folder whose `*` goes on the java class path. */
  dir: string;
  source: 'KAFKA_HOME' | 'cache';
}

const POM = fileURLToPath(new URL('../../sandbox/pom.xml', import.meta.url));

/** True when `dir` holds the broker jar (kafka_2.13-<version>.jar or any kafka_2.* jar for KAFKA_HOME). */
function holdsBroker(dir: string, exact: boolean): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((name) => (exact ? name === `kafka_2.13-${KAFKA_VERSION}.jar` : /^kafka_2\.\d+-.*\.jar$/.test(name)));
}

/**
 * Finds the Kafka jars without downloading anything, or undefined.
 *
 * @example
 *   findKafkaJars(); // { dir: '/home/ana/.cache/kafka-tutor/kafka-3.9.1', source: 'cache' }
 */
export function findKafkaJars(): KafkaJars | undefined {
  const home = process.env.KAFKA_HOME;
  if (home) {
    const libs = join(home, 'libs');
    if (!holdsBroker(libs, false)) {
      throw new UserError(`KAFKA_HOME is set to ${home}, but ${libs} holds no Kafka broker jar.`, {
        fix: 'unset KAFKA_HOME to let kafka-tutor fetch Kafka itself, or point it at an unpacked Kafka release',
        code: 'kafka-home-invalid',
      });
    }
    return { dir: libs, source: 'KAFKA_HOME' };
  }
  const cache = jarCacheDir();
  return holdsBroker(cache, true) ? { dir: cache, source: 'cache' } : undefined;
}

/**
 * Returns the jars, downloading them with Maven on the first start.
 *
 * @example
 *   const jars = await ensureKafkaJars((line) => progress.message(line));
 */
export async function ensureKafkaJars(report: (message: string) => void): Promise<KafkaJars> {
  const found = findKafkaJars();
  if (found) return found;
  await assertMaven();
  const cache = jarCacheDir();
  report(`Downloading Kafka ${KAFKA_VERSION} jars with Maven (first start only)…`);
  // Into a side folder renamed at the end: an interrupted download never looks like a cache.
  const partial = `${cache}.download-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(dirname(cache), { recursive: true });
  const args = ['-q', '-B', '-f', POM, `-Dkafka.version=${KAFKA_VERSION}`, 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`];
  const result = await execa('mvn', args, { reject: false, all: true, timeout: 15 * 60_000 });
  if (result.exitCode === 0 && holdsBroker(partial, true)) {
    await rm(cache, { recursive: true, force: true });
    await rename(partial, cache);
  } else {
    await rm(partial, { recursive: true, force: true });
    const tail = (result.all ?? '').trim().split('\n').slice(-10).join('\n');
    throw new UserError(`Maven could not download Kafka ${KAFKA_VERSION} from Maven Central:\n${tail}`, {
      fix: `check your network, then run kafka-tutor sandbox start again (or: mvn -f ${POM} dependency:copy-dependencies -DoutputDirectory=${cache})`,
      code: 'kafka-download-failed',
    });
  }
  return { dir: cache, source: 'cache' };
}
