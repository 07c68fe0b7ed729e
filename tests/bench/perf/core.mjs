// @ts-check
// The C++ core: `factcard build` throughput and memory against a bare nlohmann/json parse,
// scaling, wasm against native on the same input, and extraction speed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { call, instantiate } from '../../../web/src/wasm.mjs';
import { readBundle } from '../../../web/src/cards.mjs';
import { writeStory } from './gen-story.mjs';
import { BIN, DIST, FACTCARD, HERE, MiB, ROOT, WORK, count, measure, median, ms, rate, rel, scratchDir } from './lib.mjs';

const SEED = 1;
const MEM_LIMIT_MB = Math.min(16384, Math.floor((os.totalmem() / 2 ** 20) * 0.7));

// ---------------------------------------------------------------- stories

// build/bench/stories/story-N.json, made again only when the generator changed.
export function story(claims, seed = SEED) {
  const dir = path.join(WORK, 'stories');
  const file = path.join(dir, `story-${claims}-s${seed}.json`);
  const generator = path.join(HERE, 'gen-story.mjs');
  if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < fs.statSync(generator).mtimeMs) {
    process.stdout.write(`  generating ${rel(file)}… `);
    const info = writeStory(file, { claims, seed });
    console.log(MiB(info.bytes));
  }
  return file;
}

const genCommand = (claims, file) => `node tests/bench/perf/gen-story.mjs --claims ${claims} --seed ${SEED} -o ${rel(file)}`;

// ---------------------------------------------------------------- timing processes

// Warm-up, then `runs` runs (fewer when one run is slow); the median of each figure.
function timeCommand(makeCommand, { runs, timeout, cleanup = () => {} }) {
  const one = () => {
    const { command, after } = makeCommand();
    const result = measure(command, { timeout, memLimitMb: MEM_LIMIT_MB });
    after?.(result);
    cleanup();
    return result;
  };
  const warm = one();
  if (!warm.ok) return { ok: false, failure: warm, runs: [warm] };
  const n = warm.wall_s > 60 ? 1 : warm.wall_s > 10 ? Math.min(runs, 3) : runs;
  const results = [];
  for (let i = 0; i < n; i++) {
    const r = one();
    results.push(r);
    if (!r.ok) return { ok: false, failure: r, runs: results };
  }
  return {
    ok: true,
    runs: results,
    wall: median(results.map((r) => r.wall_s)),
    cpu: median(results.map((r) => r.user_s + r.sys_s)),
    rssKb: median(results.map((r) => r.max_rss_kb)),
  };
}

function failureText(t) {
  const f = t.failure;
  if (f.timed_out) return `timed out after ${f.wall_s.toFixed(0)} s at ${MiB(f.max_rss_kb * 1024)} peak`;
  if (f.signal) return `killed by signal ${f.signal} at ${MiB(f.max_rss_kb * 1024)} (memory cap ${MEM_LIMIT_MB} MB)`;
  return `exit ${f.exit} at ${MiB(f.max_rss_kb * 1024)}: ${f.stderr.split('\n').pop()}`;
}

// ---------------------------------------------------------------- throughput and scaling

