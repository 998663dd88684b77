import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCa, issueCertificate, writePkcs12 } from '../../src/credentials/pki.js';
import { PASSWORD } from '../unit/credentials/fixtures.js';
import { check, closedPort } from '../unit/doctor/helpers.js';
import { sandboxState } from '../support/sandbox.js';
import { doctorOn, forwarder, silentServer, textServer, vmWithStudent, type LoopbackServer } from './doctor.fixtures.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(server: Promise<LoopbackServer>): Promise<LoopbackServer> {
  servers.push(await server);
  return servers.at(-1) as LoopbackServer;
}

async function sandboxBroker() {
  const [first] = (await sandboxState()).bootstrap.split(',');
  const [host, port] = (first as string).split(':');
  return { host: host as string, port: Number(port), address: first as string };
}

describe('doctor against the sandbox: reaching the brokers', () => {
  it('names a host that does not resolve, and skips what depends on it', async () => {
    const report = await doctorOn(await vmWithStudent('client1'), { brokers: ['broker.invalid:19093'], brokersSource: '--bootstrap' });
    expect(check(report, 'brokers')).toMatchObject({
      failureId: 'broker-unresolvable',
      message: 'The host name broker.invalid does not resolve to an address: it is misspelt, or the DNS cannot see it.',
      fix: 'Check the host name in --bootstrap; try: getent hosts broker.invalid',
    });
    expect(check(report, 'tls')).toMatchObject({ status: 'skip', message: 'Skipped: "Brokers answer" failed.' });
  });

  it('tests each broker on its own: a refused port is named while the real broker still passes', async () => {
    const real = await sandboxBroker();
    const port = await closedPort();
    const report = await doctorOn(await vmWithStudent('client1'), { brokers: [real.address, `127.0.0.1:${port}`] });
    expect(check(report, 'brokers')).toMatchObject({ status: 'warn', failureId: 'broker-refused', message: `Nothing accepts connections on 127.0.0.1:${port}: the broker is down, or the port is wrong.` });
    expect(check(report, 'topic').status).toBe('pass');
    expect(report.ok).toBe(true);
  });

  it('gives up on a broker that never answers within the timeout, with the firewall/VPN hint', async () => {
    const silent = await serve(silentServer());
    const report = await doctorOn(await vmWithStudent('client1'), { brokers: [silent.address], timeoutMs: 1500 });
    expect(check(report, 'brokers')).toMatchObject({ failureId: 'brokers-all-timeout', message: expect.stringContaining('a firewall, a security group or a VPN') });
  });

  it('recognises a port that does not speak TLS', async () => {
    const text = await serve(textServer());
    const report = await doctorOn(await vmWithStudent('client1'), { brokers: [text.address] });
    expect(check(report, 'brokers')).toMatchObject({ failureId: 'broker-not-tls', message: `${text.address} answered, but not with TLS: it is not a Kafka SSL listener.` });
  });

  it('recognises the SSL listener when the settings say PLAINTEXT', async () => {
    const real = await sandboxBroker();
    const report = await doctorOn(await vmWithStudent('client1'), { securityProtocol: 'PLAINTEXT', clientId: 'client1', configFile: 'kafka-tutor.properties', brokersSource: 'kafka-tutor.properties' });
    expect(check(report, 'brokers')).toMatchObject({ failureId: 'broker-expects-ssl', message: `${real.address} expects SSL, but your settings say security.protocol=PLAINTEXT.` });
  });
});

describe('doctor against the sandbox: TLS both ways', () => {
  it('says the broker is not trusted when ca.crt is another course\'s CA', async () => {
    const vm = await vmWithStudent('client1');
    writeFileSync(join(vm.authDir, 'ca.crt'), createCa({ commonName: 'Another course CA' }).cert);
    const report = await doctorOn(vm);
    expect(check(report, 'tls')).toMatchObject({ failureId: 'broker-cert-untrusted', message: expect.stringContaining('that your ca.crt does not vouch for (it was signed by another CA)') });
    expect(check(report, 'topic').status).toBe('skip');
  });

  it('reports the broker refusing a client certificate from another CA', async () => {
    const vm = await vmWithStudent('client1');
    const otherCa = createCa({ commonName: 'Another course CA' });
    const leaf = issueCertificate({ commonName: 'client1', ca: otherCa });
    writeFileSync(join(vm.authDir, 'kafka.keystore.pkcs12'), writePkcs12({ key: leaf.key, cert: leaf.cert, chain: [otherCa.cert], password: PASSWORD }));
    writeFileSync(join(vm.authDir, 'password.txt'), PASSWORD);
    const report = await doctorOn(vm);
    expect(check(report, 'certificate')).toMatchObject({ failureId: 'cert-wrong-ca' });
    // The real broker confirms it: the handshake ends with its refusal.
    expect(check(report, 'tls')).toMatchObject({ status: 'fail', failureId: expect.stringMatching(/^(client-cert-rejected|broker-closed)$/) });
    expect(check(report, 'tls').message).toMatch(/refused your certificate/);
  });

  it('fails a host name the broker certificate does not hold, and passes it with identification off', async () => {
    const real = await sandboxBroker();
    const proxy = await serve(forwarder('127.0.0.2', real));
    const vm = await vmWithStudent('client1');
    const strict = await doctorOn(vm, { brokers: [proxy.address], verifyHostname: true });
    expect(check(strict, 'tls')).toMatchObject({
      failureId: 'broker-hostname-mismatch',
      message: expect.stringMatching(/^The broker's certificate names .*127\.0\.0\.1.*, not 127\.0\.0\.2, and host-name checking is on\.$/),
      fix: expect.stringContaining('ssl.endpoint.identification.algorithm=none'),
    });
    const relaxed = await doctorOn(vm, { brokers: [proxy.address], verifyHostname: false });
    expect(check(relaxed, 'tls')).toMatchObject({ status: 'pass', message: expect.stringContaining('Host-name checking is off') });
    expect(check(relaxed, 'topic').status).toBe('pass');
    expect(check(relaxed, 'group').status).toBe('pass');
  });
});
