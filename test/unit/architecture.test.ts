/**
 * The rooms of src/, checked on the source itself: only src/kafka/ talks kafkajs,
 * only src/ui/ talks @clack/prompts, and no code names a lesson of the course
 * (lessons are data in lessons/, so a course folder can bring its own).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

interface Scanned {
  /** Path from the repository root, with forward slashes, e.g. 'src/kafka/client.ts'. */
  file: string;
  /** Every module named by import/export declarations, import() calls and import('x') types. */
  modules: string[];
  /** Every other string literal and template text, comments excluded (the parser never sees them as strings). */
  strings: string[];
}

function scan(path: string): Scanned {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const modules: string[] = [];
  const strings: string[] = [];
  const visit = (node: ts.Node): void => {
    let specifier: ts.Node | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) specifier = node.arguments[0];
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) specifier = node.argument.literal;
    if (specifier && ts.isStringLiteralLike(specifier)) modules.push(specifier.text);
    // A module path is not a string a user reads ('../credentials/pki.js' names a folder, not the lesson).
    else if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) strings.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { file: relative(root, path).split(sep).join('/'), modules, strings };
}

const scanned = sourceFiles(src).map(scan);
const lessonIds = (JSON.parse(readFileSync(join(root, 'lessons', 'manifest.json'), 'utf8')) as { lessons: string[] }).lessons;

/** Literals that equal a lesson id by coincidence, each with what it really names. */
const NOT_LESSONS: { file: string; literal: string; why: string }[] = [
  { file: 'src/class/create.ts', literal: 'credentials', why: "the roster CSV's column" },
  { file: 'src/grade/roster.ts', literal: 'credentials', why: "the roster CSV's column" },
  { file: 'src/check/run.ts', literal: 'credentials', why: "the JSON report's error code when the credentials are unusable" },
];

/** True when `text` names `id`: the whole literal, a lessons/<id> path, or (for a dashed id, no English word) a token. */
function namesLesson(text: string, id: string): boolean {
  if (text.trim() === id || text.includes(`lessons/${id}`)) return true;
  return id.includes('-') && new RegExp(`(^|[^a-z0-9-])${id}($|[^a-z0-9-])`).test(text);
}

const importers = (module: string) => scanned.filter((f) => f.modules.some((m) => m === module || m.startsWith(`${module}/`))).map((f) => f.file);

describe('the rooms of src/', () => {
  it('has found the source files (the scan itself works)', () => {
    expect(scanned.map((f) => f.file)).toContain('src/cli.ts');
    expect(importers('kafkajs')).toContain('src/kafka/client.ts');
    expect(lessonIds.length).toBeGreaterThan(0);
  });

  it('lets only src/kafka/ import kafkajs (types included)', () => {
    expect(importers('kafkajs').filter((file) => !file.startsWith('src/kafka/'))).toEqual([]);
  });

  it('loads kafkajs at run time from src/kafka/kafkajs.ts alone (the build bundles it, src/vendor.ts)', () => {
    const loaders = scanned.filter((f) => f.strings.includes('kafkajs') && f.file !== 'src/vendor.ts').map((f) => f.file);
    expect(loaders).toContain('src/kafka/kafkajs.ts');
    expect(loaders.filter((file) => !file.startsWith('src/kafka/'))).toEqual([]);
    const valueImports = scanned.filter((f) => /^\s*import\s+(?!type\b)[^;]*from\s+'kafkajs'|await import\('kafkajs'\)/m.test(readFileSync(join(root, f.file), 'utf8'))).map((f) => f.file);
    expect(valueImports).toEqual([]);
  });

  it('lets only src/ui/ import @clack/prompts', () => {
    expect(importers('@clack/prompts').filter((file) => !file.startsWith('src/ui/'))).toEqual([]);
  });

  it('names no lesson of lessons/manifest.json in a string', () => {
    const named = scanned.flatMap((f) =>
      f.strings.flatMap((text) =>
        lessonIds
          .filter((id) => namesLesson(text, id))
          .filter(() => !NOT_LESSONS.some((n) => n.file === f.file && n.literal === text))
          .map((id) => `${f.file}: ${JSON.stringify(text)} names ${id}`),
      ),
    );
    expect(named).toEqual([]);
  });
});
