// @ts-check
// The editor as a newsroom's desk (demo/editor/), in Chromium under the demo's strict CSP with
// Trusted Types: a story opened from ?story= survives a reload (IndexedDB), two tabs never both
// edit it, undo and redo, a file the core refuses opens with positioned problems and its text
// kept, a CSV opens as `factcard import` reads it, and a story's second day: drafted from seeds
// 000-003, edited, published, then updated with seed 004, with nothing the editor did undone,
// what changed listed, a note asked for and shown on the card, its fallback and its JSON-LD, and
// the published zip byte-identical to `factcard build`. tests/browser/run.mjs runs deskChecks in
// its own browser; the seeds part is skipped (and says so) without ../shared/seeds.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './harness.mjs';

const testRequire = createRequire(join(ROOT, 'tests', 'package.json'));
const SEEDS = join(ROOT, '..', 'shared', 'seeds');
const SEED_NAMES = ['000_ae5ad490e2a2f302', '001_adb1a23e4cd8345b', '002_7338012ef77fd1fd', '003_0e5c6ea36a4d1198', '004_e199df6e10dde9e2'];
const BASE = 'https://cards.example.org/putin/';
const SITE_NAME = 'The Meridian';

async function open(context, url) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const log = { errors: [], violations: [] };
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__violations ||= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => !!window.factcardEditor);
  await page.evaluate(() => window.factcardEditor.ready);
  page.log = log;
  return page;
}

const story = (page) => page.evaluate(() => window.factcardEditor.story());
const settled = (page) => page.evaluate(() => window.factcardEditor.settled());
const claimsDrawn = (page) => page.waitForFunction(() => window.factcardEditor.story()
  && document.querySelectorAll('li.ed-claim .ed-preview .ed-card').length === window.factcardEditor.story().claims.length,
null, { timeout: 60000 });
const item = (page, id) => page.locator(`li.ed-claim[data-claim="${id}"]`);

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

// ---------- open, reload, two tabs, undo ----------

async function reloadAndTabs({ context, base, check }) {
  const url = new URL('editor.html?story=stories/putin-mongolia-2024.json', base).href;
  const first = await open(context, url);
  await claimsDrawn(first);
  const opened = await story(first);
  const target = opened.claims[0];
  const edit = 'Putin landed in Ulaanbaatar late on 2 September 2024.';
  await item(first, target.id).locator('textarea.ed-what').fill(edit);
  await settled(first);
  await first.reload();
  await first.waitForFunction(() => !!window.factcardEditor);
  await first.evaluate(() => window.factcardEditor.ready);
  await claimsDrawn(first);
  const reloaded = await story(first);
  check('desk: open the demo story (?story=), edit a claim, reload: the edit is still there (IndexedDB), every claim kept',
    reloaded.claims[0].what === edit && reloaded.claims.length === opened.claims.length && /[?&]session=/.test(first.url()),
    JSON.stringify({ what: reloaded.claims[0].what, url: first.url() }));
  const recent = await first.locator('#recent li').allTextContents();
  check('desk: the recent stories list names the open story', recent.some((t) => t.includes(opened.story.title)), recent.join(' | '));

  const second = await open(context, first.url());
  await claimsDrawn(second);
  const readOnly = await second.evaluate(() => ({
    banner: !document.getElementById('readonly-banner').hidden,
    disabled: /** @type {HTMLTextAreaElement} */ (document.querySelector('textarea.ed-what')).disabled,
    readOnly: window.factcardEditor.session().readOnly,
  }));
  check('desk: a second tab on the same story opens it read-only, saying so, with "Take over"',
    readOnly.banner && readOnly.disabled && readOnly.readOnly, JSON.stringify(readOnly));

  await second.click('#take-over');
  await second.waitForFunction(() => !window.factcardEditor.session().readOnly, null, { timeout: 10000 });
  await first.waitForFunction(() => window.factcardEditor.session().readOnly, null, { timeout: 10000 });
  const secondEdit = 'Putin arrived in Mongolia on 2 September 2024.';
  await second.bringToFront(); // its fields are unfrozen in a frame, and a background tab draws none
  await item(second, target.id).locator('textarea.ed-what').fill(secondEdit);
  await settled(second);
  const followed = await first.waitForFunction((text) => window.factcardEditor.story().claims[0].what === text, secondEdit, { timeout: 10000 })
    .then(() => true, () => false);
  await first.bringToFront(); // a background tab draws no frames
  await claimsDrawn(first);
  const firstState = await first.evaluate(() => ({
    banner: !document.getElementById('readonly-banner').hidden,
    disabled: /** @type {HTMLTextAreaElement} */ (document.querySelector('textarea.ed-what')).disabled,
  }));
  check('desk: "Take over" moves editing to the second tab; the first turns read-only and follows what the second saves',
    followed && firstState.banner && firstState.disabled, JSON.stringify({ followed, firstState }));

  await second.bringToFront();
  await second.click('#history-undo');
  await second.waitForFunction((text) => window.factcardEditor.story().claims[0].what === text, edit, { timeout: 10000 }).catch(() => {});
  const undone = (await story(second)).claims[0].what;
  await second.click('#history-redo');
  await second.waitForFunction((text) => window.factcardEditor.story().claims[0].what === text, secondEdit, { timeout: 10000 }).catch(() => {});
  const redone = (await story(second)).claims[0].what;
  check('desk: Undo and Redo step through the session\'s edits', undone === edit && redone === secondEdit, JSON.stringify({ undone, redone }));
  for (const page of [first, second]) await page.close();
  return [first, second];
}

