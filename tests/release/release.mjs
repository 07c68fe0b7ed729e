#!/usr/bin/env node
// @ts-check
// The release: one version number, set in the VERSION file, is the one `factcard --version`
// prints, the one web/assemble.mjs writes into factcard.js and the npm package's; and the tarballs
// `./run dist` writes (write_dist in ./run) are named after it and hold what they should:
//   DIR/factcard/                                   the widget: factcard.js (minified), factcard.wasm, factcard-story.wasm
//   DIR/factcard-<version>.tgz                      the npm package (the smoke test installs it)
//   DIR/factcard-cli-<version>-<os>-<arch>.tar.gz   factcard-cli-<version>/{factcard,README.md,LICENSE}
//   node tests/release/release.mjs [--factcard build/cli/factcard] [--widget build/web/factcard.js] [--dist DIR]
// Without --dist only the versions are checked. One PASS/FAIL line per check; exit status 1 on a failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleWidget, labelTables, readVersion } from '../../web/assemble.mjs';
import { ROOT, createReport, parseArgs } from '../browser/harness.mjs';

const report = createReport('release');
const { check } = report;

const run = (command, args, cwd = ROOT) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** @param {string} script */
const scriptVersion = (script) => (script.match(/const VERSION = '([^']*)'/) || [])[1];

function versionChecks(version, options) {
  check(`VERSION holds one version, ${version}`, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n?$/.test(readFileSync(join(ROOT, 'VERSION'), 'utf8')));
  const cli = run(options.factcard, ['--version']).trim();
  check('factcard --version prints the VERSION file\'s version', cli === `factcard ${version}`, cli);
  check('factcard.js as web/assemble.mjs writes it declares that VERSION', scriptVersion(assembleWidget()) === version,
    scriptVersion(assembleWidget()));
  if (existsSync(options.widget)) {
    const built = scriptVersion(readFileSync(options.widget, 'utf8'));
    check(`${options.widget.slice(ROOT.length + 1)} declares that VERSION`, built === version, built);
  }
  const manifest = JSON.parse(readFileSync(join(ROOT, 'web', 'package.json'), 'utf8'));
  check('web/package.json has that version (npm pack refuses otherwise)', manifest.version === version, manifest.version);
  check('web/package.json names the licence of LICENSE (MIT)',
    manifest.license === 'MIT' && readFileSync(join(ROOT, 'LICENSE'), 'utf8').startsWith('MIT License'), manifest.license);
}

function widgetChecks(version, dist) {
  const files = existsSync(join(dist, 'factcard')) ? readdirSync(join(dist, 'factcard')).sort() : [];
  check('widget: factcard/ holds factcard.js, factcard.wasm (bundles), factcard-story.wasm (story files) and labels/',
    JSON.stringify(files) === JSON.stringify(['factcard-story.wasm', 'factcard.js', 'factcard.wasm', 'labels']), files.join(', '));
  const labels = existsSync(join(dist, 'factcard', 'labels')) ? readdirSync(join(dist, 'factcard', 'labels')).sort() : [];
  const tables = labelTables();
  check(`widget: factcard/labels/ holds the label tables of web/labels/ (${Object.keys(tables).join(', ')}), compact`,
    JSON.stringify(labels) === JSON.stringify(Object.keys(tables).map((l) => `${l}.json`))
      && labels.every((f) => readFileSync(join(dist, 'factcard', 'labels', f), 'utf8') === `${JSON.stringify(tables[f.slice(0, -5)])}\n`),
    labels.join(', '));
  if (!files.includes('factcard.js')) return;
  // esbuild's minified factcard.js: its one-line banner with the version (run's build_web), the
  // version in the code, no eval-like code, smaller
  const script = readFileSync(join(dist, 'factcard', 'factcard.js'), 'utf8');
  check('widget: factcard/factcard.js is the minified widget: its banner, its version, no eval or new Function',
    script.startsWith(`/*! factcard.js ${version} (MIT)`) && script.includes(`"${version}"`) && !/\beval\(|new Function/.test(script)
      && script.length < assembleWidget().length * 0.7, `${script.length} bytes`);
}

function npmTarballChecks(version, dist) {
  const tarball = join(dist, `factcard-${version}.tgz`);
  if (!check(`${tarball.slice(ROOT.length + 1)} exists`, existsSync(tarball))) return;
  const files = run('tar', ['-tzf', tarball]).split('\n').filter(Boolean).sort();
  const want = ['LICENSE', 'README.md', 'factcard-story.wasm', 'factcard.d.ts', 'factcard.js', 'factcard.mjs', 'factcard.wasm', 'package.json']
    .map((f) => `package/${f}`);
  check('npm tarball: the package files, the licence and the three build products', JSON.stringify(files) === JSON.stringify(want), files.join(', '));
  const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json']));
  const script = run('tar', ['-xzOf', tarball, 'package/factcard.js']);
  check('npm tarball: its package.json and factcard.js say the version', manifest.version === version && scriptVersion(script) === version,
    `${manifest.version} / ${scriptVersion(script)}`);
  check('npm tarball: its factcard.js is the one web/src/ assembles to now, the label tables inline', script === assembleWidget({ inlineLabels: true }));
}

function cliTarballChecks(version, dist) {
  const os = platform() === 'linux' ? 'linux' : platform();
  const machine = { x64: 'x86_64', arm64: 'aarch64' }[arch()] || arch();
  const top = `factcard-cli-${version}`;
  const tarball = join(dist, `${top}-${os}-${machine}.tar.gz`);
  if (!check(`${tarball.slice(ROOT.length + 1)} exists`, existsSync(tarball))) return;
  const files = run('tar', ['-tzf', tarball]).split('\n').filter(Boolean).sort();
  const want = [`${top}/`, `${top}/LICENSE`, `${top}/README.md`, `${top}/factcard`];
  check(`CLI tarball: ${top}/ holds factcard, README.md and LICENSE`, JSON.stringify(files) === JSON.stringify(want), files.join(', '));
  const work = mkdtempSync(join(tmpdir(), 'factcard-release-'));
  try {
    run('tar', ['-xzf', tarball, '-C', work]);
    const printed = run(join(work, top, 'factcard'), ['--version']).trim();
    check('CLI tarball: its factcard runs and prints the version', printed === `factcard ${version}`, printed);
    const same = ['README.md', 'LICENSE'].every((f) => readFileSync(join(work, top, f), 'utf8') === readFileSync(join(ROOT, f), 'utf8'));
    check('CLI tarball: README.md and LICENSE are the repository\'s', same);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const options = parseArgs({
    usage: 'usage: node tests/release/release.mjs [--factcard FILE] [--widget FILE] [--dist DIR]',
    options: { factcard: join(ROOT, 'build', 'cli', 'factcard'), widget: join(ROOT, 'build', 'web', 'factcard.js'), dist: '' },
  });
  const version = readVersion();
  versionChecks(version, options);
  if (options.dist) {
    widgetChecks(version, options.dist);
    npmTarballChecks(version, options.dist);
    cliTarballChecks(version, options.dist);
  }
  report.finish();
}

try {
  main();
} catch (err) {
  report.crash(err);
}
