import { createServer, type Socket, connect as tcpConnect } from 'node:net';

/**
 * How a cut looks from either end.
 * - `blackhole`: a pulled cable. Open connections go silent both ways (nothing more is read, so the
 *   kernel buffers fill and the senders stall, as with lost packets), closes and resets are not
 *   passed on, and new connections hang without reaching the target. Only a ping timeout tells
 *   either end. On restore the stalled bytes flow on, as retransmission would deliver them, and the
 *   connections that were hanging go through.
 * - `refuse`: a dead port or a firewall that rejects. Open connections are reset, new ones are
 *   reset at once; both ends notice immediately.
 */
export type CutMode = 'blackhole' | 'refuse';

export interface TcpProxy {
  /** `http://127.0.0.1:<port>` of the proxy. */
  url: string;
  cut(mode?: CutMode): void;
  restore(): void;
  close(): Promise<void>;
}

/** One client connection and, once the way is open, its connection to the target. */
interface Link {
  client: Socket;
  upstream?: Socket;
}

/** A TCP proxy on a free port of 127.0.0.1 in front of `targetPort` there, which can be cut and restored. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const links = new Set<Link>();
  let mode: CutMode | null = null;
  /** What a blackhole holds back (a close to pass on) until the restore. */
  let held: (() => void)[] = [];
  const whenThrough = (action: () => void) => {
    if (mode === 'blackhole') held.push(action);
    else action();
  };

  const forgetIfGone = (link: Link) => {
    if (link.client.destroyed && (!link.upstream || link.upstream.destroyed)) links.delete(link);
  };

  /** Copies `from` to `to` with backpressure; in a blackhole `from` stays paused until the restore. */
  const pipe = (link: Link, from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      if (!to.write(chunk)) from.pause();
    });
    to.on('drain', () => {
      if (mode !== 'blackhole') from.resume();
    });
    from.on('end', () => to.end());
    from.on('close', (hadError) => {
      whenThrough(() => (hadError ? to.destroy() : to.end()));
      forgetIfGone(link);
    });
  };

  const openUpstream = (link: Link) => {
    const upstream = tcpConnect({ host: '127.0.0.1', port: targetPort });
    upstream.setNoDelay(true);
    upstream.on('error', () => undefined); // 'close' (hadError) follows and is passed on
    link.upstream = upstream;
    pipe(link, link.client, upstream);
    pipe(link, upstream, link.client);
    link.client.resume();
  };

  // pauseOnConnect: nothing is read from a new connection before it is decided where it goes.
  const server = createServer({ pauseOnConnect: true }, (client) => {
    client.setNoDelay(true);
    client.on('error', () => undefined); // 'close' (hadError) follows and is passed on
    if (mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const link: Link = { client };
    links.add(link);
    client.once('close', () => forgetIfGone(link));
    if (mode !== 'blackhole') openUpstream(link);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    cut(next = 'blackhole') {
      mode = next;
      for (const link of links) {
        if (next === 'refuse') {
          if (!link.client.destroyed) link.client.resetAndDestroy();
          if (link.upstream && !link.upstream.destroyed) link.upstream.resetAndDestroy();
        } else {
          link.client.pause();
          link.upstream?.pause();
        }
      }
    },
    restore() {
      mode = null;
      const actions = held;
      held = [];
      for (const action of actions) action();
      for (const link of links) {
        if (link.client.destroyed) continue;
        if (!link.upstream) openUpstream(link);
        else {
          link.client.resume();
          link.upstream.resume();
        }
      }
    },
    close: async () => {
      for (const link of links) {
        link.client.destroy();
        link.upstream?.destroy();
      }
      links.clear();
      held = [];
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
