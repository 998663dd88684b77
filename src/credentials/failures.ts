/**
 * Every diagnosis kafka-tutor can make about credentials and the connection to
 * the cluster, in one table: `doctor`, the lessons and `check` all say these
 * same sentences. `{name}` placeholders are filled with the student's own paths
 * and names (already shell-quoted where they go into a command).
 */
import { UserError } from '../errors.js';

export interface FailureText {
  /** One plain sentence: what is wrong, or worth knowing. */
  sentence: string;
  /** The exact command (or action) that fixes it; absent for notes. */
  fix?: string;
}

const RECOPY = 'Copy it again from your laptop: {copy}';
const READ_PASSWORD = 'read -rs KAFKA_TUTOR_PASSWORD && export KAFKA_TUTOR_PASSWORD   (type the password, then Enter; it is not shown)';

export const FAILURES = {
  // --- the credentials folder
  'auth-missing': { sentence: 'There is no {authDir} folder, so the course\'s programs cannot find your credentials.', fix: 'Copy your credentials folder from your laptop: {copy}' },
  'auth-found-elsewhere': { sentence: 'There is no {authDir} folder, but a credentials folder is at {found}.', fix: 'cp -r {found} {authDir}' },
  'auth-too-deep': { sentence: 'Your credentials are one folder too deep: they are in {nested}, but the programs read {authDir} itself.', fix: 'mv {nested}/* {authDir}/ && rmdir {nested}' },
  'auth-is-file': { sentence: '{authDir} is a file, but it must be a folder holding ca.crt and kafka.keystore.pkcs12.', fix: 'mv {authDir} {authDir}.old && {copy}' },
  // --- files in it
  'file-missing': { sentence: '{file} is missing from {authDir}.', fix: RECOPY },
  'file-misnamed': { sentence: '{file} is missing, but {actual} looks like it under another name.', fix: 'mv {actual} {file}' },
  'file-unreadable': { sentence: '{file} exists but cannot be read by you ({code}).', fix: 'sudo chown "$USER" {file} && chmod 600 {file}' },
  'file-empty': { sentence: '{file} is empty (0 bytes): the copy did not finish.', fix: RECOPY },
  'file-truncated': { sentence: '{file} is cut short ({size} bytes): the copy was probably interrupted.', fix: RECOPY },
  'files-swapped': { sentence: 'ca.crt and kafka.keystore.pkcs12 are swapped: each holds what the other should.', fix: 'mv {caPath} {caPath}.tmp && mv {keystorePath} {caPath} && mv {caPath}.tmp {keystorePath}' },
  'ca-is-keystore': { sentence: '{caPath} is a PKCS12 keystore, not the CA certificate.', fix: 'Copy the real ca.crt from your credentials folder on your laptop: {copy}' },
  'ca-not-certificate': { sentence: '{caPath} does not hold a certificate (it looks like {kind}).', fix: RECOPY },
  'ca-der': { sentence: '{caPath} is in binary DER form, but the course\'s programs read PEM text.', fix: 'openssl x509 -inform DER -in {caPath} -out {caPath}.pem && mv {caPath}.pem {caPath}' },
  'ca-bom': { sentence: '{caPath} starts with a byte-order mark (an editor on Windows added it); that is fine, it is read anyway.' },
  'ca-crlf': { sentence: '{caPath} has Windows line endings; that is fine, it is read anyway.' },
  'ca-not-ca': { sentence: '{caPath} is not a CA certificate: it is the certificate of {subject}, which cannot vouch for the brokers.', fix: 'Copy the ca.crt of your credentials folder: {copy}' },
  'ca-expired': { sentence: 'The CA certificate in {caPath} expired on {date}.', fix: 'Ask the course staff for current credentials (and check the VM clock: date).' },
  'ca-not-yet-valid': { sentence: 'The CA certificate in {caPath} is valid only from {date}: the VM\'s clock or the certificate is wrong.', fix: 'date   (if the clock is wrong: sudo timedatectl set-ntp true)' },
  'keystore-is-certificate': { sentence: '{keystorePath} holds a PEM certificate, not a PKCS12 keystore.', fix: 'Copy the real kafka.keystore.pkcs12 of your credentials folder: {copy}' },
  'keystore-corrupt': { sentence: '{keystorePath} is not a readable PKCS12 keystore: the file is damaged or is something else.', fix: RECOPY },
  // --- the keystore's password and contents
  'password-missing': { sentence: 'No password for {keystorePath} was given, and there is no {passwordFile} beside it.', fix: READ_PASSWORD },
  'keystore-wrong-password': { sentence: 'The password from {source} does not open {keystorePath} (the keystore itself is intact).', fix: READ_PASSWORD },
  'keystore-legacy': { sentence: '{keystorePath} uses old encryption ({algorithms}) that Node\'s OpenSSL 3 refuses; kafka-tutor reads it itself, so it works.' },
  'keystore-no-key': { sentence: '{keystorePath} holds no private key, only certificates, so you cannot prove who you are.', fix: RECOPY },
  'keystore-no-cert': { sentence: '{keystorePath} holds no certificate for its private key.', fix: RECOPY },
  'keystore-several-keys': { sentence: '{keystorePath} holds {count} private keys; kafka-tutor uses the one that matches {cn}, but other programs may pick another.', fix: RECOPY },
  'cert-expired': { sentence: 'Your certificate ({cn}) expired on {date}.', fix: 'Ask the course staff for new credentials (and check the VM clock: date).' },
  'cert-not-yet-valid': { sentence: 'Your certificate ({cn}) is valid only from {date}: the VM\'s clock or the certificate is wrong.', fix: 'date   (if the clock is wrong: sudo timedatectl set-ntp true)' },
  'cert-wrong-ca': { sentence: 'Your certificate ({cn}, issued by {issuer}) was not issued by the CA in {caPath}: the two come from different courses or cohorts.', fix: 'Use ca.crt and kafka.keystore.pkcs12 from the same credentials folder: {copy}' },
  'key-mismatch': { sentence: 'The private key in {keystorePath} does not belong to its certificate ({cn}).', fix: RECOPY },
  // --- client id and topic
  'client-id-missing': { sentence: 'Your certificate has no common name (CN), so your client id is unknown.', fix: '--client-id clientNN   (your client id, as the course staff gave it)' },
  'client-id-mismatch': { sentence: 'You configured client id {configured} ({source}), but your certificate says {cn}; Kafka knows you as {cn}, and your topic is {cn}.', fix: '{fixClientId}' },
  'folder-name-mismatch': { sentence: 'The folder is named {folder}, but the certificate inside belongs to {cn}: is this someone else\'s folder?', fix: 'Use your own credentials folder (your client id is in the name): {copy}' },
  'key-readable-by-others': { sentence: 'Other users on this machine can read {files}; anyone who copies them can act as {cn}.', fix: 'chmod 600 {files} && chmod 700 {authDir}' },
  // --- reaching the brokers
  'broker-address-invalid': { sentence: '{broker} is not a host:port address.', fix: 'Write brokers as host:port,host:port, e.g. --bootstrap 127.0.0.1:19093' },
  'broker-unresolvable': { sentence: 'The host name {host} does not resolve to an address: it is misspelt, or the DNS cannot see it.', fix: 'Check the host name in {source}; try: getent hosts {host}' },
  'broker-refused': { sentence: 'Nothing accepts connections on {broker}: the broker is down, or the port is wrong.', fix: 'Check the port in {source}; try: nc -vz {host} {port}' },
  'broker-timeout': { sentence: '{broker} did not answer within {seconds} s.', fix: 'nc -vz -w 5 {host} {port}' },
  'brokers-all-timeout': { sentence: 'No broker answered within {seconds} s: a firewall, a security group or a VPN is probably blocking the traffic.', fix: 'Check the VM\'s outbound rules and any VPN, then: nc -vz -w 5 {host} {port}' },
  'broker-plaintext': { sentence: '{broker} speaks plaintext, but your settings expect SSL: the port belongs to another listener.', fix: 'Use the SSL port the course gives, in {source}' },
  'broker-not-tls': { sentence: '{broker} answered, but not with TLS: it is not a Kafka SSL listener.', fix: 'Use the SSL port the course gives, in {source}' },
  'broker-expects-ssl': { sentence: '{broker} expects SSL, but your settings say security.protocol=PLAINTEXT.', fix: 'Set security.protocol=SSL ({source})' },
  'broker-not-kafka': { sentence: '{broker} accepts connections but does not answer like a Kafka broker.', fix: 'Check the port in {source}' },
  'cluster-unreachable': { sentence: 'The cluster at {brokers} could not be reached ({reason}), so nothing was checked.', fix: '{reachFix}' },
  'cluster-lost': { sentence: 'The cluster at {brokers} went away during the check ({reason}), so the check could not finish.', fix: 'Run the check again once the cluster is back (kafka-tutor doctor tells you when it is); nothing was counted against the student.' },
  // --- TLS between you and the broker
  'broker-cert-untrusted': { sentence: 'The broker at {broker} shows a certificate ({subject}) that your ca.crt does not vouch for ({reason}).', fix: 'Use the ca.crt of this cluster\'s course: {copy}' },
  'broker-hostname-mismatch': { sentence: 'The broker\'s certificate names {names}, not {host}, and host-name checking is on.', fix: 'Connect with a name the certificate holds (e.g. {suggestion}), or set ssl.endpoint.identification.algorithm=none as the course does (the certificate is still checked against ca.crt)' },
  'broker-hostname-unchecked': { sentence: 'Host-name checking is off (ssl.endpoint.identification.algorithm=none): the broker\'s certificate is checked against ca.crt, but not against the name {host}.' },
  'client-cert-rejected': { sentence: 'The broker at {broker} refused your certificate ({cn}): its CA does not know it ({reason}).', fix: 'Use credentials issued for this cluster: {copy}' },
  'broker-closed': { sentence: '{broker} closed the connection right after TLS, which usually means it refused your certificate.', fix: 'Use credentials issued for this cluster: {copy}' },
  // --- Kafka itself
  'kafka-unreachable': { sentence: 'kafka-tutor reached the brokers but could not talk Kafka to them: {reason}.', fix: 'kafka-tutor doctor --timeout 15   (a slow network), or ask the course staff whether the cluster is up' },
  'topic-missing': { sentence: 'Your topic {topic} does not exist on the cluster.', fix: 'Ask the course staff to create it (students cannot create topics), or check --client-id' },
  'topic-denied': { sentence: 'Kafka refused {cn} access to topic {topic}: the cluster\'s ACLs let each student use only their own topic, named after their client id.', fix: 'Ask the course staff to give {cn} access to the topic {topic} (students cannot change ACLs)' },
  'group-denied': { sentence: 'Kafka refused {cn} the consumer group {group}: the ACLs allow only groups that start with {cn} and the course\'s {group}.', fix: 'Ask the course staff to grant {cn} the group {group}, and meanwhile use a group named {cn}-something' },
} as const satisfies Record<string, FailureText>;

