// Loads Storyline's TimelineJS exports into TimelineJS3 itself (npm @knight-lab/timelinejs) in
// headless Debian Chromium, and checks that TimelineJS builds the timeline: no console errors, no
// page errors, no TimelineJS error message, and one `.tl-slide` per event plus the title slide.
//
// Inputs: the committed fixture (tests/timelinejs/fixtures/*.json, the export of a timeline written
// for the test: every precision, escaped HTML, Chinese text) and live exports of the embedded corpus
// by the CLI (binary from STORYLINE_BIN, default target/debug/storyline), unfiltered and filtered.
// Prints one line per case and ends with `N passed, N failed`; exits non-zero on any failure.

import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dist = path.join(here, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const bin = path.resolve(root, process.env.STORYLINE_BIN || 'target/debug/storyline');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>storyline timelinejs test</title>
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script></head>
<body style="margin:0"><div id="tl" style="width:1200px;height:700px"></div>
<script>
  window.tlReady = false;
  fetch('/data/' + new URLSearchParams(location.search).get('case'))
    .then((r) => r.json())
    .then((data) => {
      window.timeline = new TL.Timeline('tl', data, { script_path: location.origin + '/tl/js/', hash_bookmark: false });
      window.timeline.on('ready', () => { window.tlReady = true; });
      window.timeline.on('dataloaded', () => { window.tlLoaded = true; });
    });
</script></body></html>`;

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject' };

function serve(cases) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    try {
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(PAGE);
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        return res.end();
      }
      if (url.pathname.startsWith('/data/')) {
        const c = cases.get(decodeURIComponent(url.pathname.slice(6)));
        if (!c) throw new Error('no case');
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        return res.end(c.json);
      }
      if (url.pathname.startsWith('/tl/')) {
        const file = path.normalize(path.join(dist, url.pathname.slice(4)));
        if (!file.startsWith(dist)) throw new Error('outside dist');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
        return res.end(body);
      }
      throw new Error('not found');
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function cli(args) {
  try {
    return { ok: true, stdout: execFileSync(bin, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    return { ok: false, status: e.status, stderr: String(e.stderr || e.message) };
  }
}

// The CLI's own JSON export (the contract) says how many dated events a filter keeps; the
// TimelineJS export of the same filter must give TimelineJS exactly that many slides plus the
// title. With no dated events TimelineJS rejects any timeline, so the export must refuse clearly.
async function cliCase(cases, refusals, label, filterArgs, dir) {
  const contract = cli(['export', '--format', 'json', ...filterArgs]);
  if (!contract.ok) throw new Error(`storyline export --format json failed: ${contract.stderr}`);
  const dated = JSON.parse(contract.stdout).events.filter((e) => e.date).length;
  const out = path.join(dir, `${cases.size}-${refusals.length}.json`);
  const run = cli(['export', '--format', 'timelinejs', ...filterArgs, '-o', out]);
  const written = await readFile(out, 'utf8').catch(() => null);
  if (dated === 0) {
    const problems = [];
    if (run.ok) problems.push('export succeeded with no dated events');
    else if (!/\[bad_query\].*TimelineJS/.test(run.stderr)) problems.push(`unclear error: ${run.stderr.trim()}`);
    if (written !== null) problems.push('a file was written');
    refusals.push({ name: `cli:${label}`, ok: problems.length === 0,
      detail: problems.length ? problems.join('; ') : `no dated events: refused with "${run.stderr.trim()}", no file` });
    return;
  }
  if (!run.ok) throw new Error(`storyline export --format timelinejs failed: ${run.stderr}`);
  const stdout = cli(['export', '--format', 'timelinejs', ...filterArgs]);
  if (!stdout.ok) throw new Error(`storyline export to stdout failed: ${stdout.stderr}`);
  cases.set(`cli:${label}`, { json: written, expectedSlides: dated + 1 });
}

async function collectCases() {
  const cases = new Map();
  const refusals = [];
  const fixtures = path.join(here, 'fixtures');
  for (const name of (await readdir(fixtures)).filter((f) => f.endsWith('.json')).sort()) {
    const json = await readFile(path.join(fixtures, name), 'utf8');
    cases.set(`fixture:${name}`, { json, expectedSlides: JSON.parse(json).events.length + 1 });
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'storyline-tljs-'));
  try {
    await cliCase(cases, refusals, 'embedded corpus', [], dir);
    await cliCase(cases, refusals, 'embedded corpus --kind hire', ['--kind', 'hire'], dir);
    await cliCase(cases, refusals, 'embedded corpus --from 2025-06 --to 2025-07', ['--from', '2025-06', '--to', '2025-07'], dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  for (const c of cases.values()) {
    c.titleHeadline = JSON.parse(c.json).title?.text?.headline;
  }
  return { cases, refusals };
}

// TimelineJS is lenient (a missing year silently becomes year 0), so a slide count alone proves
// little: check that TimelineJS read every date as the export meant it — same fields, the format
// TimelineJS picks for that depth (full / month / year), and the export's display_date on the slide.
async function checkDates(page, data) {
  const loaded = await page.evaluate(() => {
    const config = window.timeline.config;
    return {
      errors: config.getErrors(),
      events: config.events.map((e) => ({
        id: e.unique_id,
        start: e.start_date.data,
        end: e.end_date ? e.end_date.data : null,
        shown: document.getElementById(e.unique_id)?.querySelector('.tl-headline-date')?.textContent ?? null,
      })),
    };
  });
  const problems = loaded.errors.map((e) => `TimelineJS config error: ${e}`);
  const format = (d) => (d.day !== undefined ? 'full' : d.month !== undefined ? 'month' : 'year');
  const same = (want, got) => ['year', 'month', 'day'].every((k) => (want[k] === undefined ? got[k] === undefined : Number(got[k]) === want[k]));
  for (const want of data.events) {
    const got = loaded.events.find((e) => e.id === want.unique_id);
    if (!got) { problems.push(`${want.unique_id}: not loaded`); continue; }
    if (typeof want.start_date?.year !== 'number') problems.push(`${want.unique_id}: start_date has no year`);
    if (!same(want.start_date, got.start) || got.start.format !== format(want.start_date)) {
      problems.push(`${want.unique_id}: start read as ${JSON.stringify(got.start)}`);
    }
    if (want.end_date && (!got.end || !same(want.end_date, got.end))) problems.push(`${want.unique_id}: end read as ${JSON.stringify(got.end)}`);
    if (want.display_date && got.shown !== want.display_date) problems.push(`${want.unique_id}: slide shows date ${JSON.stringify(got.shown)}, not ${JSON.stringify(want.display_date)}`);
  }
  return problems;
}

async function runCase(browser, base, name, c) {
  const page = await browser.newPage();
  const errors = [];
  const stubbed = new Set();
  // No internet here: TimelineJS's stylesheet pulls web fonts from Google. Answer those requests
  // locally with an empty body, so the only errors left are TimelineJS's own.
  await page.route((url) => url.hostname !== '127.0.0.1', (route) => {
    stubbed.add(new URL(route.request().url()).hostname);
    return route.fulfill({ status: 200, body: '' });
  });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  try {
    await page.goto(`${base}/?case=${encodeURIComponent(name)}`);
    await page.waitForFunction(() => window.tlReady === true, null, { timeout: 20000 });
    // Let TimelineJS finish laying out slides after 'ready'.
    await page.waitForTimeout(500);
    const slides = await page.locator('#tl .tl-slide').count();
    const titleSlides = await page.locator('#tl .tl-slide-titleslide').count();
    const message = await page.evaluate(() => {
      const m = document.querySelector('#tl .tl-message-container');
      return m && m.offsetParent !== null ? m.textContent.trim() : '';
    });
    const problems = [...errors];
    if (slides !== c.expectedSlides) problems.push(`${slides} .tl-slide elements, expected ${c.expectedSlides}`);
    if (c.titleHeadline && titleSlides !== 1) problems.push(`${titleSlides} title slides, expected 1`);
    if (message) problems.push(`TimelineJS message: ${message}`);
    problems.push(...(await checkDates(page, JSON.parse(c.json))));
    if (c.titleHeadline) {
      const shown = await page.locator('#tl .tl-slide-titleslide .tl-headline').first().textContent();
      if (!shown || !shown.includes(c.titleHeadline)) problems.push(`title slide shows ${JSON.stringify(shown)}`);
    }
    return { ok: problems.length === 0, detail: (problems.length ? problems.join('; ') : `${slides} slides`) + (stubbed.size ? ` (stubbed offline: ${[...stubbed].join(', ')})` : '') };
  } catch (e) {
    return { ok: false, detail: `${e.message.split('\n')[0]}; ${errors.join('; ')}` };
  } finally {
    await page.close();
  }
}

async function main() {
  let passed = 0;
  let failed = 0;
  let browser;
  let server;
  try {
    const { cases, refusals } = await collectCases();
    for (const r of refusals) {
      if (r.ok) passed++; else failed++;
      console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
    }
    server = await serve(cases);
    const base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    for (const [name, c] of cases) {
      const r = await runCase(browser, base, name, c);
      if (r.ok) passed++; else failed++;
      console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${name}: ${r.detail}`);
    }
  } catch (e) {
    failed++;
    console.log(`FAIL set-up: ${e.message}`);
  } finally {
    if (browser) await browser.close();
    if (server) server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main();
