/** The HTTP side of the network benches: keep-alive JSON POSTs, closed-loop and paced. */
import { Agent, request } from 'node:http';

export const now = () => performance.timeOrigin + performance.now();

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export function jsonPoster(base: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(base);
  return {
    post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
      const payload = Buffer.from(JSON.stringify(body));
      return new Promise((resolve, reject) => {
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString(),
                headers: res.headers,
              }),
            );
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Ingest {
  perSecond: number;
  p50: number;
  p99: number;
  done: number;
  failed: number;
}

/** `concurrency` callers each sending the next as soon as the last is answered, for `seconds`. */
export async function closedLoop(
  concurrency: number,
  seconds: number,
  send: () => Promise<Answer>,
): Promise<Ingest> {
  const latencies: number[] = [];
  let failed = 0;
  const start = now();
  const end = start + seconds * 1000;
  const caller = async () => {
    while (now() < end) {
      const t0 = now();
      const answer = await send();
      if (answer.status === 201) latencies.push(now() - t0);
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsed = (now() - start) / 1000;
  return {
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    done: latencies.length,
    failed,
  };
}

/**
 * Open loop: one send every 1/rate s for `seconds`, not waiting for answers, as reports arrive in
 * life. Returns the time each was sent, by index.
 */
export async function paced(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<Answer>,
): Promise<{ sentAt: number[]; failed: number }> {
  const total = Math.round(rate * seconds);
  const sentAt: number[] = [];
  const answers: Promise<void>[] = [];
  let failed = 0;
  const start = now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt[i] = now();
    answers.push(
      send(i).then(
        (a) => {
          if (a.status !== 201) failed += 1;
        },
        () => {
          failed += 1;
        },
      ),
    );
  }
  await Promise.all(answers);
  return { sentAt, failed };
}
