#!/usr/bin/env node
/**
 * Builds what changed since the last build, and nothing else: the console (vite build into
 * dist/client) and the server (esbuild into dist/server/main.mjs) each have their inputs hashed
 * (path and content of every file), compared with the stamp the last successful build of that part
 * wrote (dist/.stamps/<part>.json). An unchanged part whose output is still there is not built:
 * `npm start` with nothing changed starts serving in well under a second of build checking. The
 * hash is taken before the build and stamped after it succeeds, so a file edited during a build
 * makes the next start build again. `--force` builds both.
 *
 * Plain Node on purpose (no TypeScript loader): it runs before anything is built.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamps = join(root, 'dist', '.stamps');
const force = process.argv.includes('--force');

/** What each part is built from, what it builds to, and how. */
const parts = [
  {
    name: 'client',
    inputs: ['client', 'shared', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'],
    output: 'dist/client/index.html',
    command: [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  },
  {
    name: 'server',
    inputs: ['server', 'shared', 'tsconfig.json', 'package.json', 'package-lock.json'],
    output: 'dist/server/main.mjs',
    // package.json's build:server says how; through npm's own CLI when npm runs us.
    command: [process.env.npm_execpath ?? 'npm', 'run', 'build:server', '--silent'],
  },
];

function files(path, into) {
  const full = join(root, path);
  if (!existsSync(full)) return into;
  if (statSync(full).isDirectory()) {
    for (const entry of readdirSync(full).sort()) files(join(path, entry), into);
  } else into.push(path);
  return into;
}

function inputHash(part) {
  const hash = createHash('sha256');
  // The builder itself is an input: a change to how a part is built rebuilds it.
  for (const file of [
    ...part.inputs.flatMap((p) => files(p, [])),
    relative(root, fileURLToPath(import.meta.url)),
  ]) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function stampOf(part) {
  try {
    return JSON.parse(readFileSync(join(stamps, `${part.name}.json`), 'utf8')).hash;
  } catch {
    return null;
  }
}

function run(part) {
  const [script, ...args] = part.command;
  const built = script.endsWith('js')
    ? spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' })
    : spawnSync(script, args, { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error(`build of the ${part.name} failed (exit ${built.status ?? built.signal})`);
    process.exit(built.status || 1);
  }
}

for (const part of parts) {
  const started = performance.now();
  const hash = inputHash(part);
  const fresh = !force && stampOf(part) === hash && existsSync(join(root, part.output));
  if (fresh) continue;
  console.log(`building the ${part.name} (its sources changed since the last build)…`);
  run(part);
  mkdirSync(stamps, { recursive: true });
  writeFileSync(
    join(stamps, `${part.name}.json`),
    `${JSON.stringify({ hash, builtAt: new Date().toISOString() })}\n`,
  );
  console.log(`built the ${part.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
