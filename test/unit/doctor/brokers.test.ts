import { describe, expect, it } from 'vitest';
import { parseBroker } from '../../../src/doctor/network-checks.js';
import { writeCredentials } from '../credentials/fixtures.js';
import { check, doctorOnFiles, studentVm } from './helpers.js';

describe('doctor: broker addresses', () => {
  it('reads host:port, bracketed IPv6, and refuses anything else', () => {
    expect(parseBroker('localhost:19093')).toEqual({ broker: 'localhost:19093', host: 'localhost', port: 19093 });
    expect(parseBroker('[::1]:19093')).toEqual({ broker: '[::1]:19093', host: '::1', port: 19093 });
    expect(parseBroker('localhost')).toBeUndefined();
    expect(parseBroker('localhost:99999')).toBeUndefined();
  });

  it('fails a bootstrap entry without a port, with an example of the right form', async () => {
    const vm = studentVm();
    writeCredentials(vm.authDir);
    expect(check(await doctorOnFiles(vm, { brokers: ['127.0.0.1'] }), 'brokers')).toMatchObject({
      failureId: 'broker-address-invalid',
      message: '127.0.0.1 is not a host:port address.',
      fix: 'Write brokers as host:port,host:port, e.g. --bootstrap 127.0.0.1:19093',
    });
  });
});