export type FailureId = keyof typeof FAILURES;

/** Values for the `{name}` placeholders of a failure's sentence and fix. */
export type FailureVars = Record<string, string | number>;

function fill(template: string, vars: FailureVars): string {
  // An unfilled placeholder stays visible as <name> rather than vanishing.
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (vars[name] === undefined ? `<${name}>` : String(vars[name])));
}

/**
 * The sentence and fix of a known failure, with the student's values filled in.
 *
 * @example
 *   describeFailure('file-empty', { file: 'auth/ca.crt', copy: 'scp …' })
 *   // { failureId: 'file-empty', message: 'auth/ca.crt is empty (0 bytes): …', fix: 'Copy it again …' }
 */
export function describeFailure(id: FailureId, vars: FailureVars = {}): { failureId: FailureId; message: string; fix: string | undefined } {
  const text: FailureText = FAILURES[id];
  return { failureId: id, message: fill(text.sentence, vars), fix: text.fix === undefined ? undefined : fill(text.fix, vars) };
}

/**
 * A known failure as a `UserError` whose `code` is the failure id.
 *
 * @example
 *   throw failureError('keystore-wrong-password', { source: 'password.txt', keystorePath: 'auth/kafka.keystore.pkcs12' });
 */
export function failureError(id: FailureId, vars: FailureVars = {}, exitCode = 2): UserError {
  const { message, fix } = describeFailure(id, vars);
  return new UserError(message, { code: id, exitCode, ...(fix === undefined ? {} : { fix }) });
}

/** Tells whether a thrown value is the given known failure (or one of them). */
export function isFailure(error: unknown, ...ids: FailureId[]): error is UserError & { code: FailureId } {
  return error instanceof UserError && error.code !== undefined && (ids.length === 0 ? error.code in FAILURES : (ids as string[]).includes(error.code));
}
