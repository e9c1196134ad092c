import { availableParallelism, loadavg } from 'node:os';

/** The value at quantile q (0..1) of the runs, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Timing {
  median: number;
  p95: number;
  max: number;
  /** This process's CPU time per run (median): on a busy machine it says what the work costs. */
  cpu: number;
}

/** Runs `work` `runs` times, one after another; wall and CPU time in milliseconds. */
export async function timed(runs: number, work: () => Promise<void>): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await work();
    const used = process.cpuUsage(cpuStart);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    median: round(quantile(wall, 0.5)),
    p95: round(quantile(wall, 0.95)),
    max: round(Math.max(...wall)),
    cpu: round(quantile(cpu, 0.5)),
  };
}

/** How busy the machine was: figures from a loaded machine read differently. */
export function machineLoad(): string {
  return `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
}
