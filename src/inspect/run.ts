/**
 * `kafka-tutor inspect`: connects with the student's profile, reads the picture of a
 * topic and prints it once, as JSON, or live (--watch) until Ctrl-C.
 */
import { UserError, describeError } from '../errors.js';
import { createKafka } from '../kafka/client.js';
import { explainKafkaError, type KafkaErrorContext } from '../kafka/errors.js';
import { readTopicPicture, type TopicPicture } from '../kafka/topic-picture.js';
import type { Admin } from '../kafka/types.js';
import { loadProfile } from '../profile/index.js';
import type { ProfileFlags } from '../profile/types.js';
import { renderTopicPicture } from './render.js';
import { ESC, watchFrames } from './watch.js';

export interface InspectOptions extends ProfileFlags {
  /** Default: the student's own topic (their client id). */
  topic?: string | undefined;
  group?: string | undefined;
  json: boolean;
  watch: boolean;
  intervalMs: number;
}

// Kafka's rule for topic names: at most 249 of letters, digits, '.', '_' and '-'.
const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function shouldColor(stream: { isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

function validateTopic(topic: string): void {
  if (!TOPIC_NAME.test(topic) || topic === '.' || topic === '..') {
    throw new UserError(`"${topic}" cannot be a Kafka topic name: use letters, digits, '.', '_' and '-' only.`, { fix: 'kafka-tutor inspect   (with no topic it shows your own)', code: 'topic-invalid', exitCode: 2 });
  }
}

/** Connects an admin client for the profile; the caller disconnects it. */
async function connectAdmin(flags: ProfileFlags, topic: string | undefined, group: string | undefined): Promise<{ admin: Admin; topic: string; context: KafkaErrorContext }> {
  const { profile, credentials } = await loadProfile(flags);
  const target = topic ?? credentials.topic;
  const context: KafkaErrorContext = { clientId: credentials.clientId, topic: target, group, brokers: profile.brokers, sandbox: profile.sandbox };
  const admin = createKafka(profile, credentials, { role: 'inspect' }).admin();
  try {
    await admin.connect();
  } catch (error) {
    throw explainKafkaError(error, context);
  }
  return { admin, topic: target, context };
}

/**
 * Runs the command; returns the exit code. UserErrors (missing topic, no access,
 * broker down) are thrown for `main` to print as one sentence and a fix.
 *
 * @example
 *   await inspect({ json: false, watch: false, intervalMs: 1000 }); // draws the student's own topic
 */
export async function inspect(options: InspectOptions): Promise<number> {
  if (options.topic !== undefined) validateTopic(options.topic);
  const flags: ProfileFlags = { bootstrap: options.bootstrap, auth: options.auth, clientId: options.clientId, config: options.config };
  const { admin, topic, context } = await connectAdmin(flags, options.topic, options.group);
  const read = async (): Promise<TopicPicture> => {
    try {
      return await readTopicPicture(admin, topic, { groups: options.group === undefined ? undefined : [options.group] });
    } catch (error) {
      throw explainKafkaError(error, context);
    }
  };
  const draw = (picture: TopicPicture) => renderTopicPicture(picture, { width: process.stdout.columns ?? 80, color: shouldColor(process.stdout) });
  try {
    const first = await read();
    if (options.json) {
      process.stdout.write(`${JSON.stringify(first, null, 2)}\n`);
      return 0;
    }
    if (!options.watch) {
      process.stdout.write(`${draw(first)}\n`);
      return 0;
    }
    return await watchPicture(read, draw, first, options.intervalMs);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** --watch: redraw until Ctrl-C; a failed read (the broker went away) is shown in the frame and retried. */
async function watchPicture(read: () => Promise<TopicPicture>, draw: (p: TopicPicture) => string, first: TopicPicture, intervalMs: number): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  // Whatever ends the process, the student's terminal gets its cursor back.
  const showCursor = () => process.stdout.isTTY && process.stdout.write(ESC.showCursor);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', showCursor);
  let pending: TopicPicture | undefined = first;
  let last = first;
  try {
    await watchFrames({
      terminal: { write: (text) => process.stdout.write(text), tty: process.stdout.isTTY === true },
      intervalMs,
      signal: stop.signal,
      draw: async () => {
        const footer = `\nwatching every ${intervalMs} ms · Ctrl-C to stop`;
        try {
          last = pending ?? (await read());
          pending = undefined;
          return `${draw(last)}\n${footer}`;
        } catch (error) {
          // Keep the last picture on screen and say why it is not fresh.
          return `${draw(last)}\n\n${describeError(error).text}\n${footer}`;
        }
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', showCursor);
  }
  return 0;
}
