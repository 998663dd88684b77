import type { X509Certificate } from 'node:crypto';
import type { FailureId } from './failures.js';

/** Why a certificate cannot be used at `now`, if it cannot. */
export function validityProblem(cert: X509Certificate, now: Date): { problem: 'expired' | 'not-yet-valid'; date: string } | undefined {
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  if (now < from) return { problem: 'not-yet-valid', date: from.toISOString() };
  if (now > to) return { problem: 'expired', date: to.toISOString() };
  return undefined;
}

/**
 * What is wrong with a CA certificate, as a known failure id.
 *
 * @example
 *   checkCaCertificate(ca, new Date()) // undefined when usable, else e.g. { id: 'ca-expired', date: '…' }
 */
export function checkCaCertificate(cert: X509Certificate, now: Date): { id: FailureId; date?: string } | undefined {
  if (!cert.ca) return { id: 'ca-not-ca' };
  const validity = validityProblem(cert, now);
  if (validity) return { id: validity.problem === 'expired' ? 'ca-expired' : 'ca-not-yet-valid', date: validity.date };
  return undefined;
}

/**
 * True when one of `cas` issued and signed `cert`.
 *
 * @example
 *   isIssuedBy(keystore.certificate, ca.certificates) // false for another cohort's credentials
 */
export function isIssuedBy(cert: X509Certificate, cas: X509Certificate[]): boolean {
  return cas.some((ca) => cert.checkIssued(ca) && cert.verify(ca.publicKey));
}

/** The CN of a certificate's subject, e.g. 'client45'. */
export function commonNameOf(cert: X509Certificate): string | undefined {
  return /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1];
}
