/**
 * Heavy CommonJS libraries (kafkajs, node-forge): the build (`dist/`) loads them from single-file
 * bundles (`dist/vendor/<name>.cjs`, made by scripts/build.mjs), `src/` (the tests) from
 * node_modules, so a test's own `import 'kafkajs'` and the code under test share one copy.
 * Same code either way: a bundle is the package, read from one file.
 *
 * A bundle is compiled with V8's code cache: the first run saves, as it exits, the machine
 * code of every function it compiled (`<cache>/v8/`), and later runs start from it. This is
 * what Node 22's `module.enableCompileCache()` does; Node 20 has no such switch, and the
 * libraries that add one save the cache before any function ran, which for a bundle holds
 * next to nothing. A cache V8 refuses (another Node, another bundle) is simply made again.
 *
 * @example
 *   const forge = loadVendored<typeof import('node-forge')>('node-forge');
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheRoot } from './cache.js';
import { packagePath, runsFromBuild } from './package-root.js';

const require = createRequire(import.meta.url);
/** Scripts whose cache is missing or stale, saved once as the process exits. */
const toSave: { script: Script; file: string }[] = [];

export function loadVendored<T>(name: 'kafkajs' | 'node-forge'): T {
  const bundle = packagePath('dist', 'vendor', `${name}.cjs`);
  if (!runsFromBuild || !existsSync(bundle)) return require(name) as T;
  const source = readFileSync(bundle, 'utf8');
  const key = createHash('sha256').update(`${process.version} ${process.arch}\0`).update(source).digest('hex').slice(0, 16);
  const cacheFile = join(cacheRoot(), 'v8', `${name}-${key}.bin`);
  const cachedData = readCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    if (toSave.length === 0) process.once('exit', saveCaches);
    toSave.push({ script, file: cacheFile });
  }
  // As Node's own loader runs a CommonJS file: (exports, require, module, __filename, __dirname).
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return module.exports;
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Best effort: a folder that cannot be written only means the next run compiles again. */
function saveCaches(): void {
  for (const { script, file } of toSave.splice(0)) {
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      // Written aside, then renamed: processes that exit together never read half a file.
      const aside = `${file}.${process.pid}`;
      writeFileSync(aside, script.createCachedData(), { mode: 0o600 });
      renameSync(aside, file);
    } catch {
      // ignored, see above
    }
  }
}
