/**
 * The one place the sandbox's Kafka version is pinned. sandbox/pom.xml holds the same
 * default, and kafka-tutor passes this value with -Dkafka.version so the two cannot drift.
 *
 * @example
 *   `Downloading Kafka ${KAFKA_VERSION} jars`; // 'Downloading Kafka 3.9.1 jars'
 */
export const KAFKA_VERSION = '3.9.1';

/** Bumped when state.json changes shape; readers refuse a newer one. */
export const SANDBOX_STATE_VERSION = 1;

/** The lowest Java release Kafka 3.9 brokers run on in kafka-tutor (and the one we test). */
export const MIN_JAVA_MAJOR = 17;