// ---------- a file the core refuses; a spreadsheet ----------

async function openFiles({ context, base, site, factcard, check }) {
  const page = await open(context, new URL('editor.html', base).href);
  const good = readFileSync(join(site, 'stories', 'putin-mongolia-2024.json'), 'utf8');
  const broken = good.replace('"when": "2024-09-02"', '"when": "2024-09-31"');
  const lines = broken.split('\n');
  const line = lines.findIndex((l) => l.includes('2024-09-31')) + 1;
  await page.setInputFiles('#open-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await page.waitForSelector('#open-problems:not([hidden])');
  const shown = await page.evaluate(() => ({
    problems: [...document.querySelectorAll('#open-problem-list li')].map((li) => li.textContent),
    text: /** @type {HTMLTextAreaElement} */ (document.getElementById('open-text')).value,
    draft: !document.getElementById('draft-section').hidden,
  }));
  check('desk: a story file that does not validate opens with the core\'s problem at its line and column, and its whole text kept',
    shown.problems.some((p) => p.startsWith(`Line ${line}, column `) && /2024-09-31/.test(p)) && shown.text === broken && !shown.draft,
    JSON.stringify({ line, problems: shown.problems }));
  await page.locator('#open-problem-list button').first().click();
  const caret = await page.evaluate(() => {
    const area = /** @type {HTMLTextAreaElement} */ (document.getElementById('open-text'));
    return { focused: document.activeElement === area, line: area.value.slice(0, area.selectionStart).split('\n').length };
  });
  check('desk: "Show in the text" puts the cursor on that line', caret.focused && caret.line === line, JSON.stringify(caret));
  await page.fill('#open-text', broken.replace('2024-09-31', '2024-09-02'));
  await page.click('#open-again');
  await claimsDrawn(page);
  check('desk: the corrected text opens as the story', (await story(page)).claims.length === JSON.parse(good).claims.length);

  const csv = readFileSync(join(ROOT, 'demo', 'template.csv'));
  await page.setInputFiles('#open-file', { name: 'template.csv', mimeType: 'text/csv', buffer: csv });
  await page.waitForFunction(() => /Opened template\.csv/.test(document.getElementById('open-status').textContent), null, { timeout: 20000 });
  await claimsDrawn(page);
  const imported = JSON.parse(execFileSync(factcard, ['import', join(ROOT, 'demo', 'template.csv')], { encoding: 'utf8' }));
  const fromCsv = await story(page);
  check('desk: a CSV opens as `factcard import` reads it', JSON.stringify(fromCsv) === JSON.stringify(imported),
    JSON.stringify({ editor: fromCsv.claims.length, cli: imported.claims.length }));
  check('desk: no page errors and no CSP or Trusted Types violations while opening files',
    !page.log.errors.length && !(await page.evaluate(() => window.__violations || [])).length, page.log.errors.join('\n'));
  await page.close();
}

// ---------- the second day ----------

const seedDate = (name) => JSON.parse(readFileSync(join(ROOT, 'tests', 'extract', 'seeds', `${name}.json`), 'utf8')).date;

async function fillSeed(page, index, name) {
  const boxes = page.locator('.ed-article');
  while (await boxes.count() <= index) await page.click('#add-article');
  const box = boxes.nth(index);
  await box.locator('textarea').fill(readFileSync(join(SEEDS, `${name}.txt`), 'utf8'));
  await box.locator('input[type=date]').fill(seedDate(name));
  await box.locator('input[data-field=name]').fill(name.slice(0, 3));
}

async function draftAndWait(page) {
  await page.click('#draft');
  await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('status').dataset.tone), null, { timeout: 120000 });
  await claimsDrawn(page);
  await settled(page);
}

