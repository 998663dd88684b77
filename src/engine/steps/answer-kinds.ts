/**
 * How an ask step checks a typed answer: each check returns the sentence the
 * student sees, or undefined when the answer is fine. Nothing here touches the network.
 */
import { isIP } from 'node:net';
import type { AnswerKind } from '../types.js';

// A host name as RFC 1123 allows it: dot-separated labels of letters, digits and inner dashes.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
// POSIX-portable login names, as `useradd` accepts them.
const USER = /^[a-z_][a-z0-9_.-]{0,31}$/i;
// The answer is pasted into a shell command unquoted: these would split or break it.
const SHELL_BREAKING = /[\s'"`$;&|<>*?(){}]/;

function checkHost(value: string): string | undefined {
  if (value.includes('@')) return 'Type only the address; the user name is asked separately.';
  if (/^\[.+\]$/.test(value) && isIP(value.slice(1, -1)) === 6) return undefined;
  if (isIP(value) === 6) return `An IPv6 address goes in brackets for scp: [${value}]`;
  if (isIP(value) === 4) return undefined;
  if (/^\d+(\.\d+)*$/.test(value)) return `${value} is not an IP address: it needs four numbers from 0 to 255, e.g. 13.48.5.125`;
  if (value.includes(':') || value.includes('/')) return 'Type only the address, without a port, path or protocol, e.g. 13.48.5.125';
  const labels = value.split('.');
  if (value.length > 253 || !labels.every((l) => LABEL.test(l))) return `${value} is neither an IP address nor a host name, e.g. 13.48.5.125 or vm45.example.org`;
  return undefined;
}

const CHECKS: Record<AnswerKind, (value: string) => string | undefined> = {
  nonempty: () => undefined,
  path: (value) => (SHELL_BREAKING.test(value) ? 'Type the path without spaces, quotes or shell characters (rename the folder if it has them).' : undefined),
  host: checkHost,
  user: (value) => (USER.test(value) ? undefined : `${value} is not a user name: letters, digits, dots, dashes and underscores, e.g. ubuntu`),
};

/**
 * Checks an answer against a kind; an empty answer is refused unless `optional`.
 *
 * @example
 *   checkAnswer('13.48.5.125', 'host') // undefined (fine)
 *   checkAnswer('ubuntu@13.48.5.125', 'host') // 'Type only the address; the user name is asked separately.'
 */
export function checkAnswer(value: string, kind: AnswerKind | undefined, optional = false): string | undefined {
  const answer = value.trim();
  if (answer === '') return optional ? undefined : 'Type an answer (Ctrl-C leaves the lesson; your progress is saved).';
  return kind ? CHECKS[kind](answer) : undefined;
}
