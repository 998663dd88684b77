import type { X509Certificate } from 'node:crypto';
import { describeFailure, failureError } from './failures.js';
import { fileVars, readCredentialFile, type ReadContext } from './read.js';
import { describeKind, sniffFile } from './sniff.js';

export interface LoadedCa {
  /** The certificates as PEM text with Unix line endings, ready for a TLS library. */
  pem: string;
  certificates: X509Certificate[];
  /** DER works for kafka-tutor, but the course's programs read PEM only. */
  format: 'pem' | 'der';
  /** Things accepted anyway (a byte-order mark, Windows line endings, DER), each a known failure id. */
  notes: ReturnType<typeof describeFailure>[];
}

/**
 * Opens the CA certificate (`ca.crt`): PEM or DER, tolerating a byte-order mark
 * and Windows line endings, and recognising a keystore saved in its place.
 *
 * @example
 *   const ca = await loadCa('auth/ca.crt');
 *   ca.certificates[0]?.subject // 'CN=kafka-tutor sandbox CA'
 */
export async function loadCa(path: string, context: ReadContext = {}): Promise<LoadedCa> {
  const bytes = await readCredentialFile(path, context);
  const vars = { ...fileVars(path, context), caPath: fileVars(path, context).file as string, size: bytes.length };
  const kind = sniffFile(bytes);
  switch (kind.kind) {
    case 'empty': throw failureError('file-empty', vars);
    case 'truncated': throw failureError('file-truncated', vars);
    case 'pkcs12': throw failureError('ca-is-keystore', vars);
    case 'der-certificate':
      return { pem: kind.certificate.toString(), certificates: [kind.certificate], format: 'der', notes: [describeFailure('ca-der', vars)] };
    case 'pem-certificates': {
      const notes = [];
      if (kind.bom) notes.push(describeFailure('ca-bom', vars));
      if (kind.crlf) notes.push(describeFailure('ca-crlf', vars));
      return { pem: kind.pem, certificates: kind.certificates, format: 'pem', notes };
    }
    case 'pem-other':
    case 'unknown':
      throw failureError('ca-not-certificate', { ...vars, kind: describeKind(kind) });
  }
}
