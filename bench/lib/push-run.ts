import type { ConsoleFarm } from './consoles';
import { paced, percentile } from './http-load';
import type { Target } from './targets';

export interface Push {
  p50: number;
  p99: number;
  max: number;
  sent: number;
  missing: number;
  failed: number;
}

/**
 * `total` reports at `rate`/s, marked `first`, `first + 1` …; the latency of each from its POST to
 * the last of the farm's consoles having it.
 */
export async function pushRun(
  farm: ConsoleFarm,
  target: Target,
  rate: number,
  first: number,
  total: number,
): Promise<Push> {
  const lastAt = new Map<number, number>();
  let allIn: () => void = () => {};
  const complete = new Promise<void>((done) => {
    allIn = done;
  });
  farm.onDelivered((marker, at) => {
    if (marker < first || marker >= first + total) return;
    lastAt.set(marker, at);
    if (lastAt.size === total) allIn();
  });
  const { sentAt, failed } = await paced(rate, total / rate, (i) => target.post(first + i));
  await Promise.race([complete, new Promise((r) => setTimeout(r, 15_000))]);
  farm.onDelivered(undefined);
  const latencies = sentAt.flatMap((t, i) => {
    const at = lastAt.get(first + i);
    return at === undefined ? [] : [at - t];
  });
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    sent: total,
    missing: total - latencies.length,
    failed,
  };
}
