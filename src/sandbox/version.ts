/**
 * The sandbox's pinned versions. DEFAULT_KAFKA_VERSION is also the default in
 * sandbox/pom.xml; kafka-tutor always passes the version it runs with -Dkafka.version.
 *
 * @example
 *   `Downloading Kafka ${DEFAULT_KAFKA_VERSION} jars`; // 'Downloading Kafka 4.4.0 jars'
 */
export const DEFAULT_KAFKA_VERSION = '4.4.0';

/** The 3.9 release the CI runs beside the default, and the one the README suggests for 3.9 clusters. */
export const KAFKA_3_VERSION = '3.9.1';

/** The environment variable that picks the Kafka version when `--kafka-version` is not given. */
export const KAFKA_VERSION_ENV = 'KAFKA_TUTOR_KAFKA_VERSION';

/** Bumped when state.json changes shape; readers refuse a newer one. */
export const SANDBOX_STATE_VERSION = 1;

/** The lowest Java release Kafka 3.9 and 4.x brokers run on (and the one we test). */
export const MIN_JAVA_MAJOR = 17;
