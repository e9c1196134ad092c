import type { AnyDutyEvent } from '@shared/events';

/**
 * Per-console delivery state. Each console gets every event it may read exactly in seq order with
 * no gaps: an event that arrives out of turn (another node, a concurrent commit) is not sent as is;
 * the gap is filled from the event log instead. The log's seqs are global, so a console's seqs have
 * holes (events of other audiences): each event goes out with the seq sent before it (`prevSeq`),
 * and a console that has not applied that one knows it missed one of its own.
 */
export interface Feed {
  /** Every event up to this seq has been sent to the console or is not for it. */
  cursor: number;
  /** The last event sent to the console, or where its feed started: its own head. */
  sentSeq: number;
  syncing: boolean;
  wakeAgain: boolean;
  /** The pass under way; a caller arriving meanwhile waits for it, including the extra round it asked for. */
  running?: Promise<void>;
  /** Whether the console is sent this event (its read rule); asked once per event, in seq order. */
  mayRead(event: AnyDutyEvent): boolean;
  /** Sends these events (consecutive for this console, in seq order) after the one `prevSeq` names. */
  send(events: AnyDutyEvent[], prevSeq: number): void;
}

export type ReadAfter = (after: number, limit: number) => Promise<AnyDutyEvent[]>;

const PAGE = 500;

/** Sends everything after feed.cursor from the log, then whatever arrived meanwhile. */
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
        const page = await readAfter(feed.cursor, PAGE);
        // The console's events of one page go out as one message.
        const run: AnyDutyEvent[] = [];
        const runAfter = feed.sentSeq;
        for (const event of page) {
          if (event.seq !== feed.cursor + 1) break;
          if (pass(feed, event) !== undefined) run.push(event);
        }
        if (run.length > 0) feed.send(run, runAfter);
        if (page.length < PAGE) break;
      }
    } while (feed.wakeAgain);
  } finally {
    feed.syncing = false;
    feed.running = undefined;
  }
}

/** Moves the feed past its next event; the prevSeq to send it with, or undefined when it is not for this console. */
function pass(feed: Feed, event: AnyDutyEvent): number | undefined {
  feed.cursor = event.seq;
  if (!feed.mayRead(event)) return undefined;
  const prevSeq = feed.sentSeq;
  feed.sentSeq = event.seq;
  return prevSeq;
}

/**
 * A freshly committed event for this console: `later` when it is not the next one or a catch-up is
 * under way (the caller fills the gap from the log); `skip` when it is the next one but not for this
 * console; else the feed counts it as sent and the caller must send it with the returned prevSeq.
 */
export function claimNext(feed: Feed, event: AnyDutyEvent): number | 'skip' | 'later' {
  if (feed.syncing || event.seq !== feed.cursor + 1) return 'later';
  return pass(feed, event) ?? 'skip';
}

/** The console asked for everything after `after` again (`sync`). */
export function rewind(feed: Feed, after: number): void {
  feed.cursor = Math.min(feed.cursor, after);
  feed.sentSeq = Math.min(feed.sentSeq, after);
}

/** A freshly committed event: sent straight on when it is the next one, else the gap is filled. */
export function offer(feed: Feed, event: AnyDutyEvent, readAfter: ReadAfter): Promise<void> | undefined {
  if (event.seq <= feed.cursor) return undefined;
  const claim = claimNext(feed, event);
  if (claim === 'later') return backfill(feed, readAfter);
  if (claim !== 'skip') feed.send([event], claim);
  return undefined;
}
