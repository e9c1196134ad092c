/**
 * The console's initial JavaScript, gzip-compressed: builds the client (`vite build` into
 * dist/client), then sums the entry script and every module index.html preloads — what a browser
 * fetches before the first screen — each gzipped with zlib at level 9 (`gzip -9`). The chunks
 * loaded later (pages, dialogs, the English dictionary) are listed beside it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const TARGET_KB = 400;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'client');

const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status ?? build.signal})`);

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gzipped = (file: string) =>
  gzipSync(readFileSync(join(dist, file)), { level: constants.Z_BEST_COMPRESSION }).length;
const raw = (file: string) => readFileSync(join(dist, file)).length;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<script[^>]*\bsrc="\/([^"]+\.js)"/g)].map((m) => m[1]!);
const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g)].map(
  (m) => m[1]!,
);
const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)].map((m) => m[1]!);
if (scripts.length === 0) throw new Error('no entry script in dist/client/index.html');
const initial = [...new Set([...scripts, ...preloads])];

const rows = (files: string[]) =>
  files.map((file) => ({ file, raw: raw(file), gzip: gzipped(file) })).sort((a, b) => b.gzip - a.gzip);
const sum = (list: { gzip: number }[]) => list.reduce((n, r) => n + r.gzip, 0);

const first = rows(initial);
console.log(`initial JS (entry + ${preloads.length} modulepreloads), gzip -9 (zlib level 9):`);
for (const r of first)
  console.log(`  ${r.file.padEnd(44)} ${kb(r.raw).padStart(8)} KB raw ${kb(r.gzip).padStart(7)} KB gzip`);
const css = rows(styles);
const total = sum(first);
console.log(`initial CSS: ${kb(sum(css))} KB gzip (${css.map((r) => r.file).join(', ')})`);

const lazy = rows(
  readdirSync(join(dist, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => f.endsWith('.js') && !initial.includes(f)),
);
console.log(`lazy chunks: ${lazy.length}, ${kb(sum(lazy))} KB gzip in all; the largest:`);
for (const r of lazy.slice(0, 15)) console.log(`  ${r.file.padEnd(44)} ${kb(r.gzip).padStart(7)} KB gzip`);
console.log(
  `console initial JS: ${kb(total)} KB gzip (${(total / 1000).toFixed(1)} kB) — target ≤ ${TARGET_KB} KB` +
    `${total / 1024 <= TARGET_KB ? '' : ' (MISSED)'}`,
);