function unzip(bytes) {
  const { unzipSync } = testRequire('fflate');
  const files = unzipSync(new Uint8Array(bytes));
  return new Map(Object.entries(files).filter(([path]) => !path.endsWith('/')).map(([path, data]) => [path, Buffer.from(data)]));
}

function listTree(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

async function secondDay({ context, base, factcard, artifacts, check, info }) {
  if (!SEED_NAMES.every((name) => existsSync(join(SEEDS, `${name}.txt`)))) {
    info(`SKIP desk: the second day (drafted from the seeds): ${SEEDS} is absent`);
    return;
  }
  const page = await open(context, new URL('editor.html', base).href);
  const work = mkdtempSync(join(tmpdir(), 'factcard-desk-'));
  try {
    for (let i = 0; i < 4; i++) await fillSeed(page, i, SEED_NAMES[i]);
    await draftAndWait(page);
    const day1 = await story(page);
    const single = day1.claims.filter((c) => new Set(c.evidence.map((e) => e.source)).size === 1);
    const [edited, deleted] = [single[0], single[single.length - 1]];
    const newWhat = `${edited.what.replace(/\.$/, '')}, the editor wrote.`;
    await item(page, edited.id).locator('textarea.ed-what').fill(newWhat);
    await item(page, deleted.id).locator('button.ed-danger').click();
    await settled(page);

    await page.click('#publish-panel summary');
    await page.fill('#publish-base', BASE);
    await page.fill('#publish-site', SITE_NAME);
    await download(page, '#publish');
    const published = (await story(page)).story.published;
    check('desk: Publish records the day in the story', /^\d{4}-\d\d-\d\d$/.test(published || ''), published);

    await fillSeed(page, 4, SEED_NAMES[4]);
    await draftAndWait(page);
    const day2 = await story(page);
    const keys = (c) => c.evidence.map((e) => `${e.source}|${e.quote}`);
    const deletedKeys = new Set(keys(deleted));
    const back = day2.claims.filter((c) => c.id === deleted.id || keys(c).some((k) => deletedKeys.has(k)));
    const stillEdited = day2.claims.find((c) => c.id === edited.id);
    check('desk: adding seed 004 undoes nothing: the edited claim keeps its edit, the deleted claim stays deleted',
      stillEdited && stillEdited.what === newWhat && !back.length, JSON.stringify({ edited: stillEdited && stillEdited.what, back: back.map((c) => c.id) }));
    const changes = await page.evaluate(() => ({
      panel: !document.getElementById('changes').hidden,
      lines: [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#change-list li'))].map((li) => ({ kind: li.dataset.change, text: li.textContent })),
      newExcerpts: document.querySelectorAll('li.ed-claim .ed-evidence li.ed-new').length,
      newChips: document.querySelectorAll('li.ed-claim h3 .ed-chip-new').length,
    }));
    info(`desk: seed 004 added ${day2.claims.length - day1.claims.length + 1} claims; changes listed: ${changes.lines.map((l) => l.text).join(' | ').slice(0, 400)}`);
    check('desk: the update lists new claims, marks new evidence on earlier claims, and lists a status change',
      changes.panel && changes.lines.some((l) => l.kind === 'added') && changes.newExcerpts > 0
        && changes.lines.some((l) => l.kind === 'status' && /\u2192/.test(l.text)), JSON.stringify(changes).slice(0, 1500));

    await page.locator('#changes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'desk-changes.png') });
    // The card that changed since publication asks for a note; add it.
    const asking = page.locator('li.ed-claim .ed-note-ask:not([hidden])');
    const asked = await asking.count();
    const note = 'A third outlet reported this after publication.';
    const noted = asking.first().locator('xpath=ancestor::li[contains(@class,"ed-claim")]');
    const notedId = await noted.getAttribute('data-claim');
    await asking.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'desk-note.png') });
    await asking.first().locator('input').fill(note);
    await asking.first().locator('button').click();
    await settled(page);
    const summary = await item(page, notedId).locator('.ed-card-updates summary').textContent().catch(() => '');
    check('desk: a published card that changed asks for a note; once added, its card shows "Updated …" with the note',
      asked > 0 && /^Updated /.test(summary || '') && (await item(page, notedId).locator('.ed-card-updates li').textContent()).includes(note),
      JSON.stringify({ asked, summary }));

    const zip = await download(page, '#publish');
    const storyFile = await download(page, '#download-story');
    const storyPath = join(work, 'story.json');
    writeFileSync(storyPath, storyFile.bytes);
    execFileSync(factcard, ['build', storyPath, '-o', join(work, 'out'), '--base', BASE, '--site-name', SITE_NAME], { stdio: 'ignore' });
    const cli = listTree(join(work, 'out'));
    const zipped = unzip(zip.bytes);
    const differ = [...new Set([...cli.keys(), ...zipped.keys()])].filter((p) => !cli.has(p) || !zipped.has(p) || !cli.get(p).equals(zipped.get(p)));
    check('desk: the published zip holds every file of `factcard build --base --site-name`, each byte-identical',
      cli.size > 10 && !differ.length, `${cli.size} CLI files, ${zipped.size} in the zip; differ: ${differ.slice(0, 10).join(', ')}`);
    const cardId = JSON.parse(cli.get(`${day2.story.id}.cards.json`).toString()).cards.find((c) => c.claims.includes(notedId)).id;
    const snippet = zipped.get(`embed/${cardId}.html`).toString();
    const jsonld = JSON.parse(zipped.get(`${day2.story.id}.jsonld`).toString());
    const claimLd = (jsonld['@graph'] || []).find((c) => JSON.stringify(c).includes(note));
    check('desk: the note is in the card\'s fallback (its snippet) and in its JSON-LD (dateModified and a correction)',
      snippet.includes(note) && claimLd && claimLd.dateModified && JSON.stringify(claimLd.correction || '').includes(note),
      JSON.stringify({ snippet: snippet.includes(note), claimLd }).slice(0, 800));
    check('desk: no page errors and no CSP or Trusted Types violations over the second day',
      !page.log.errors.length && !(await page.evaluate(() => window.__violations || [])).length, page.log.errors.join('\n'));
  } finally {
    await page.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** @param {{ context: any, base: string, site: string, factcard: string, artifacts: string, check: Function, info: Function }} options */
export async function deskChecks(options) {
  await reloadAndTabs(options);
  await openFiles(options);
  await secondDay(options);
}
