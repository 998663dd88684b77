/**
 * node-forge, loaded the way its CommonJS typings describe (`export =` without a default),
 * which `verbatimModuleSyntax` under NodeNext cannot express as an ESM import.
 *
 * @example
 *   import { forge } from './forge.js';
 *   forge.pki.certificateFromPem(pem);
 */
import { loadVendored } from '../vendor.js';
import { useNativeKdf } from './native-kdf.js';

export const forge = loadVendored<typeof import('node-forge')>('node-forge');
// Keystore key derivation on Node's native hashes: the costliest part of opening one.
useNativeKdf(forge);
