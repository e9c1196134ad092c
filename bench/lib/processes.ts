/** Starting the bare-stack baseline as its own process, and reading a process's memory. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ServerProcess, spawnListening } from '../../tests/helpers/server-process';

const ROOT = resolve(import.meta.dirname, '../..');

export async function startBaselineProcess(
  dbPath: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  // Built like our server (`npm run build:server`), so neither carries a TypeScript loader.
  execFileSync(
    'npx',
    [
      'esbuild',
      'bench/lib/baseline-main.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--packages=external',
      '--log-level=warning',
      '--outfile=dist/bench/baseline.mjs',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  return spawnListening(['dist/bench/baseline.mjs'], { BASELINE_DB: dbPath, PORT: '0', ...env }, 30_000);
}

/** Resident and peak resident memory of a process, in MB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}
