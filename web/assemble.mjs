#!/usr/bin/env node
// @ts-check
// Assembles the one file publishers load, factcard.js, from the ES modules in web/src/ (the
// layout is in docs/ARCHITECTURE.md). No bundler and no dependency: the modules are written so that
// concatenating them in order inside one IIFE is all it takes. Each module's `import` lines are
// dropped and its `export` keywords removed, so a name one module exports is simply in scope for
// the modules after it. JSDoc blocks (types for tsc; `/*!` ones stay) are dropped: readers of the
// shipped file keep the line comments, and the page does not download the types. The result is a
// classic script (it also runs as its own worker), without eval or new Function.
//   node web/assemble.mjs [--out build/web]   writes OUT/factcard.js and OUT/labels/<lang>.json
//   (the label tables other than English, which factcard.js fetches beside factcard.wasm)
// Import assemble() to put other scripts together the same way (demo/build-site.mjs does, for the
// editor's worker).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const WEB = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(WEB, '..');

/** The widget's modules, in the order they are concatenated: each uses only those before it. */
export const WIDGET = ['wasm', 'cards', 'core', 'client', 'i18n', 'styles', 'fragment', 'view', 'frames', 'gate', 'page', 'cardpage', 'main']
  .map((name) => join(WEB, 'src', `${name}.mjs`));

const BANNER = `/*! factcard.js: embeddable fact cards (who, what, when, source). Plain ES2020, no build step.
 * Upgrades <blockquote class="fact-card" data-story data-claim> and <fact-card story claim> into
 * cards computed by factcard.wasm (and, for story files, factcard-story.wasm; both shipped next to
 * this file, with labels/ for cards in other languages than English) once they near the viewport.
 * Embedding, theming (--factcard-* properties, ::part names), events and API: web/README.md.
 * Assembled by web/assemble.mjs from web/src/: edit those. */`;

const IMPORT = /^import\s[^;]*?from\s+'(\.{1,2}\/[^']+)';\n/gm;
const EXPORT = /^export (?=(?:async )?function|const |let |class )/gm;
// Up to the first `*/`: comments do not nest. Either on lines of its own, or inline (a cast:
// `/** @type {T} */ (value)`).
const JSDOC = /([ \t]*)\/\*\*(?!!)[\s\S]*?\*\/(?:([ \t]*\n)| ?)/g;

/** @param {string} source */
function dropJsdoc(source) {
  return source.replace(JSDOC, (block, indent, end, at) => {
    const ownLines = (at === 0 || source[at - 1] === '\n') && end;
    return ownLines ? '' : `${indent}${end || ''}`;
  });
}
const TOP_LEVEL = /^(?:export )?(?:async )?(?:function\*?|const|let|class) ([\w$]+)/gm;

/**
 * One IIFE of the given modules, in this order. Throws when a module imports from a file that is
 * not before it, uses an export form this does not handle, or declares a top-level name that an
 * earlier module also declares (in one scope they would collide).
 * @param {string[]} files
 * @param {string} banner
 * @returns {string}
 */
