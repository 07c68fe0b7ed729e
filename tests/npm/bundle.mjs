// @ts-check
// Bundler integration, run by smoke.mjs on the app folder where it installed the packed tarball:
// a tiny app that does `import … from 'factcard'` is bundled by esbuild (tests/npm/node_modules),
// served under the strict CSP, and must render a card in Chromium with the wasm found at the URL
// its set-up says. esbuild leaves `new URL('./factcard.wasm', import.meta.url)` as it is, so the
// three ways web/README.md documents are each checked:
//   esm-copy  ES module output, factcard.wasm copied next to the bundle (import.meta.url finds it)
//   esm-hook  ES module output, the app sets registry.wasmUrl right after the import
//   iife-hook esbuild's default (iife) output, where import.meta is empty: a script before the
//             bundle creates the registry with wasmUrl
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVersion } from '../../web/assemble.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

// The app: render one card now, then report what it saw on <html data-bundled>.
const APP = `import { render, version } from 'factcard';
HOOK
render(document.getElementById('a')).then(() => {
  const card = document.getElementById('a').shadowRoot?.querySelector('.card');
  document.documentElement.dataset.bundled = JSON.stringify({ version, what: card?.querySelector('.what')?.textContent || null });
});
`;
const HOOK = "window[Symbol.for('factcard')].wasmUrl = '/assets/factcard.wasm';";
// A classic script that runs before the bundle: the registry factcard.js will adopt.
const PRESET = "window[Symbol.for('factcard')] = { versions: {}, wasmUrl: '/assets/factcard.wasm' };\n";

const VARIANTS = [
  { name: 'esm-copy', format: 'esm', hook: '', wasm: '/bundle/esm-copy/factcard.wasm' },
  { name: 'esm-hook', format: 'esm', hook: HOOK, wasm: '/assets/factcard.wasm' },
  { name: 'iife-hook', format: 'iife', hook: '', preset: true, wasm: '/assets/factcard.wasm' },
];

function page(variant, story, claim) {
  const type = variant.format === 'esm' ? ' type="module"' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bundled by esbuild: ${variant.name}</title><link rel="icon" href="/favicon.ico"></head><body>
<h1>bundled by esbuild (${variant.name})</h1>
<blockquote class="fact-card" id="a" data-story="${story}" data-claim="${claim}"><p>fallback</p></blockquote>
${variant.preset ? '<script src="preset.js"></script>\n' : ''}<script${type} src="app.js"></script>
</body></html>
`;
}

/** Builds the variants into app/bundle/, then checks each in Chromium. */
export async function bundleChecks({ app, context, base, story, claim, expectedWhat, check, info, open, problemsOf }) {
  let esbuild;
  try {
    esbuild = createRequire(join(HERE, 'package.json'))('esbuild');
  } catch (err) {
    check('bundle: esbuild is installed (npm ci in tests/npm/)', false, err.message);
    return;
  }
  info(`esbuild ${esbuild.version} (${process.platform}-${process.arch} binary from its optional dependency)`);
  mkdirSync(join(app, 'assets'), { recursive: true });
  copyFileSync(join(app, 'node_modules', 'factcard', 'factcard.wasm'), join(app, 'assets', 'factcard.wasm'));

  for (const variant of VARIANTS) {
    const dir = join(app, 'bundle', variant.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.js'), APP.replace('HOOK', variant.hook));
    if (variant.preset) writeFileSync(join(dir, 'preset.js'), PRESET);
    writeFileSync(join(dir, 'index.html'), page(variant, story, claim));
    let result;
    try {
      // Resolved from the app's folder, so 'factcard' is the installed tarball, by its "exports".
      result = await esbuild.build({
        entryPoints: [join(dir, 'main.js')], outfile: join(dir, 'app.js'), absWorkingDir: app,
        bundle: true, format: variant.format, minify: true, target: 'es2020', logLevel: 'silent', metafile: true,
      });
    } catch (err) {
      check(`bundle ${variant.name}: esbuild bundles the app`, false, err.message);
      continue;
    }
    if (variant.format === 'esm') copyFileSync(join(app, 'node_modules', 'factcard', 'factcard.wasm'), join(dir, 'factcard.wasm'));
    const inputs = Object.keys(result.metafile.inputs);
    const bundled = inputs.some((f) => f.endsWith('node_modules/factcard/factcard.mjs')) && inputs.some((f) => f.endsWith('node_modules/factcard/factcard.js'));
    const warnings = result.warnings.map((w) => w.text);
    check(`bundle ${variant.name}: esbuild --format=${variant.format} bundles factcard.mjs and factcard.js from the installed package`
      + ` (${readFileSync(join(dir, 'app.js')).length} B)`, bundled && !result.errors.length, JSON.stringify({ inputs, warnings }));
    if (warnings.length) info(`esbuild ${variant.name}: ${warnings.join('; ')}`);
    await browserCheck({ variant, context, base, expectedWhat, check, open, problemsOf });
  }
}

async function browserCheck({ variant, context, base, expectedWhat, check, open, problemsOf }) {
  const page = await open(context, `${base}bundle/${variant.name}/index.html`);
  try {
    await page.waitForFunction(() => document.documentElement.dataset.bundled, null, { timeout: 15000 }).catch(() => {});
    const seen = JSON.parse((await page.evaluate(() => document.documentElement.dataset.bundled)) || '{}');
    const state = await page.evaluate(() => document.getElementById('a').dataset.factcard || 'untouched');
    const wasm = page.log.requests.filter((p) => p.endsWith('.wasm'));
    const fromPackage = page.log.requests.filter((p) => p.includes('/node_modules/'));
    check(`bundle ${variant.name}: the card renders in Chromium, the wasm comes from ${variant.wasm} (fetched once), nothing from node_modules/`,
      state === 'ready' && seen.what === expectedWhat && seen.version === readVersion()
        && wasm.length === 1 && wasm[0] === variant.wasm && !fromPackage.length,
      JSON.stringify({ state, seen, wasm, fromPackage }));
    const t = await page.evaluate(() => window.__test);
    const problems = problemsOf(page, t);
    check(`bundle ${variant.name}: no console errors, no CSP violations`, !problems.length, problems.join('\n'));
  } finally {
    await page.close();
  }
}
