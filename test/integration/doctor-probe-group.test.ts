/**
 * The doctor's brokers probe asks for the course's group on its own TLS connection, so that the
 * group check needs no connection of its own: the real broker's answer, as each student would get it.
 */
import { describe, expect, it } from 'vitest';
import { issueCertificate } from '../../src/credentials/pki.js';
import { probeBroker } from '../../src/doctor/probe.js';
import { parseBroker } from '../../src/profile/brokers.js';
import { sandboxState } from '../support/sandbox.js';
import { freshClientId, sandboxCa } from './doctor.fixtures.js';

describe('the brokers probe asks for the group on the same connection', () => {
  it('hears the broker allow a sandbox student the course group, and refuse a student no ACL names', async () => {
    const state = await sandboxState();
    const target = parseBroker(state.bootstrap.split(',')[0]!)!;
    const ca = await sandboxCa();
    const probeAs = (commonName: string) => {
      const leaf = issueCertificate({ commonName, ca });
      return probeBroker(target, 'SSL', { ca: ca.cert, key: leaf.key, cert: leaf.cert }, 5000, 'simple_consumer');
    };
    expect(await probeAs('client1')).toMatchObject({ kind: 'tls', tls: { answer: 'kafka', untrusted: undefined, coordinatorError: 0 } });
    // 30: GROUP_AUTHORIZATION_FAILED, what the doctor turns into "group-denied".
    expect(await probeAs(freshClientId())).toMatchObject({ kind: 'tls', tls: { answer: 'kafka', coordinatorError: 30 } });
  });
});
