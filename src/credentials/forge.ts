/**
 * node-forge, loaded the way its CommonJS typings describe (`export =` without a default),
 * which `verbatimModuleSyntax` under NodeNext cannot express as an ESM import.
 *
 * @example
 *   import { forge } from './forge.js';
 *   forge.pki.certificateFromPem(pem);
 */
import { createRequire } from 'node:module';

export const forge = createRequire(import.meta.url)('node-forge') as typeof import('node-forge');
