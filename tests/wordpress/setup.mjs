#!/usr/bin/env node
// @ts-check
// A real WordPress from Debian's packages, for tests/wordpress/wordpress.mjs (docs and the
// checked set-up: ../shared/DESIGN.md, "WordPress"):
//   node tests/wordpress/setup.mjs [--keep]   set up, print the URL and the time; --keep serves until Ctrl-C
// 1. installs wordpress, its twentytwentyone theme, MariaDB and PHP with apt-get when missing
//    (as root, or through sudo), and fails with the reason when that is not possible;
// 2. starts MariaDB on a private data directory (build/wordpress/db) and socket, as this user,
//    and drops and recreates the test database, so every run starts from an empty WordPress;
// 3. writes /etc/wordpress/config-127.0.0.1.php (Debian's wp-config.php picks the file by the
//    request's host) and copies the test-only mu-plugin (factcard-test-hosts.php) into the
//    mu-plugins folder of Debian's wp-content;
// 4. serves /usr/share/wordpress with PHP's built-in server on a free port and installs
//    WordPress through its own installer (wp-admin/install.php?step=2).
// startWordPress() does the same for a test and returns stop(), which kills both servers.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
export const PACKAGES = ['wordpress', 'wordpress-theme-twentytwentyone', 'mariadb-server', 'php-cli', 'php-mysql'];
const WORDPRESS = '/usr/share/wordpress';
const CONTENT = '/var/lib/wordpress/wp-content'; // WP_CONTENT_DIR in Debian's wp-config.php
const HOST = '127.0.0.1';
const CONFIG = `/etc/wordpress/config-${HOST}.php`;
const DATABASE = 'factcard_wp';
export const ADMIN = { user: 'factcard', password: 'factcard-test-only' };

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

// Runs a command (as root when asked: directly when we are, else through sudo); throws with its output.
function run(command, args, { root = false, quiet = false, input = undefined } = {}) {
  const [cmd, argv] = root && !isRoot() ? ['sudo', [command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', input, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `${result.stderr}${result.stdout}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`${cmd} ${argv.join(' ')} failed: ${why}`);
  }
  return quiet ? '' : result.stdout;
}

/** Installs the Debian packages WordPress needs, when any is missing. */
export function ensurePackages(log = console.log) {
  const missing = PACKAGES.filter((pkg) => spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status !== 0);
  if (!missing.length) return;
  if (!isRoot() && spawnSync('sudo', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`the Debian packages ${missing.join(' ')} are missing, and installing them needs root or sudo`);
  }
  log(`installing ${missing.join(' ')} (apt-get, about 2 minutes)`);
  run('apt-get', ['update', '-qq'], { root: true, quiet: true });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { root: true, quiet: true });
}

/** A port nobody listens on now. */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, HOST, () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => done(port));
    });
  });
}

