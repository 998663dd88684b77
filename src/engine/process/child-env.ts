/**
 * The environment a kafka-tutor child gets: only what it needs, never the
 * tutor's whole environment (a student's cloud keys, tokens and the like stay
 * out of every child's /proc/<pid>/environ).
 */
import { PARENT_PID_VAR } from './watch-parent.js';

/**
 * Where and how a child runs: paths, locale, time zone, temp folders, Node's own switches, kafkajs's settings, colour.
 * Not NODE_EXTRA_CA_CERTS: a child talks to Kafka alone, trusting the course's ca.crt and nothing else,
 * and Node reads that bundle at every start (about 0.1 s of CPU per child on a machine that sets it).
 */
const PASSED = /^(?:PATH|HOME|USER|LOGNAME|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TMP|TEMP|NODE_OPTIONS|NODE_V8_COVERAGE|NO_COLOR|FORCE_COLOR|KAFKAJS_[A-Z0-9_]+)$/;

/** kafka-tutor settings that say where its state lives (not who the student is: the profile comes explicitly). */
const TUTOR_SETTINGS = ['KAFKA_TUTOR_HOME', 'KAFKA_TUTOR_SANDBOX', 'KAFKA_TUTOR_SANDBOX_PORT', 'KAFKA_TUTOR_CACHE', 'KAFKA_TUTOR_DEBUG'];

export interface ChildEnvOptions {
  /** Also pass kafka-tutor's location settings (false for grade, whose checks see only their student). */
  tutorSettings?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * The allowed part of this process's environment, then `extra` (the child's profile,
 * its password variable), then this process's pid for the child's parent watch.
 *
 * @example
 *   execa(process.execPath, [BIN_PATH, 'consume', 'client1'], { env: childEnvironment(profileEnv(profile)), extendEnv: false });
 */
export function childEnvironment(extra: Record<string, string | undefined> = {}, options: ChildEnvOptions = {}): Record<string, string> {
  const env = options.env ?? process.env;
  const child: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const wanted = PASSED.test(key) || (options.tutorSettings !== false && TUTOR_SETTINGS.includes(key));
    if (wanted && value !== undefined) child[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) child[key] = value;
  child[PARENT_PID_VAR] = String(process.pid);
  return child;
}
