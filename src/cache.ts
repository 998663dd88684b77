/**
 * kafka-tutor's cache folder: what can be made again at any time (Kafka's jars, compiled code).
 * `$KAFKA_TUTOR_CACHE` when set, else `~/.cache/kafka-tutor`.
 *
 * @example
 *   cacheRoot(); // '/home/ana/.cache/kafka-tutor'
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function cacheRoot(): string {
  return process.env.KAFKA_TUTOR_CACHE ? resolve(process.env.KAFKA_TUTOR_CACHE) : join(homedir(), '.cache', 'kafka-tutor');
}
