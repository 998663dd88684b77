import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { loadCa } from '../credentials/ca.js';
import { checkCaCertificate, commonNameOf } from '../credentials/certificate.js';
import { isFailure } from '../credentials/failures.js';
import { locateAuthDir } from '../credentials/locate.js';
import { copyFromLaptopCommand, showPath } from '../credentials/paths.js';
import { describeKind, sniffFile, type FileKind } from '../credentials/sniff.js';
import { fail, failFromError, pass } from './outcome.js';
import type { Check, CheckOutcome, DoctorState } from './types.js';

// Names a student's download or an editor may have given the files instead.
const LOOKALIKES = {
  ca: /^(ca|ca[-_ ]?cert|cacert|ca[-_ ]?\(\d\))?\.?(crt|pem|cer)(\.txt)?$|^ca\.crt\.\w+$/i,
  keystore: /\.(p12|pfx|pkcs12|keystore)(\.\w+)?$|keystore/i,
};

async function findLookalike(dir: string, wanted: string, kind: keyof typeof LOOKALIKES): Promise<string | undefined> {
  try {
    return (await readdir(dir)).find((name) => name !== wanted && LOOKALIKES[kind].test(name));
  } catch {
    return undefined;
  }
}

async function sniffPath(path: string): Promise<FileKind | undefined> {
  try {
    return sniffFile(await readFile(path));
  } catch {
    return undefined;
  }
}

function fileVarsOf(state: DoctorState, path: string): Record<string, string | number> {
  const ctx = state.input;
  return { ...state.vars, file: showPath(path, ctx), copy: copyFromLaptopCommand(ctx.authDir, state.vars.clientGuess as string | undefined, path) };
}

async function missingFile(state: DoctorState, path: string, kind: keyof typeof LOOKALIKES): Promise<CheckOutcome> {
  const actual = await findLookalike(state.input.authDir, basename(path), kind);
  const vars = fileVarsOf(state, path);
  if (actual === undefined) return fail('file-missing', vars);
  return fail('file-misnamed', { ...vars, actual: showPath(join(state.input.authDir, actual), state.input) });
}

const authFolder: Check = {
  id: 'auth-folder',
  title: 'Credentials folder',
  needs: [],
  async run(state) {
    const { authDir, cwd, home, clientId } = state.input;
    const location = await locateAuthDir(authDir, { cwd, home, clientId });
    switch (location.status) {
      case 'ok': return pass(`${state.vars.authDir} is a folder.`);
      case 'is-file': return fail('auth-is-file', state.vars);
      case 'too-deep': return fail('auth-too-deep', { ...state.vars, nested: showPath(location.nested, state.input) });
      case 'missing':
        if (location.found === undefined) return fail('auth-missing', state.vars);
        return fail('auth-found-elsewhere', { ...state.vars, found: showPath(location.found, state.input) });
    }
  },
};

const caFile: Check = {
  id: 'ca-file',
  title: 'CA certificate (ca.crt)',
  needs: ['auth-folder'],
  async run(state) {
    const { caPath, keystorePath, cwd, home } = state.input;
    try {
      state.ca = await loadCa(caPath, { cwd, home, clientId: state.vars.clientGuess as string | undefined });
    } catch (error) {
      if (isFailure(error, 'file-missing')) return missingFile(state, caPath, 'ca');
      const keystoreKind = (await sniffPath(keystorePath))?.kind;
      if (isFailure(error, 'ca-is-keystore') && (keystoreKind === 'pem-certificates' || keystoreKind === 'der-certificate')) return fail('files-swapped', state.vars);
      return failFromError(error);
    }
    const ca = state.ca.certificates[0];
    if (ca === undefined) return fail('ca-not-certificate', { ...state.vars, kind: 'an empty certificate list' });
    if (state.ca.format === 'der') return { status: 'fail', ...state.ca.notes[0] };
    const problem = checkCaCertificate(ca, state.options.now?.() ?? new Date());
    if (problem) return fail(problem.id, { ...state.vars, date: problem.date ?? '', subject: commonNameOf(ca) ?? ca.subject });
    const notes = state.ca.notes.map((note) => `Note: ${note.message}`);
    return pass(`${state.vars.caPath} holds the CA "${commonNameOf(ca) ?? ca.subject}", valid until ${new Date(ca.validTo).toISOString().slice(0, 10)}.`, notes);
  },
};

const keystoreFile: Check = {
  id: 'keystore-file',
  title: 'Keystore file (kafka.keystore.pkcs12)',
  needs: ['auth-folder'],
  async run(state) {
    const { keystorePath, caPath } = state.input;
    let bytes: Buffer;
    try {
      bytes = await readFile(keystorePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return missingFile(state, keystorePath, 'keystore');
      return fail('file-unreadable', { ...fileVarsOf(state, keystorePath), code: (error as NodeJS.ErrnoException).code ?? 'error' });
    }
    const kind = sniffFile(bytes);
    const vars = { ...fileVarsOf(state, keystorePath), size: bytes.length, kind: describeKind(kind) };
    switch (kind.kind) {
      case 'pkcs12': return pass(`${state.vars.keystorePath} is a PKCS12 keystore (${bytes.length} bytes).`);
      case 'empty': return fail('file-empty', vars);
      case 'truncated': return fail('file-truncated', vars);
      case 'pem-certificates':
      case 'der-certificate':
        return (await sniffPath(caPath))?.kind === 'pkcs12' ? fail('files-swapped', vars) : fail('keystore-is-certificate', vars);
      default: return fail('keystore-corrupt', vars);
    }
  },
};

/** The checks that need nothing but the files: is everything where it belongs, and what is it. */
export const fileChecks: Check[] = [authFolder, caFile, keystoreFile];
