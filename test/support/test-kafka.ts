/**
 * Which Kafka the test run uses and where its shared sandbox lives: the default Kafka in
 * <repo>/.kafka-tutor/sandbox, another version (KAFKA_TUTOR_KAFKA_VERSION, e.g. 3.9.1 in
 * the second half of `npm test`) in a folder of its own, so that neither run has to
 * downgrade the other's KRaft metadata.
 *
 * @example
 *   TEST_KAFKA_VERSION; // '4.4.0', or '3.9.1' with KAFKA_TUTOR_KAFKA_VERSION=3.9.1
 *   TEST_SANDBOX;       // '/repo/.kafka-tutor/sandbox' or '/repo/.kafka-tutor/sandbox-kafka-3.9.1'
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_KAFKA_VERSION, KAFKA_VERSION_ENV } from '../../src/sandbox/version.js';

export const TEST_KAFKA_VERSION = process.env[KAFKA_VERSION_ENV] || DEFAULT_KAFKA_VERSION;

const folder = TEST_KAFKA_VERSION === DEFAULT_KAFKA_VERSION ? 'sandbox' : `sandbox-kafka-${TEST_KAFKA_VERSION}`;
export const TEST_SANDBOX = fileURLToPath(new URL(`../../.kafka-tutor/${folder}`, import.meta.url));