export function coreThroughput({ quick, runs, sizes: chosen }) {
  const sizes = chosen || (quick ? [1000, 2000] : [10000, 20000, 100000, 200000, 500000, 1000000]);
  const timeout = quick ? 120 : 900;
  const bare = path.join(BIN, 'bare_parse');
  const results = [];
  const bundles = {};
  for (const claims of sizes) {
    const file = story(claims);
    const bytes = fs.statSync(file).size;
    process.stdout.write(`  ${count(claims)} claims (${MiB(bytes)}): `);
    const parse = timeCommand(() => ({ command: [bare, file] }), { runs, timeout });
    process.stdout.write(`bare parse ${parse.ok ? `${parse.wall.toFixed(2)} s` : failureText(parse)}, `);
    const validate = timeCommand(() => ({ command: [FACTCARD, 'validate', file] }), { runs, timeout });
    let out = null;
    const build = timeCommand(() => {
      out = scratchDir(bytes * 6);
      return {
        command: [FACTCARD, 'build', file, '-o', out],
        after: (r) => { // keep one bundle of each size for the wasm comparison
          const bundle = fs.readdirSync(out).find((f) => f.endsWith('.cards.json'));
          if (r.ok && bundle && !bundles[claims]) {
            bundles[claims] = path.join(WORK, 'bundles', bundle);
            fs.mkdirSync(path.dirname(bundles[claims]), { recursive: true });
            fs.copyFileSync(path.join(out, bundle), bundles[claims]);
          }
        },
      };
    }, { runs, timeout, cleanup: () => fs.rmSync(out, { recursive: true, force: true }) });
    console.log(`validate ${validate.ok ? `${validate.wall.toFixed(2)} s` : failureText(validate)}, build ${build.ok ? `${build.wall.toFixed(2)} s, ${MiB(build.rssKb * 1024)}` : failureText(build)}`);
    results.push({ claims, file, bytes, parse, validate, build });
  }

  const figures = [];
  const cmd = (claims) => `node tests/bench/perf/bench.mjs --only core --sizes ${claims}`;
  for (const r of results) {
    const raw = `${genCommand(r.claims, r.file)} && build/bench/bin/measure -- build/cli/factcard build ${rel(r.file)} -o /dev/shm/out && build/bench/bin/measure -- build/bench/bin/bare_parse ${rel(r.file)}`;
    const base = { section: 'core', command: `${cmd(r.claims)}   # or: ${raw}` };
    const label = `${count(r.claims)} claims (${MiB(r.bytes)})`;
    if (!r.build.ok) {
      figures.push({ ...base, key: `core.build.${r.claims}`, short: 'build completes', what: `build, ${label}`, value: null, display: failureText(r.build), target: 'completes', met: false });
      continue;
    }
    const speed = r.parse.ok ? r.parse.wall / r.build.wall : NaN;
    const memory = (r.build.rssKb * 1024) / r.bytes;
    figures.push({ ...base, key: `core.claims-per-second.${r.claims}`, what: `build speed, ${label}`, value: r.claims / r.build.wall, unit: 'claims/s',
      display: `${rate(r.claims / r.build.wall)} claims/s (${r.build.wall.toFixed(2)} s; validate alone ${r.validate.ok ? `${r.validate.wall.toFixed(2)} s` : 'failed'})`, target: null, met: null });
    figures.push({ ...base, key: `core.speed-ratio.${r.claims}`, short: 'build speed vs bare parse', what: `build speed ÷ bare parse speed, ${label}`, value: speed, unit: '×',
      display: r.parse.ok ? `${speed.toFixed(2)}× (bare parse ${r.parse.wall.toFixed(2)} s)` : `bare parse ${failureText(r.parse)}`, target: '≥ 0.5×', met: r.parse.ok ? speed >= 0.5 : null });
    figures.push({ ...base, key: `core.memory-ratio.${r.claims}`, short: 'build peak memory', what: `build peak memory ÷ file size, ${label}`, value: memory, unit: '×',
      display: `${memory.toFixed(1)}× (${MiB(r.build.rssKb * 1024)}; bare parse ${r.parse.ok ? `${MiB(r.parse.rssKb * 1024)}, ${((r.parse.rssKb * 1024) / r.bytes).toFixed(1)}×` : 'failed'})`, target: '≤ 3×', met: memory <= 3 });
  }
  for (const r of results) {
    const half = results.find((h) => h.claims * 2 === r.claims);
    if (!half) continue;
    const ok = r.build.ok && half.build.ok;
    const ratio = ok ? r.build.wall / half.build.wall : NaN;
    const parseRatio = r.parse.ok && half.parse.ok ? r.parse.wall / half.parse.wall : NaN;
    figures.push({
      section: 'core', key: `core.scaling.${r.claims}`, short: 'scaling', what: `scaling: time(${count(r.claims)}) ÷ time(${count(half.claims)})`, value: ratio, unit: '×',
      display: ok ? `${ratio.toFixed(2)}× (bare parse ${parseRatio.toFixed(2)}×)` : 'not measured: a build failed', target: '≤ 2.2', met: ok ? ratio <= 2.2 : false,
      command: `node tests/bench/perf/bench.mjs --only core --sizes ${half.claims},${r.claims}`,
    });
  }
  const data = results.map(({ file, ...r }) => ({ ...r, file: rel(file), parse: strip(r.parse), validate: strip(r.validate), build: strip(r.build) }));
  return { figures, data: { memLimitMb: MEM_LIMIT_MB, seed: SEED, sizes: data }, bundles };
}

