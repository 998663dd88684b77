/**
 * The instructor's admin connection from a librdkafka-style properties file
 * (`--admin-config`): bootstrap.servers, security.protocol, ssl.ca.location and either
 * ssl.certificate.location + ssl.key.location (PEM) or ssl.keystore.location +
 * ssl.keystore.password (PKCS12). Relative paths are relative to the file.
 */
import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { KafkaConfig } from 'kafkajs';
import { loadKeystore } from '../credentials/keystore.js';
import { UserError } from '../errors.js';
import { readAllProperties } from '../profile/properties.js';
import { kafkaConfig } from './client.js';

const EXAMPLE = 'e.g.\n  bootstrap.servers=kafka1:9093\n  security.protocol=SSL\n  ssl.ca.location=ca.crt\n  ssl.certificate.location=admin.crt\n  ssl.key.location=admin.key';

function configError(path: string, message: string): UserError {
  return new UserError(`The admin config ${path} ${message}`, { fix: `Write bootstrap.servers and the admin's SSL settings into it, ${EXAMPLE}`, code: 'admin-config', exitCode: 2 });
}

async function readText(path: string, key: string, file: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw configError(file, `names ${key}=${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

/** The admin's key and certificate as PEM, from PEM files or a PKCS12 keystore. */
async function adminIdentity(values: Record<string, string>, at: (key: string) => string | undefined, file: string): Promise<{ cert: string; key: string } | undefined> {
  const certPath = at('ssl.certificate.location');
  const keyPath = at('ssl.key.location');
  if (certPath && keyPath) {
    const keyText = await readText(keyPath, 'ssl.key.location', file);
    const passphrase = values['ssl.key.password']?.trim();
    // An encrypted PEM key is decrypted here: kafkajs (Node TLS) takes it plain.
    const key = createPrivateKey({ key: keyText, ...(passphrase ? { passphrase } : {}) }).export({ type: 'pkcs8', format: 'pem' }).toString();
    return { cert: await readText(certPath, 'ssl.certificate.location', file), key };
  }
  const keystore = at('ssl.keystore.location');
  if (keystore) {
    const loaded = await loadKeystore(keystore, values['ssl.keystore.password']?.trim() ?? '');
    return { cert: loaded.certPem, key: loaded.keyPem };
  }
  return undefined;
}

/**
 * Reads an admin properties file into a kafkajs configuration.
 *
 * @example
 *   const config = await adminConfigFromProperties('admin.properties');
 *   await withClusterAdmin(config, (admin) => admin.listTopics());
 */
export async function adminConfigFromProperties(file: string): Promise<KafkaConfig> {
  const values = await readAllProperties(file, '--admin-config');
  const at = (key: string) => {
    const value = values[key]?.trim();
    return value ? resolve(dirname(resolve(file)), value) : undefined;
  };
  const brokers = (values['bootstrap.servers'] ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw configError(file, 'gives no bootstrap.servers.');
  const protocol = (values['security.protocol'] ?? 'SSL').trim().toUpperCase();
  if (protocol !== 'SSL' && protocol !== 'PLAINTEXT') throw configError(file, `asks for security.protocol=${protocol}; kafka-tutor speaks SSL (or PLAINTEXT) only.`);
  const verifyHostname = (values['ssl.endpoint.identification.algorithm'] ?? 'https').trim().toLowerCase() !== 'none';
  const options = { clientId: 'kafka-tutor-instructor' };
  if (protocol === 'PLAINTEXT') return kafkaConfig({ brokers, verifyHostname }, { ...options, tls: undefined }, { requestTimeoutMs: 15_000, retries: 5 });
  const caPath = at('ssl.ca.location');
  if (!caPath) throw configError(file, 'gives no ssl.ca.location (the CA that signed the brokers).');
  const identity = await adminIdentity(values, at, file);
  if (!identity) throw configError(file, 'gives neither ssl.certificate.location with ssl.key.location nor ssl.keystore.location: the admin has no identity.');
  const ca = await readText(caPath, 'ssl.ca.location', file);
  return kafkaConfig({ brokers, verifyHostname }, { ...options, tls: { ca, ...identity } }, { requestTimeoutMs: 15_000, retries: 5 });
}
