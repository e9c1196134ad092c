/**
 * A browser always sends Origin on WebSocket handshakes and cross-site writes; it must be this
 * server (as the browser reached it) or one of the configured origins. Non-browser clients send
 * none and are judged by their credentials alone.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return host !== undefined && url.host === host;
  } catch {
    return false;
  }
}
