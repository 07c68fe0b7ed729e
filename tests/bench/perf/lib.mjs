// @ts-check
// Shared helpers of the performance benchmark: paths, processes, statistics, the machine.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..', '..');
export const WORK = path.join(ROOT, 'build', 'bench'); // everything the bench generates
export const BIN = path.join(WORK, 'bin');
export const FACTCARD = path.join(ROOT, 'build', 'cli', 'factcard');
export const DIST = path.join(ROOT, 'dist', 'factcard');
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
// The flags Debian's Chromium needs on these machines (docs/ARCHITECTURE.md, "Toolchain notes").
export const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export const rel = (p) => path.relative(ROOT, p) || '.';

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

export function tryRun(cmd, args) {
  try {
    return run(cmd, args).trim();
  } catch {
    return null;
  }
}

// Compiles a helper of this folder once (again when its source is newer than the binary).
export function compileHelper(name) {
  const source = path.join(HERE, `${name}.cpp`);
  const binary = path.join(BIN, name);
  fs.mkdirSync(BIN, { recursive: true });
  if (!fs.existsSync(binary) || fs.statSync(binary).mtimeMs < fs.statSync(source).mtimeMs) {
    run('g++', ['-O2', '-std=c++17', source, '-o', binary]);
  }
  return binary;
}

// One run of a command under measure.cpp: wall and CPU seconds, peak memory (KiB), exit status.
export function measure(command, { timeout = 0, memLimitMb = 0 } = {}) {
  const args = [];
  if (timeout) args.push('--timeout', String(timeout));
  if (memLimitMb) args.push('--mem-limit-mb', String(memLimitMb));
  const out = spawnSync(path.join(BIN, 'measure'), [...args, '--', ...command], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`measure failed: ${out.stderr}`);
  const result = JSON.parse(out.stdout.trim().split('\n').pop());
  result.stderr = out.stderr.trim().slice(-500);
  result.ok = result.exit === 0 && !result.timed_out && !result.signal;
  return result;
}


function nlohmannVersion() {
  try {
    const text = fs.readFileSync('/usr/include/nlohmann/detail/abi_macros.hpp', 'utf8');
    const v = (k) => text.match(new RegExp(`#define NLOHMANN_JSON_VERSION_${k} (\\d+)`))[1];
    return `${v('MAJOR')}.${v('MINOR')}.${v('PATCH')}`;
  } catch {
    return 'unknown';
  }
}

function packageVersion(name, from = HERE) {
  try {
    return JSON.parse(fs.readFileSync(path.join(from, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function emccVersion() {
  // The wasm build's compiler, as CMake recorded it (emcc --version is slow and noisy).
  try {
    const cache = fs.readFileSync(path.join(ROOT, 'build-wasm', 'CMakeCache.txt'), 'utf8');
    const cxx = cache.match(/CMAKE_CXX_COMPILER:\w+=(.*)/)?.[1];
    const line = tryRun(cxx || 'em++', ['--version'])?.split('\n')[0];
    return line?.match(/\d+\.\d+\.\d+/)?.[0] || line || 'unknown';
  } catch {
    return 'unknown';
  }
}

function gitCommit() {
  const commit = tryRun('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']) || 'unknown';
  const dirty = tryRun('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']);
  return dirty ? `${commit} (with uncommitted changes)` : commit;
}

export function machine() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: gitCommit(),
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() || 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    tools: {
      node: process.version,
      factcard: tryRun(FACTCARD, ['--version']) || 'not built',
      'g++': tryRun('g++', ['-dumpfullversion']) || 'unknown',
      'nlohmann/json': nlohmannVersion(),
      emscripten: emccVersion(),
      chromium: tryRun(CHROMIUM, ['--version']) || 'not found',
      lighthouse: packageVersion('lighthouse') || 'not installed',
      'playwright-core': packageVersion('playwright-core') || 'not installed',
      'lite-youtube-embed': packageVersion('lite-youtube-embed') || 'not installed',
      'chrono-node': packageVersion('chrono-node', path.join(ROOT, 'tests')) || 'not installed',
      compromise: packageVersion('compromise', path.join(ROOT, 'tests')) || 'not installed',
    },
  };
}

// Where build outputs go while timed: a RAM disk keeps disk write-back out of the numbers.
export function scratchDir(needBytes) {
  const shm = '/dev/shm';
  try {
    const { bavail, bsize } = fs.statfsSync(shm);
    if (bavail * bsize > needBytes && os.freemem() > needBytes * 2) return fs.mkdtempSync(path.join(shm, 'factcard-bench-'));
  } catch { /* no /dev/shm */ }
  fs.mkdirSync(WORK, { recursive: true });
  return fs.mkdtempSync(path.join(WORK, 'out-'));
}

export const KiB = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const MiB = (bytes) => `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`;
export const GiB = (bytes) => `${(bytes / 2 ** 30).toFixed(1)} GB`;
export const ms = (v) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
export const count = (n) => n.toLocaleString('en-US');
export const rate = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)} k` : n.toFixed(0));
