/**
 * Choosing the sandbox's Kafka version: parsing, supported lines, the refusals, and what
 * follows from the choice (jar cache folder, logging library and its JVM flag).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderLog4j } from '../../../src/sandbox/broker-config.js';
import { brokerJarVersion, isMissingRelease, type KafkaJars } from '../../../src/sandbox/jars.js';
import { javaArgs } from '../../../src/sandbox/java.js';
import { chooseKafkaVersion, kafkaLogging, parseKafkaVersion, requestedKafkaVersion } from '../../../src/sandbox/kafka-version.js';
import { jarCacheDir, sandboxPaths } from '../../../src/sandbox/paths.js';
import { DEFAULT_KAFKA_VERSION } from '../../../src/sandbox/version.js';

const v = (text: string) => parseKafkaVersion(text, 'test');
const asked = (text: string, source = '--kafka-version') => ({ ...v(text), source });

afterEach(() => vi.unstubAllEnvs());

describe('parsing a Kafka version', () => {
  it('accepts 3.9.x and 4.x', () => {
    expect(v('4.4.0')).toEqual({ text: '4.4.0', major: 4, minor: 4 });
    expect(v('3.9.1')).toEqual({ text: '3.9.1', major: 3, minor: 9 });
    expect(v(' 4.1.1 ').text).toBe('4.1.1');
  });

  it('refuses text that is not a version, naming its source and the fix', () => {
    expect(() => parseKafkaVersion('latest', '--kafka-version')).toThrow('"latest" (from --kafka-version) is not a Kafka version such as 4.4.0.');
    expect(() => parseKafkaVersion('4.4', '--kafka-version')).toThrow(expect.objectContaining({ code: 'kafka-version-invalid', fix: expect.stringContaining('--kafka-version 3.9.1') }));
  });

  it('refuses release lines the sandbox does not run', () => {
    for (const text of ['3.8.1', '3.10.0', '2.8.2', '5.0.0']) {
      expect(() => parseKafkaVersion(text, '--kafka-version')).toThrow(`Kafka ${text} (from --kafka-version) is not supported: the sandbox runs Kafka 3.9.x or 4.x.`);
    }
  });

  it('takes the flag first, then KAFKA_TUTOR_KAFKA_VERSION, whose bad value names the variable', () => {
    vi.stubEnv('KAFKA_TUTOR_KAFKA_VERSION', '3.9.1');
    expect(requestedKafkaVersion('4.1.1')).toMatchObject({ text: '4.1.1', source: '--kafka-version' });
    expect(requestedKafkaVersion(undefined)).toMatchObject({ text: '3.9.1', source: 'KAFKA_TUTOR_KAFKA_VERSION' });
    vi.stubEnv('KAFKA_TUTOR_KAFKA_VERSION', '');
    expect(requestedKafkaVersion(undefined)).toBeUndefined();
    vi.stubEnv('KAFKA_TUTOR_KAFKA_VERSION', '3.7.0');
    expect(() => requestedKafkaVersion(undefined)).toThrow(expect.objectContaining({ fix: 'unset KAFKA_TUTOR_KAFKA_VERSION for Kafka 4.4.0, or set it to 3.9.1' }));
  });
});

describe('choosing the version of a start', () => {
  it('runs the default in a new sandbox, and what a sandbox last ran when nothing is asked', () => {
    expect(chooseKafkaVersion({}).text).toBe(DEFAULT_KAFKA_VERSION);
    expect(chooseKafkaVersion({ previous: { version: v('3.9.1'), running: false } }).text).toBe('3.9.1');
    expect(chooseKafkaVersion({ previous: { version: v('3.9.1'), running: true } }).text).toBe('3.9.1');
  });

  it('upgrades a stopped sandbox to a newer line, and moves between patch releases of one line', () => {
    expect(chooseKafkaVersion({ requested: asked('4.4.0'), previous: { version: v('3.9.1'), running: false } }).text).toBe('4.4.0');
    expect(chooseKafkaVersion({ requested: asked('3.9.1'), previous: { version: v('3.9.2'), running: false } }).text).toBe('3.9.1');
  });

  it('refuses to go back a release line, because KRaft metadata cannot be downgraded', () => {
    for (const older of ['3.9.1', '4.1.1']) {
      expect(() => chooseKafkaVersion({ requested: asked(older), previous: { version: v('4.4.0'), running: false } })).toThrow(
        expect.objectContaining({
          message: `This sandbox's data was written by Kafka 4.4.0, and Kafka ${older} cannot read the metadata of a newer release line.`,
          fix: expect.stringContaining(`kafka-tutor sandbox reset --yes && kafka-tutor sandbox start --kafka-version ${older}`),
        }),
      );
    }
  });

  it('refuses to switch a running sandbox, and says to stop it first', () => {
    expect(() => chooseKafkaVersion({ requested: asked('4.4.0'), previous: { version: v('3.9.1'), running: true } })).toThrow(
      expect.objectContaining({ code: 'kafka-version-running', fix: 'kafka-tutor sandbox stop && kafka-tutor sandbox start --kafka-version 4.4.0' }),
    );
  });

  it("runs KAFKA_HOME's release, and refuses a different one asked for beside it", () => {
    expect(chooseKafkaVersion({ home: v('4.1.1') }).text).toBe('4.1.1');
    expect(() => chooseKafkaVersion({ home: v('4.1.1'), requested: asked('3.9.1', 'KAFKA_TUTOR_KAFKA_VERSION') })).toThrow(
      'KAFKA_HOME holds Kafka 4.1.1, and KAFKA_TUTOR_KAFKA_VERSION asks for Kafka 3.9.1.',
    );
    expect(() => chooseKafkaVersion({ home: v('3.9.1'), previous: { version: v('4.4.0'), running: false } })).toThrow(expect.objectContaining({ code: 'kafka-version-downgrade' }));
  });
});

describe('what follows from the version', () => {
  it('keeps each version in a cache folder of its own', () => {
    vi.stubEnv('KAFKA_TUTOR_CACHE', '/tmp/kt-cache');
    expect(jarCacheDir('4.4.0')).toBe('/tmp/kt-cache/kafka-4.4.0');
    expect(jarCacheDir('3.9.1')).toBe('/tmp/kt-cache/kafka-3.9.1');
  });

  it('configures log4j2 for Kafka 4 and log4j 1 (reload4j) for Kafka 3.9, with the same loggers', () => {
    const paths = sandboxPaths('/tmp/sb');
    const jars = (text: string): KafkaJars => ({ dir: `/cache/kafka-${text}`, source: 'cache', version: v(text) });
    expect(kafkaLogging(v('4.0.0'))).toBe('log4j2');
    expect(kafkaLogging(v('3.9.1'))).toBe('reload4j');
    expect(javaArgs(jars('4.4.0'), paths)).toEqual(expect.arrayContaining(['-Dlog4j2.configurationFile=file:/tmp/sb/log4j2.properties', '-cp', '/cache/kafka-4.4.0/*']));
    expect(javaArgs(jars('3.9.1'), paths)).toEqual(expect.arrayContaining(['-Dlog4j.configuration=file:/tmp/sb/log4j.properties', '-cp', '/cache/kafka-3.9.1/*']));
    const log4j2 = renderLog4j('log4j2');
    expect(log4j2).toContain('appender.stdout.layout.pattern=[%d] %p %m (%c)%n');
    expect(log4j2).toMatch(/logger\.authorizer\.name=kafka\.authorizer\.logger\nlogger\.authorizer\.level=INFO/);
    expect(log4j2).not.toContain('log4j.');
    expect(renderLog4j('reload4j')).toContain('log4j.logger.kafka.authorizer.logger=INFO');
  });

  it("reads an installation's version from its broker jar, not from its sources or tests", async () => {
    const libs = await mkdtemp(join(tmpdir(), 'kafka-tutor-libs-'));
    expect(brokerJarVersion(libs)).toBeUndefined();
    for (const name of ['kafka_2.13-4.1.1-test.jar', 'kafka-clients-4.1.1.jar', 'kafka_2.13-4.1.1.jar']) await writeFile(join(libs, name), '');
    expect(brokerJarVersion(libs)).toBe('4.1.1');
  });

  it("tells a release Maven Central does not have from other Maven failures", () => {
    const missing = '[ERROR] Failed to execute goal on project kafka-tutor-sandbox: Could not resolve dependencies for project kafka-tutor:kafka-tutor-sandbox:pom:0.1.0: org.apache.kafka:kafka_2.13:jar:4.9.9 was not found in https://repo.maven.apache.org/maven2 during a previous attempt.';
    expect(isMissingRelease(missing, '4.9.9')).toBe(true);
    expect(isMissingRelease(missing, '4.9')).toBe(false);
    expect(isMissingRelease('[ERROR] Could not transfer artifact org.apache.kafka:kafka_2.13:jar:4.4.0 from/to central: Connection refused', '4.4.0')).toBe(false);
  });
});
