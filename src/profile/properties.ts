import { readFile } from 'node:fs/promises';
import { parse } from 'dot-properties';
import { UserError } from '../errors.js';

/** The librdkafka client settings kafka-tutor understands, as the course's programs use them. */
export const KNOWN_KEYS = [
  'bootstrap.servers',
  'security.protocol',
  'ssl.ca.location',
  'ssl.keystore.location',
  'ssl.keystore.password',
  'ssl.endpoint.identification.algorithm',
  'client.id',
] as const;

export type KnownKey = (typeof KNOWN_KEYS)[number];

export interface PropertiesFile {
  path: string;
  values: Partial<Record<KnownKey, string>>;
  /** Keys present in the file that kafka-tutor does not use: named in a warning. */
  unknownKeys: string[];
}

/** The file's text; undefined for binary data: control bytes no text file holds (a keystore has plenty). */
function textOf(bytes: Buffer): string | undefined {
  return bytes.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) ? undefined : bytes.toString('utf8');
}

/**
 * Reads a librdkafka-style properties file (`key=value`, `#` comments).
 *
 * @example
 *   const file = await readPropertiesFile('kafka-tutor.properties');
 *   file.values['bootstrap.servers'] // '127.0.0.1:19093'
 */
export async function readPropertiesFile(path: string): Promise<PropertiesFile> {
  const parsed = await readAllProperties(path);
  const values: Partial<Record<KnownKey, string>> = {};
  const unknownKeys: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if ((KNOWN_KEYS as readonly string[]).includes(key)) values[key as KnownKey] = value.trim();
    else unknownKeys.push(key);
  }
  return { path, values, unknownKeys };
}

/**
 * Every key of a properties file, unfiltered and untrimmed (an admin's file has keys a student's has not).
 *
 * @example
 *   (await readAllProperties('admin.properties', '--admin-config'))['ssl.key.location'] // '/…/admin.key'
 */
export async function readAllProperties(path: string, flag = '--config or KAFKA_TUTOR_CONFIG'): Promise<Record<string, string>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UserError(`The config file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, {
      fix: `Check the path you gave with ${flag}, e.g. ls -l ${path}`,
      code: 'config-unreadable',
      exitCode: 2,
    });
  }
  const text = textOf(bytes);
  if (text === undefined) {
    // Never echo the bytes: they may be a keystore, and they garble the terminal.
    throw new UserError(`The config file ${path} is not a text file (it holds binary data, e.g. a keystore), so it cannot be a properties file.`, {
      fix: `Give ${flag} a text file of key=value lines, e.g. bootstrap.servers=127.0.0.1:19093`,
      code: 'config-binary',
      exitCode: 2,
    });
  }
  return parse(text.replace(/^\uFEFF/, '')) as Record<string, string>;
}
