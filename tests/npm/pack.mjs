#!/usr/bin/env node
// @ts-check
// Packs the npm package `factcard`: web/'s package files plus the built factcard.wasm and the
// factcard.js that web/assemble.mjs put together, staged in a temporary folder (both are build
// products, not files of web/), then `npm pack` there.
//   node tests/npm/pack.mjs [--wasm build-wasm/wasm/factcard.wasm] [--js build/web/factcard.js] [--out DIR]
// Prints the tarball's path. Import pack() to use it from another script.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB = join(ROOT, 'web');

/** Stages and packs the package; returns { tarball, files, manifest }. Throws with a clear message. */
export function pack({ wasm = join(ROOT, 'build-wasm', 'wasm', 'factcard.wasm'), js: script = join(ROOT, 'build', 'web', 'factcard.js'), out = tmpdir() } = {}) {
  for (const file of [wasm, script]) if (!existsSync(file)) throw new Error(`${file} is missing: build it first (./run build)`);
  const built = { 'factcard.wasm': wasm, 'factcard.js': script };
  const manifest = JSON.parse(readFileSync(join(WEB, 'package.json'), 'utf8'));
  const js = readFileSync(script, 'utf8');
  const scriptVersion = (js.match(/const VERSION = '([^']+)'/) || [])[1];
  if (scriptVersion !== manifest.version) {
    throw new Error(`web/package.json says ${manifest.version} but factcard.js says ${scriptVersion}`);
  }
  const stage = mkdtempSync(join(tmpdir(), 'factcard-pack-'));
  try {
    for (const file of ['package.json', 'README.md', ...manifest.files]) {
      copyFileSync(built[file] || join(WEB, file), join(stage, file));
    }
    mkdirSync(out, { recursive: true });
    const report = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', resolve(out)], {
      cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    }))[0];
    return { tarball: join(resolve(out), report.filename), files: report.files.map((f) => f.path).sort(), manifest };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const args = process.argv.slice(2);
  const options = {};
  for (let i = 0; i < args.length; i += 2) {
    if (!['--wasm', '--js', '--out'].includes(args[i]) || args[i + 1] === undefined) {
      console.error('usage: node tests/npm/pack.mjs [--wasm FILE] [--js FILE] [--out DIR]');
      process.exit(2);
    }
    options[args[i].slice(2)] = resolve(args[i + 1]);
  }
  try {
    const { tarball, files } = pack(options);
    console.log(`${tarball} (${files.join(', ')})`);
  } catch (err) {
    console.error(`pack: ${err.message}`);
    process.exit(1);
  }
}