async function waitFor(what, test, seconds = 30) {
  for (let i = 0; i < seconds * 10; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start within ${seconds} s`);
}

// MariaDB on its own data directory and socket (no TCP port): nothing else on the machine is touched.
async function startMariaDB(dataDir, socket, children) {
  const user = userInfo().username;
  if (!existsSync(join(dataDir, 'mysql'))) {
    mkdirSync(dataDir, { recursive: true });
    run('mariadb-install-db', [`--user=${user}`, `--datadir=${dataDir}`, '--skip-test-db', '--auth-root-authentication-method=socket'], { quiet: true });
  }
  const server = spawn('mariadbd', [`--user=${user}`, `--datadir=${dataDir}`, `--socket=${socket}`, '--skip-networking',
    `--pid-file=${join(dirname(socket), 'mariadb.pid')}`, `--log-error=${join(dataDir, 'error.log')}`], { stdio: 'ignore' });
  children.push(server);
  const exited = new Promise((r) => server.once('exit', () => r(true)));
  await waitFor('MariaDB', async () => {
    if (await Promise.race([exited, Promise.resolve(false)])) throw new Error(`mariadbd exited; see ${join(dataDir, 'error.log')}`);
    return spawnSync('mariadb-admin', [`--socket=${socket}`, `--user=${user}`, 'ping'], { stdio: 'ignore' }).status === 0;
  });
  const sql = `DROP DATABASE IF EXISTS ${DATABASE}; CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4;
    CREATE USER IF NOT EXISTS 'factcard'@'localhost' IDENTIFIED BY 'factcard';
    GRANT ALL ON ${DATABASE}.* TO 'factcard'@'localhost'; FLUSH PRIVILEGES;`;
  run('mariadb', [`--socket=${socket}`, `--user=${user}`], { input: sql });
}

function writeConfig(socket, siteUrl) {
  const salt = () => randomBytes(24).toString('hex');
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
  const config = `<?php
// Written by factcard's tests/wordpress/setup.mjs for its test WordPress; rewritten on every run.
define('DB_NAME', '${DATABASE}');
define('DB_USER', 'factcard');
define('DB_PASSWORD', 'factcard');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${keys.map((k) => `define('${k}', '${salt()}');`).join('\n')}
define('WP_HOME', '${siteUrl}');
define('WP_SITEURL', '${siteUrl}');
define('WP_CONTENT_DIR', '${CONTENT}');
define('WP_DEFAULT_THEME', 'twentytwentyone'); // the one theme Debian's package brings
define('DISABLE_WP_CRON', true); // no loopback requests to PHP's small server
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false); // notices go to the log, not into the page under test
define('WP_DEBUG_LOG', '${join(dirname(socket), 'debug.log')}');
define('FACTCARD_WORDPRESS_TEST', true); // turns on factcard-test-hosts.php
define('FACTCARD_CARDS_BASE', 'http://127.0.0.1:8080/'); // for demo/wordpress/factcard-oembed.php, when installed
`;
  const draft = join(dirname(socket), 'config.php');
  writeFileSync(draft, config);
  run('install', ['-D', '-m', '0644', draft, CONFIG], { root: true });
  run('install', ['-D', '-m', '0644', join(HERE, 'factcard-test-hosts.php'), join(CONTENT, 'mu-plugins', 'factcard-test-hosts.php')], { root: true });
  run('rm', ['-f', PROVIDER_PLUGIN], { root: true }); // a run that stopped half-way may have left it
}

const PROVIDER_PLUGIN = join(CONTENT, 'mu-plugins', 'factcard-oembed.php');

/** Installs the publishers' example plugin (demo/wordpress/factcard-oembed.php); returns its removal. */
export function installProviderPlugin() {
  run('install', ['-D', '-m', '0644', join(ROOT, 'demo', 'wordpress', 'factcard-oembed.php'), PROVIDER_PLUGIN], { root: true });
  return () => run('rm', ['-f', PROVIDER_PLUGIN], { root: true });
}

async function startPhp(port, children) {
  const php = spawn('php', ['-S', `${HOST}:${port}`, '-t', WORDPRESS], {
    cwd: WORDPRESS,
    // Several workers: WordPress may call itself while it answers a request.
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    stdio: ['ignore', 'ignore', 'ignore'],
    detached: true, // its own process group: the workers it forks are stopped with it
  });
  children.push(php);
  await waitFor("PHP's server", async () => {
    if (php.exitCode !== null) throw new Error(`php -S exited with status ${php.exitCode}`);
    try {
      return (await fetch(`http://${HOST}:${port}/wp-includes/js/wp-embed.min.js`)).ok;
    } catch {
      return false;
    }
  });
}

async function install(siteUrl) {
  const form = new URLSearchParams({
    weblog_title: 'factcard newsroom', user_name: ADMIN.user, admin_password: ADMIN.password,
    admin_password2: ADMIN.password, pw_weak: '1', admin_email: 'test@example.invalid', blog_public: '0', language: '',
  });
  const res = await fetch(`${siteUrl}wp-admin/install.php?step=2`, { method: 'POST', body: form });
  const html = await res.text();
  if (!res.ok || !/Success!|wp-login\.php/.test(html)) {
    throw new Error(`WordPress's installer did not succeed (HTTP ${res.status}): ${html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}

/**
 * Sets up an empty WordPress and serves it; stop() kills its servers (also done at exit).
 * @returns {Promise<{ url: string, seconds: number, runDir: string, stop: () => void }>}
 */
export async function startWordPress({ log = console.log } = {}) {
  const started = performance.now();
  ensurePackages(log);
  const runDir = mkdtempSync(join(tmpdir(), 'factcard-wp-')); // short paths: a socket's is limited to 107 bytes
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  const stop = () => {
    for (const child of children.splice(0)) {
      if (child.exitCode !== null || !child.pid) continue;
      try {
        process.kill(-child.pid, 'SIGTERM'); // the group, when the child leads one (php -S and its workers)
      } catch {
        child.kill('SIGTERM');
      }
    }
    rmSync(runDir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1)); // 'exit' then stops them
  try {
    await startMariaDB(join(ROOT, 'build', 'wordpress', 'db'), join(runDir, 'mariadb.sock'), children);
    const port = await freePort();
    const url = `http://${HOST}:${port}/`;
    writeConfig(join(runDir, 'mariadb.sock'), url.slice(0, -1));
    await startPhp(port, children);
    await install(url);
    return { url, seconds: (performance.now() - started) / 1000, runDir, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/** Publishes a post with WordPress's own functions (create-post.php); resolves to { id, link }. */
export function createPost(siteUrl, title, content) {
  const host = new URL(siteUrl).host;
  const out = run('php', [join(HERE, 'create-post.php'), host, title, content]);
  return JSON.parse(out);
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  try {
    const wp = await startWordPress();
    console.log(`WordPress at ${wp.url} (admin ${ADMIN.user} / ${ADMIN.password}); set up in ${wp.seconds.toFixed(1)} s`);
    if (process.argv.includes('--keep')) {
      process.once('SIGINT', () => process.exit(0));
      process.once('SIGTERM', () => process.exit(0));
      await new Promise(() => {});
    }
    wp.stop();
  } catch (err) {
    console.error(`wordpress setup: ${err.message}`);
    process.exit(1);
  }
}
