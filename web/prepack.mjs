#!/usr/bin/env node
// @ts-check
// npm's prepack and postpack steps for the package `factcard`, so that a plain `npm pack` (or
// `npm publish`) in web/ works: the package's factcard.js, factcard.wasm, factcard-story.wasm and
// LICENSE are build
// products or live elsewhere in the repository, so prepack puts them into web/ for npm to pack,
// and postpack removes them again (they are in .gitignore should a failed pack leave them).
//   node prepack.mjs           assemble factcard.js from web/src/, copy the wasm and LICENSE in
//   node prepack.mjs --clean   remove them
// The wasm is FACTCARD_WASM when set, else build-wasm/wasm/factcard.wasm (./run build makes it);
// factcard-story.wasm (story files) is the file of that name beside it.
// Packing refuses when web/package.json's version is not the one in the VERSION file.
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleWidget, readVersion } from './assemble.mjs';

const WEB = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(WEB, '..');
const STAGED = ['factcard.js', 'factcard.wasm', 'factcard-story.wasm', 'LICENSE'];

function stage() {
  const manifest = JSON.parse(readFileSync(join(WEB, 'package.json'), 'utf8'));
  const version = readVersion();
  if (manifest.version !== version) {
    throw new Error(`web/package.json has version ${manifest.version}, the VERSION file ${version}: make them equal`);
  }
  const wasm = resolve(process.env.FACTCARD_WASM || join(ROOT, 'build-wasm', 'wasm', 'factcard.wasm'));
  const storyWasm = join(dirname(wasm), 'factcard-story.wasm');
  for (const file of [wasm, storyWasm]) {
    if (!existsSync(file)) {
      throw new Error(`${relative(process.cwd(), file) || file} is missing: build the wasm first (./run build, or `
        + 'cmake --preset wasm-release && cmake --build --preset wasm-release), or set FACTCARD_WASM');
    }
  }
  writeFileSync(join(WEB, 'factcard.js'), assembleWidget({ inlineLabels: true })); // no label files: a bundler would not copy them
  copyFileSync(wasm, join(WEB, 'factcard.wasm'));
  copyFileSync(storyWasm, join(WEB, 'factcard-story.wasm'));
  copyFileSync(join(ROOT, 'LICENSE'), join(WEB, 'LICENSE'));
}

try {
  if (process.argv[2] === '--clean') for (const file of STAGED) rmSync(join(WEB, file), { force: true });
  else stage();
} catch (err) {
  console.error(`factcard pack: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
