/**
 * Where kafka-tutor's own files are: the folder holding its package.json, found by walking up
 * from this module. That works from `src/` (the tests), from `dist/` (the compiled modules) and
 * from `dist/bundle/` (what bin/ runs), and inside an installed npm package alike.
 *
 * @example
 *   packagePath('lessons'); // '/home/ana/.npm/_npx/…/node_modules/kafka-tutor/lessons'
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'kafka-tutor';

interface Manifest {
  name?: string;
  version: string;
}

/** The package's folder and its package.json, read once. */
function findRoot(from: string): { dir: string; manifest: Manifest } {
  for (let dir = from; ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    const manifest = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : undefined;
    if (manifest?.name === PACKAGE_NAME) return { dir, manifest };
    if (dirname(dir) === dir) throw new Error(`No package.json of ${PACKAGE_NAME} above ${from}.`);
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const { dir: root, manifest } = findRoot(here);

/** A path inside the package, e.g. packagePath('sandbox', 'pom.xml'). */
export function packagePath(...parts: string[]): string {
  return join(root, ...parts);
}

/** True when this code runs from the build (`dist/`), not from `src/`. */
export const runsFromBuild = relative(root, here).split(sep)[0] === 'dist';

/** The package's version, from its package.json. */
export function packageVersion(): string {
  return manifest.version;
}
