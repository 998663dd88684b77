/**
 * Running Kafka's Java entry points from the jar folder: the storage formatter
 * (a short foreground run) and the broker (a detached background process).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { execa } from 'execa';
import { UserError } from '../errors.js';
import type { KafkaJars } from './jars.js';
import { kafkaLogging } from './kafka-version.js';
import type { SandboxPaths } from './paths.js';
import { spawnDetached } from './processes.js';

/** Small heap, serial GC and the C1 compiler only: a tutorial broker starts in seconds on two cores. */
export const JVM_OPTIONS = ['-Xms256m', '-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss512k', '-Djava.awt.headless=true'];

/**
 * The JVM flags before the main class: the logging configuration of the jars' Kafka line
 * (log4j2 for 4.x, log4j 1 for 3.9), and the class path.
 *
 * @example
 *   javaArgs(jars, paths); // ['-Xms256m', …, '-Dlog4j2.configurationFile=file:/…/log4j2.properties', '-cp', '/…/kafka-4.4.0/*']
 */
export function javaArgs(jars: KafkaJars, paths: SandboxPaths): string[] {
  const logging = kafkaLogging(jars.version) === 'log4j2' ? `-Dlog4j2.configurationFile=file:${paths.log4j2}` : `-Dlog4j.configuration=file:${paths.log4j}`;
  return [...JVM_OPTIONS, logging, '-cp', `${jars.dir}/*`];
}

/**
 * A new KRaft cluster id: 16 random bytes, base64url (what `kafka-storage random-uuid` prints),
 * never starting with '-', which Kafka's own Uuid.randomUuid() avoids too: one id in 64 did, and
 * the storage tool took it for an option ("argument --cluster-id/-t: expected one argument").
 *
 * @example
 *   newClusterId(); // 'q1Sh-9_ISia_zwGINzRvyQ'
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * Formats the storage of every node that is not formatted yet, in parallel.
 *
 * @example
 *   await formatStorage(jars, paths, [1, 2, 3], clusterId);
 */
export async function formatStorage(jars: KafkaJars, paths: SandboxPaths, nodeIds: number[], clusterId: string): Promise<void> {
  await Promise.all(
    nodeIds
      .filter((nodeId) => !existsSync(paths.broker(nodeId).meta))
      .map(async (nodeId) => {
        const broker = paths.broker(nodeId);
        // `--cluster-id=<id>`: an id that starts with '-' (a sandbox made before newClusterId avoided it) stays a value.
        const args = [...javaArgs(jars, paths), 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '-c', broker.properties];
        const result = await execa('java', args, { reject: false, all: true, timeout: 120_000 });
        if (result.exitCode !== 0) {
          const tail = (result.all ?? '').trim().split('\n').slice(-15).join('\n');
          throw new UserError(`Kafka could not format the storage of broker ${nodeId}:\n${tail}`, {
            fix: 'kafka-tutor sandbox reset --yes, then kafka-tutor sandbox start',
            code: 'sandbox-format-failed',
          });
        }
      }),
  );
}

/**
 * Starts broker `nodeId` in the background; returns its pid.
 *
 * @example
 *   const pid = launchBroker(jars, paths, 1);
 */
export function launchBroker(jars: KafkaJars, paths: SandboxPaths, nodeId: number): number {
  const broker = paths.broker(nodeId);
  const args = [...javaArgs(jars, paths), 'kafka.Kafka', broker.properties];
  // KAFKA_* variables meant for Apache's shell scripts must not leak into a plain java run.
  const env = { ...process.env, KAFKA_OPTS: undefined, KAFKA_HEAP_OPTS: undefined, JAVA_TOOL_OPTIONS: undefined };
  return spawnDetached('java', args, { logFile: broker.log, cwd: broker.dir, env });
}
