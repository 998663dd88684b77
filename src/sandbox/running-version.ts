/**
 * The Kafka version a broker process actually runs, read from the process itself: the broker
 * jar it holds open (/proc/<pid>/fd), else the broker jar in its class path folder
 * (/proc/<pid>/cmdline), which also covers a KAFKA_HOME installation.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { brokerJarVersion } from './jars.js';

const BROKER_JAR = /\/kafka_2\.\d+-(\d[^/]*?)\.jar$/;

/** The version in the name of the broker jar among the process's open files, or undefined. */
function fromOpenFiles(pid: number): string | undefined {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return undefined; // Another user's process, or gone.
  }
  for (const fd of fds) {
    try {
      const match = BROKER_JAR.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) return match[1];
    } catch {
      // Closed while we looked.
    }
  }
  return undefined;
}

/** The version of the broker jar in the folder of the process's `-cp <dir>/*`, or undefined. */
function fromClassPath(pid: number): string | undefined {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const classPath = args[args.indexOf('-cp') + 1];
    if (args.indexOf('-cp') < 0 || !classPath) return undefined;
    const folder = classPath.split(':').find((entry) => entry.endsWith('/*'));
    return folder ? brokerJarVersion(dirname(folder)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Kafka version broker process `pid` runs, or undefined when it cannot be told.
 *
 * @example
 *   runningKafkaVersion(4242); // '4.4.0'
 */
export function runningKafkaVersion(pid: number): string | undefined {
  return fromOpenFiles(pid) ?? fromClassPath(pid);
}
