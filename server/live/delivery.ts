import type { AnyDutyEvent } from '@shared/events';

/**
 * Per-console delivery state. Each console gets every event exactly in seq order with no gaps:
 * an event that arrives out of turn (another node, a concurrent commit) is not sent as is;
 * the gap is filled from the event log instead.
 */
export interface Feed {
  sentSeq: number;
  syncing: boolean;
  wakeAgain: boolean;
  /** The pass under way; a caller arriving meanwhile waits for it, including the extra round it asked for. */
  running?: Promise<void>;
  send(event: AnyDutyEvent): void;
}

export type ReadAfter = (after: number, limit: number) => Promise<AnyDutyEvent[]>;

const PAGE = 500;

/** Sends everything after feed.sentSeq from the log, then whatever arrived meanwhile. */
export function backfill(feed: Feed, readAfter: ReadAfter): Promise<void> {
  if (feed.syncing && feed.running) {
    feed.wakeAgain = true;
    return feed.running;
  }
  feed.syncing = true;
  feed.running = drain(feed, readAfter);
  return feed.running;
}

async function drain(feed: Feed, readAfter: ReadAfter): Promise<void> {
  try {
    do {
      feed.wakeAgain = false;
      for (;;) {
        const page = await readAfter(feed.sentSeq, PAGE);
        for (const event of page) {
          if (event.seq !== feed.sentSeq + 1) break;
          feed.send(event);
          feed.sentSeq = event.seq;
        }
        if (page.length < PAGE) break;
      }
    } while (feed.wakeAgain);
  } finally {
    feed.syncing = false;
    feed.running = undefined;
  }
}

/**
 * Whether a freshly committed event goes straight to this console: it is the next one and no
 * catch-up is under way. If so the feed counts it as sent, and the caller must send it.
 */
export function claimNext(feed: Feed, event: AnyDutyEvent): boolean {
  if (feed.syncing || event.seq !== feed.sentSeq + 1) return false;
  feed.sentSeq = event.seq;
  return true;
}

/** A freshly committed event: sent straight on when it is the next one, else the gap is filled. */
export function offer(feed: Feed, event: AnyDutyEvent, readAfter: ReadAfter): Promise<void> | undefined {
  if (event.seq <= feed.sentSeq) return undefined;
  if (claimNext(feed, event)) {
    feed.send(event);
    return undefined;
  }
  return backfill(feed, readAfter);
}
