import { basename, dirname, join } from 'node:path';
import { isIssuedBy, validityProblem } from '../credentials/certificate.js';
import { loadKeystore } from '../credentials/keystore.js';
import { PASSWORD_FILE, passwordSourceWords, resolvePassword } from '../credentials/password.js';
import { CLIENT_FOLDER, copyFromLaptopCommand, showPath } from '../credentials/paths.js';
import { readableByOthers } from '../credentials/permissions.js';
import { describeFailure } from '../credentials/failures.js';
import { fail, failFromError, pass, warn } from './outcome.js';
import type { Check, DoctorInput } from './types.js';

const password: Check = {
  id: 'password',
  title: 'Keystore password',
  needs: ['keystore-file'],
  async run(state) {
    const { keystorePath, cwd, home, password: explicit } = state.input;
    try {
      const found = await resolvePassword({ keystorePath, explicit, ask: state.options.ask, cwd, home });
      const source = passwordSourceWords(found.source, { keystorePath, configFile: state.input.configFile, cwd, home });
      state.password = { password: found.password, source };
      // Never the password itself: only where it came from.
      return pass(`A password comes from ${source}.`);
    } catch (error) {
      return failFromError(error);
    }
  },
};

const keystore: Check = {
  id: 'keystore',
  title: 'Keystore opens',
  needs: ['password'],
  async run(state) {
    const { keystorePath, cwd, home } = state.input;
    try {
      state.keystore = await loadKeystore(keystorePath, state.password!.password, { cwd, home, passwordSource: state.password!.source, clientId: state.vars.clientGuess as string | undefined });
    } catch (error) {
      return failFromError(error);
    }
    const { keystore: ks } = state;
    const vars = { ...state.vars, cn: ks.commonName ?? '?', count: ks.keyCount, algorithms: ks.algorithms.join(', ') };
    if (ks.commonName) state.vars.clientGuess = ks.commonName;
    state.vars.copy = copyFromLaptopCommand(state.input.authDir, state.vars.clientGuess as string | undefined);
    if (ks.keyCount > 1 && ks.keyMatchesCert) return warn('keystore-several-keys', vars);
    const notes = ks.legacy ? [`Note: ${describeFailure('keystore-legacy', vars).message}`] : [];
    return pass(`It holds a private key and the certificate of ${ks.commonName ?? 'an unnamed subject'}.`, notes);
  },
};

const certificate: Check = {
  id: 'certificate',
  title: 'Your certificate',
  needs: ['keystore'],
  async run(state) {
    const ks = state.keystore!;
    const vars = { ...state.vars, cn: ks.commonName ?? '?', issuer: ks.issuer };
    if (!ks.keyMatchesCert) return fail('key-mismatch', vars);
    if (state.ca && !isIssuedBy(ks.certificate, state.ca.certificates)) return fail('cert-wrong-ca', vars);
    const validity = validityProblem(ks.certificate, state.options.now?.() ?? new Date());
    if (validity) return fail(validity.problem === 'expired' ? 'cert-expired' : 'cert-not-yet-valid', { ...vars, date: validity.date });
    const issued = state.ca ? `issued by your ca.crt, ` : '';
    return pass(`${ks.commonName ?? 'It'}: ${issued}valid until ${ks.notAfter.toISOString().slice(0, 10)}; the key matches it.`);
  },
};

function clientIdFix(input: DoctorInput, cn: string): string {
  switch (input.clientIdSource) {
    case 'env': return `export KAFKA_TUTOR_CLIENT_ID=${cn}`;
    case 'config': return `Set client.id=${cn} in ${input.configFile ?? 'your config file'}`;
    default: return `--client-id ${cn}   (or leave it out: kafka-tutor takes it from your certificate)`;
  }
}

const clientId: Check = {
  id: 'client-id',
  title: 'Client id and topic',
  needs: ['keystore'],
  async run(state) {
    const { input } = state;
    const cn = state.keystore!.commonName;
    if (cn === undefined) {
      if (input.clientId === undefined) return fail('client-id-missing', state.vars);
      state.clientId = input.clientId;
      return pass(`Your client id is ${input.clientId} (configured; the certificate has no CN).`);
    }
    if (input.clientId !== undefined && input.clientId !== cn) {
      return fail('client-id-mismatch', { ...state.vars, cn, configured: input.clientId, source: input.clientIdSource ?? 'configured', fixClientId: clientIdFix(input, cn) });
    }
    state.clientId = cn;
    const folder = basename(input.authDir);
    if (CLIENT_FOLDER.test(folder) && folder !== cn) return warn('folder-name-mismatch', { ...state.vars, cn, folder });
    return pass(`Your client id is ${cn} (from your certificate), so your topic is ${cn}.`);
  },
};

const permissions: Check = {
  id: 'permissions',
  title: 'Who can read your key',
  needs: ['keystore-file'],
  async run(state) {
    const { input } = state;
    const secrets = [input.keystorePath, join(dirname(input.keystorePath), PASSWORD_FILE)];
    const exposed = await readableByOthers(secrets);
    if (exposed.length > 0) {
      const files = exposed.map((path) => showPath(path, input)).join(' ');
      return warn('key-readable-by-others', { ...state.vars, files, cn: state.keystore?.commonName ?? 'you' });
    }
    return pass('Other users of this machine cannot read your keystore or password file.');
  },
};

/** The checks that open the keystore and compare what is inside with ca.crt and the settings. */
export const keystoreChecks: Check[] = [password, keystore, certificate, clientId, permissions];