function strip(t) {
  return { ...t, runs: t.runs.map(({ stderr, ...r }) => r) };
}

// ---------------------------------------------------------------- wasm against native

// The widget's own boundary (web/src/wasm.mjs): the same stubs, copies and frees as in a page.
async function instantiateFile(file) {
  return instantiate(await WebAssembly.compile(fs.readFileSync(file)));
}

// What the widget does per story: copy in, then read factcard.wasm's cards field by field
// (web/src/cards.mjs), or factcard-story.wasm's fc_cards answer as JSON.
function wasmCards(x, bytes) {
  const cards = x.fc_open ? readBundle(x, bytes) : JSON.parse(call(x, 'fc_cards', bytes));
  if (!cards || 'errors' in cards) throw new Error(`factcard.wasm: ${cards ? JSON.stringify(cards).slice(0, 200) : 'asks for factcard-story.wasm'}`);
  return cards.cards.length;
}

export async function wasmVsNative({ quick, runs, bundles }) {
  // Bundles go to the page's module; a story file to factcard-story.wasm, as the widget sends it
  // once factcard.wasm has answered that it is not a bundle.
  const inputs = [];
  const bundleWasm = path.join(DIST, 'factcard.wasm');
  for (const [claims, file] of Object.entries(bundles)) {
    if (quick ? +claims <= 2000 : claims === '10000' || claims === '100000') inputs.push({ what: `bundle of the ${count(+claims)}-claim story`, file, wasmFile: bundleWasm });
  }
  const smallest = Math.min(...Object.keys(bundles).map(Number));
  if (Number.isFinite(smallest)) {
    inputs.push({ what: `the ${count(smallest)}-claim story file itself (factcard-story.wasm)`, file: story(smallest), wasmFile: path.join(DIST, 'factcard-story.wasm') });
  }
  const results = [];
  for (const input of inputs) {
    const bytes = fs.readFileSync(input.file);
    const native = timeCommand(() => ({ command: [FACTCARD, 'cards', input.file] }), { runs, timeout: 600 });
    // A fresh instance per input, as a page has one; one warm-up call, then the median.
    const x = await instantiateFile(input.wasmFile);
    const times = [];
    wasmCards(x, bytes);
    for (let i = 0; i < Math.max(runs, 3); i++) {
      const start = performance.now();
      wasmCards(x, bytes);
      times.push(performance.now() - start);
    }
    const wasmMs = median(times);
    const wasmMemory = x.memory.buffer.byteLength;
    results.push({ what: input.what, file: input.file, bytes: bytes.length, nativeMs: native.ok ? native.wall * 1000 : NaN, wasmMs, wasmMemory });
    console.log(`  ${input.what}: native ${native.ok ? ms(native.wall * 1000) : 'failed'}, wasm ${ms(wasmMs)} (wasm memory ${MiB(wasmMemory)})`);
  }
  const figures = results.map((r) => {
    const ratio = r.wasmMs / r.nativeMs;
    return {
      section: 'wasm', key: `wasm.cards.${path.basename(r.file)}`, short: 'wasm cards vs native', what: `cards in wasm (as the widget reads them) ÷ native \`factcard cards\`, ${r.what} (${MiB(r.bytes)})`,
      value: ratio, unit: '×', display: `${ratio.toFixed(2)}× (wasm ${ms(r.wasmMs)}, native ${ms(r.nativeMs)}; wasm memory ${MiB(r.wasmMemory)})`,
      target: '≤ 2×', met: ratio <= 2,
      command: `node tests/bench/perf/bench.mjs --only wasm   # native: build/bench/bin/measure -- build/cli/factcard cards ${rel(r.file)}`,
    };
  });
  return { figures, data: results.map((r) => ({ ...r, file: rel(r.file) })) };
}

