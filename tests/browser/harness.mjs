// @ts-check
// What the Node test scripts that drive Debian's Chromium share (tests/browser/*.mjs,
// tests/security/run.mjs, tests/npm/smoke.mjs): "--key value" options, the test tools of tests/,
// the Chromium launch, the demo's static server, axe-core, and the PASS/FAIL report with its
// summary line and exit status. Each script keeps its own checks, pages and messages.
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../demo/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The widget's two embed forms: what every script waits on and reads.
export const SELECTOR = 'blockquote.fact-card[data-story][data-claim],fact-card[story][claim]';
// The test tools (playwright-core, axe-core) live in tests/node_modules, whichever script asks.
const testRequire = createRequire(join(ROOT, 'tests', 'package.json'));
// The flags these machines need (docs/ARCHITECTURE.md, "Toolchain notes"; Playwright adds --headless itself as well).
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

// ---------- options ----------

function usageError(text) {
  console.error(text);
  process.exit(2);
}

// "--key value" pairs over `options` (the defaults; --chromium is always there). A value is
// resolved as a path unless `values[key]` converts it; a conversion that returns undefined, an
// unknown key or a missing value prints `usage` and exits 2. With `site`, --site is required.
/**
 * @param {{ name?: string, usage: string, options: Record<string, any>, values?: Record<string, (text: string) => any>, site?: boolean }} spec
 * @param {string[]} [argv]
 * @returns {Record<string, any>}
 */
export function parseArgs({ name, usage, options, values = {}, site = false }, argv = process.argv.slice(2)) {
  /** @type {Record<string, any>} */
  const parsed = { chromium: process.env.CHROMIUM || '/usr/bin/chromium', ...options };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[i + 1] === undefined ? undefined : (values[key] || resolve)(argv[i + 1]);
    if (!(key in parsed) || value === undefined) usageError(usage);
    parsed[key] = value;
  }
  if (site && !parsed.site) usageError(`${name}: --site DIR is required (build it with demo/build-site.mjs)`);
  return parsed;
}

// Exits 2 before any check runs when the built site lacks a file the script needs.
export function requireSiteFiles(name, site, files) {
  for (const file of files) {
    if (!existsSync(join(site, file))) usageError(`${name}: ${join(site, file)} is missing; build the site first`);
  }
}

// Exits 2 before any check runs when `npm ci` has not been run in tests/.
export function requireTools(name, tools = ['playwright-core']) {
  try {
    for (const tool of tools) testRequire.resolve(tool);
  } catch {
    usageError(`${name}: ${tools.join(' or ')} is missing: run \`npm ci\` in tests/`);
  }
}

// ---------- Chromium, servers, axe-core ----------

// A browser, for scripts that make their own contexts; or with `persistent`, a single context in a
// fresh profile directory, which close() removes. Other options go to Playwright (acceptDownloads).
/**
 * @param {string} executablePath
 * @param {{ persistent?: boolean, [option: string]: unknown }} [options]
 */
export async function launchChromium(executablePath, { persistent = false, ...options } = {}) {
  const { chromium } = testRequire('playwright-core');
  const launch = { executablePath, headless: true, args: CHROMIUM_FLAGS, ...options };
  if (!persistent) {
    const browser = await chromium.launch(launch);
    return { browser, close: () => browser.close() };
  }
  const profile = mkdtempSync(join(tmpdir(), 'factcard-chromium-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  try {
    const context = await chromium.launchPersistentContext(profile, launch);
    return { context, close: () => context.close().finally(removeProfile) };
  } catch (err) {
    removeProfile();
    throw err;
  }
}

// The demo's static server (demo/serve.mjs) on a free port, with or without its strict CSP.
export async function serve(root, { csp }) {
  const { server, url } = await startServer({ root, port: 0, csp });
  return { url, close: () => server.close() };
}

export const axeSource = () => readFileSync(testRequire.resolve('axe-core/axe.min.js'), 'utf8');
export const axeVersion = () => JSON.parse(readFileSync(testRequire.resolve('axe-core/package.json'), 'utf8')).version;

// Runs axe-core (injected with page.evaluate(axeSource())) over the page: one line per violated rule.
// Only violations are collected in full: the other result types are not read.
export function axeViolations(page, runOnly) {
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: tags, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} nodes, e.g. ${JSON.stringify(v.nodes[0].target)}`);
  }, runOnly);
}

// ---------- the report ----------

// A detail shows under a failed check only, indented; a list shows its first 12 entries.
function formatDetail(detail) {
  if (!Array.isArray(detail)) return String(detail);
  return detail.slice(0, 12).join('\n') + (detail.length > 12 ? `\n... and ${detail.length - 12} more` : '');
}

// One PASS/FAIL line per check and INFO lines; finish() prints "<label>: N passed, M failed" and
// exits 1 when anything failed. `lead` goes before the counts, `timed` adds the seconds since the
// report was made. crash() is for main().catch: the error counts as one more failure.
export function createReport(label) {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  const summary = (lead = '', tail = '') => console.log(`${label}: ${lead}${passed} passed, ${failed} failed${tail}`);
  return {
    /**
     * @param {string} name
     * @param {unknown} ok
     * @param {unknown} [detail] text, or a list of lines
     */
    check(name, ok, detail = '') {
      if (ok) passed++;
      else failed++;
      const text = formatDetail(detail);
      console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${!ok && text ? `\n     ${text.replace(/\n/g, '\n     ')}` : ''}`);
      return ok;
    },
    info: (text) => console.log(`INFO ${text}`),
    finish({ lead = '', timed = false } = {}) {
      summary(lead, timed ? ` (${((Date.now() - started) / 1000).toFixed(1)} s)` : '');
      process.exit(failed ? 1 : 0);
    },
    crash(err) {
      console.error(err.stack || err.message);
      failed++;
      summary();
      process.exit(1);
    },
  };
}
