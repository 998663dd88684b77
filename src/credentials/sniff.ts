import { X509Certificate } from 'node:crypto';

/** What a credentials file holds, judged from its bytes alone (no password needed). */
export type FileKind =
  | { kind: 'empty' }
  | { kind: 'truncated' }
  | { kind: 'pem-certificates'; certificates: X509Certificate[]; pem: string; bom: boolean; crlf: boolean }
  | { kind: 'pem-other'; label: string }
  | { kind: 'der-certificate'; certificate: X509Certificate }
  | { kind: 'pkcs12' }
  | { kind: 'unknown' };

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** The total length a DER SEQUENCE announces in its header, or undefined when it is not one. */
function derLength(bytes: Buffer): number | undefined {
  if (bytes.length < 2 || bytes[0] !== 0x30) return undefined;
  const first = bytes[1] as number;
  if (first < 0x80) return 2 + first;
  const octets = first & 0x7f;
  if (octets === 0 || octets > 4 || bytes.length < 2 + octets) return undefined;
  let length = 0;
  for (let i = 0; i < octets; i += 1) length = length * 256 + (bytes[2 + i] as number);
  return 2 + octets + length;
}

/** Where the first element inside the outer SEQUENCE starts. */
function innerStart(bytes: Buffer): number {
  const first = bytes[1] as number;
  return first < 0x80 ? 2 : 2 + (first & 0x7f);
}

function sniffPem(text: string, bom: boolean): FileKind {
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) return { kind: 'truncated' }; // a BEGIN line with no END: cut short
  const certBlocks = blocks.filter((b) => b[1] === 'CERTIFICATE' || b[1] === 'TRUSTED CERTIFICATE');
  if (certBlocks.length === 0) return { kind: 'pem-other', label: blocks[0]?.[1] ?? 'unknown' };
  try {
    const certificates = certBlocks.map((b) => new X509Certificate(b[0]));
    const pem = certBlocks.map((b) => b[0].replaceAll('\r\n', '\n')).join('\n') + '\n';
    return { kind: 'pem-certificates', certificates, pem, bom, crlf: text.includes('\r\n') };
  } catch {
    return { kind: 'truncated' };
  }
}

/**
 * Tells a PEM certificate, a DER certificate and a PKCS12 keystore apart, and
 * recognises the empty or cut-short file an interrupted copy leaves behind.
 *
 * @example
 *   sniffFile(readFileSync('auth/ca.crt')).kind // 'pem-certificates'
 */
export function sniffFile(bytes: Buffer): FileKind {
  if (bytes.length === 0) return { kind: 'empty' };
  const bom = bytes.subarray(0, 3).equals(BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const text = body.toString('latin1');
  if (/^\s*-----BEGIN /.test(text)) return sniffPem(text, bom);
  const announced = derLength(body);
  if (announced === undefined) return { kind: 'unknown' };
  if (announced > body.length) return { kind: 'truncated' };
  // A PFX starts with INTEGER 3 (its version); a certificate with the SEQUENCE of its body.
  const start = innerStart(body);
  if (body[start] === 0x02 && body[start + 1] === 0x01 && body[start + 2] === 0x03) return { kind: 'pkcs12' };
  try {
    return { kind: 'der-certificate', certificate: new X509Certificate(body.subarray(0, announced)) };
  } catch {
    return { kind: 'unknown' };
  }
}

/** A few words for what a file holds, used in sentences ("it looks like …"). */
export function describeKind(kind: FileKind): string {
  switch (kind.kind) {
    case 'empty': return 'an empty file';
    case 'truncated': return 'a file that is cut short';
    case 'pem-certificates': return 'a PEM certificate';
    case 'pem-other': return `a PEM ${kind.label.toLowerCase()}`;
    case 'der-certificate': return 'a DER certificate';
    case 'pkcs12': return 'a PKCS12 keystore';
    case 'unknown': return 'something that is neither a certificate nor a keystore';
  }
}
