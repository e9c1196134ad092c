/**
 * One delivery attempt: POST the payload with its Idempotency-Key. Returns null when the upstream
 * took it (2xx), else what went wrong, in words an operator can act on.
 */
export async function post(
  endpoint: string,
  key: string,
  payload: string,
  opts: { timeoutMs: number; cancel: AbortSignal },
): Promise<string | null> {
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: payload,
      signal: AbortSignal.any([AbortSignal.timeout(opts.timeoutMs), opts.cancel]),
    });
    // Only the status matters; dropping the body frees the connection.
    await res.body?.cancel().catch(() => undefined);
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (err) {
    return describe(err, opts.timeoutMs);
  }
}

function describe(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && err.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (!(err instanceof Error)) return String(err);
  // fetch reports every network failure as "fetch failed"; the cause says which.
  const cause = err.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${err.message}: ${detail}` : err.message;
}
