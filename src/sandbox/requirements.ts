/**
 * What the sandbox needs on the machine, checked before anything else happens:
 * Java 17+ always, Maven only while no Kafka jars are cached.
 */
import { execa } from 'execa';
import { UserError } from '../errors.js';
import { MIN_JAVA_MAJOR } from './version.js';

export const INSTALL_JAVA = 'sudo apt-get install -y openjdk-17-jre-headless';
export const INSTALL_MAVEN = 'sudo apt-get install -y maven';

/**
 * Reads the major version out of `java -version` output ('17.0.15' → 17, '1.8.0_392' → 8).
 *
 * @example
 *   parseJavaMajor('openjdk version "17.0.15" 2025-04-15'); // 17
 */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

/** Throws a UserError with the install command unless Java 17 or newer runs. Returns the major version. */
export async function assertJava(): Promise<number> {
  const result = await execa('java', ['-version'], { reject: false, timeout: 20_000 });
  const major = result.failed && result.exitCode === undefined ? undefined : parseJavaMajor(`${result.stderr}\n${result.stdout}`);
  if (major === undefined) {
    throw new UserError('The sandbox runs Apache Kafka, which needs Java, and no `java` command was found.', { fix: INSTALL_JAVA, code: 'java-missing' });
  }
  if (major < MIN_JAVA_MAJOR) {
    throw new UserError(`The sandbox needs Java ${MIN_JAVA_MAJOR} or newer, and \`java\` here is Java ${major}.`, { fix: INSTALL_JAVA, code: 'java-too-old' });
  }
  return major;
}

/** Throws a UserError with the install command unless `mvn` runs (`kafkaVersion` is the one to download). */
export async function assertMaven(kafkaVersion: string): Promise<void> {
  const result = await execa('mvn', ['-v'], { reject: false, timeout: 30_000 });
  if (result.exitCode !== 0) {
    throw new UserError('The first sandbox start downloads Kafka with Maven, and no working `mvn` command was found.', {
      fix: `${INSTALL_MAVEN}   (or point KAFKA_HOME at an unpacked Kafka ${kafkaVersion} installation)`,
      code: 'maven-missing',
    });
  }
}
