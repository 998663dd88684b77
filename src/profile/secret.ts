import { inspect } from 'node:util';

const MASK = '********';

/**
 * A value that must never be printed: a keystore password. Any accidental
 * stringification (template literal, JSON.stringify, console.log) shows a mask.
 *
 * @example
 *   const password = new Secret('cc2023');
 *   `${password}` // '********'
 *   password.reveal() // 'cc2023' — only where a TLS library needs it
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return MASK;
  }
  toJSON(): string {
    return MASK;
  }
  [inspect.custom](): string {
    return MASK;
  }
}