// ---------------------------------------------------------------- extraction

export async function extraction({ quick }) {
  const { loadCorpus } = await import('../../extract/corpus.mjs');
  const tools = await import('../tools.mjs');
  const articles = loadCorpus().filter((a) => a.text !== null);
  const probe = articles[0];
  const words = articles.reduce((n, a) => n + a.words, 0);
  const list = [
    tools.nativeTool(ROOT, probe), await tools.wasmTool(ROOT, probe),
    tools.nativeTool(ROOT, probe, 'dates'), await tools.wasmTool(ROOT, probe, 'dates'),
    await tools.chronoTool(), ...(await tools.compromiseTools((await import('../../extract/corpus.mjs')).nameWords)).slice(0, 1),
  ];
  const options = quick ? { samples: 1, minMs: 200 } : {};
  const rows = [];
  for (const tool of list) {
    if (!tool.available) {
      console.log(`  ${tool.name}: not run (${tool.reason})`);
      rows.push({ name: tool.name, available: false, reason: tool.reason });
      continue;
    }
    const t = tool.throughput(articles, options);
    console.log(`  ${tool.name}: ${rate(t.wordsPerSecond)} words/s`);
    rows.push({ name: tool.name, version: tool.version, available: true, wordsPerSecond: t.wordsPerSecond, method: t.method });
  }
  const cmd = 'node tests/bench/perf/bench.mjs --only extraction   # same tools as: node tests/bench/extract_bench.mjs';
  /** @type {Array<Record<string, any>>} */
  const figures = rows.map((r) => ({
    section: 'extraction', key: `extract.${r.name.replace(/\W+/g, '-').replace(/-$/, '')}`, what: `${r.name}${r.version ? ` ${r.version.startsWith('factcard') ? '' : r.version}` : ''}`.trim(),
    value: r.available ? r.wordsPerSecond : null, unit: 'words/s', display: r.available ? `${rate(r.wordsPerSecond)} words/s` : `not run: ${r.reason}`,
    target: null, met: null, command: cmd, note: r.method,
  }));
  for (const [native, wasm, label] of [['factcard (native)', 'factcard (wasm)', 'full extraction'], ['factcard dates only (native)', 'factcard dates only (wasm)', 'dates only']]) {
    const n = rows.find((r) => r.name === native && r.available);
    const w = rows.find((r) => r.name === wasm && r.available);
    if (!n || !w) continue;
    const ratio = n.wordsPerSecond / w.wordsPerSecond;
    figures.push({ section: 'wasm', key: `wasm.extract.${label.replace(/\W+/g, '-')}`, short: 'wasm extraction vs native', what: `extraction (${label}) in wasm: native speed ÷ wasm speed, same ${articles.length} articles`,
      value: ratio, unit: '×', display: `${ratio.toFixed(2)}× (native ${rate(n.wordsPerSecond)}, wasm ${rate(w.wordsPerSecond)} words/s)`, target: '≤ 2×', met: ratio <= 2, command: cmd });
  }
  return { figures, data: { articles: articles.length, words, tools: rows } };
}