export function assemble(files, banner = '') {
  const declared = new Map(); // top-level name -> file
  const parts = files.map((file, i) => {
    const name = relative(ROOT, file);
    const source = readFileSync(file, 'utf8');
    for (const [, from] of source.matchAll(IMPORT)) {
      const target = resolve(dirname(file), from);
      if (!files.slice(0, i).includes(target)) throw new Error(`${name} imports ${from}, which is not assembled before it`);
    }
    if (/^export (default|\{|\*)/m.test(source)) throw new Error(`${name}: only \`export function|const|let|class\` is supported`);
    for (const [, id] of source.matchAll(TOP_LEVEL)) {
      if (declared.has(id)) throw new Error(`${name} and ${declared.get(id)} both declare ${id} at the top level`);
      declared.set(id, name);
    }
    const body = dropJsdoc(source.replace(IMPORT, '').replace(EXPORT, '')).trim();
    if (/^\s*(import|export)\b/m.test(body)) throw new Error(`${name}: an import or export form this does not handle`);
    return `// ---------- ${name} ----------\n\n${body}\n`;
  });
  const text = `${banner ? `${banner}\n` : ''}(() => {\n'use strict';\n\n${parts.join('\n')}})();\n`;
  new Script(text, { filename: 'assembled' }); // compiles only: a syntax error fails the build, not a page
  return text;
}

/**
 * The one version number of factcard, from the VERSION file (also read by CMake for
 * `factcard --version`, and by web/prepack.mjs against web/package.json).
 * @returns {string}
 */
export function readVersion() {
  const version = readFileSync(join(ROOT, 'VERSION'), 'utf8').trim();
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`VERSION holds "${version}": expected MAJOR.MINOR.PATCH[-PRERELEASE]`);
  return version;
}

const UNASSEMBLED_VERSION = "const VERSION = '0.0.0-unassembled';";
const NO_INLINE_LABELS = 'const INLINE_LABELS = {};';

/** The label tables of the languages other than English (web/labels/<lang>.json), by language. */
export function labelTables() {
  const dir = join(WEB, 'labels');
  /** @type {Record<string, Record<string, string>>} */
  const tables = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    tables[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  }
  return tables;
}

/**
 * factcard.js as it stands in web/src/ now (the browser tests compare it with what the site ships).
 * With `inlineLabels` (the npm package's), the tables of web/labels/ are in the file; without, the
 * widget fetches them from labels/ beside factcard.wasm (writeLabels puts them there).
 * @param {{ inlineLabels?: boolean }} [options]
 */
export function assembleWidget({ inlineLabels = false } = {}) {
  let text = assemble(WIDGET, BANNER);
  const parts = text.split(UNASSEMBLED_VERSION);
  if (parts.length !== 2) throw new Error(`web/src/page.mjs must declare \`${UNASSEMBLED_VERSION}\` once: the version goes there`);
  text = parts.join(`const VERSION = '${readVersion()}';`);
  const listed = /const LABEL_FILES = (\[[^\]]*\]);/.exec(text);
  const tables = labelTables();
  if (!listed || JSON.stringify(JSON.parse(listed[1].replace(/'/g, '"'))) !== JSON.stringify(Object.keys(tables))) {
    throw new Error(`web/src/i18n.mjs: LABEL_FILES must list the tables of web/labels/ (${Object.keys(tables).join(', ')})`);
  }
  if (text.split(NO_INLINE_LABELS).length !== 2) throw new Error(`web/src/i18n.mjs must declare \`${NO_INLINE_LABELS}\` once`);
  return inlineLabels ? text.replace(NO_INLINE_LABELS, `const INLINE_LABELS = ${JSON.stringify(tables)};`) : text;
}

/**
 * Writes each table of web/labels/ into OUT/labels/, compact: the files factcard.js fetches.
 * @param {string} out
 */
export function writeLabels(out) {
  mkdirSync(join(out, 'labels'), { recursive: true });
  for (const [lang, table] of Object.entries(labelTables())) writeFileSync(join(out, 'labels', `${lang}.json`), `${JSON.stringify(table)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const args = process.argv.slice(2);
  const out = resolve(args[0] === '--out' && args[1] ? args[1] : join(ROOT, 'build', 'web'));
  try {
    mkdirSync(out, { recursive: true });
    const text = assembleWidget();
    writeFileSync(join(out, 'factcard.js'), text);
    writeLabels(out);
    console.log(`${relative(process.cwd(), join(out, 'factcard.js'))}: ${text.length} bytes from ${WIDGET.length} modules; `
      + `${relative(process.cwd(), join(out, 'labels'))}/: ${Object.keys(labelTables()).join(', ')}`);
  } catch (err) {
    console.error(`assemble: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
