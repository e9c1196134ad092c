import type { AnyDutyEvent } from '@shared/events';
import { describe, expect, it } from 'vitest';
import { backfill, type Feed, offer } from '../../server/live/delivery';

const ev = (seq: number) =>
  ({ seq, at: '', type: 'system.started', actor: 's', subject: 's', payload: {} }) as unknown as AnyDutyEvent;

function harness(logLength: number, sentSeq = 0) {
  const log = Array.from({ length: logLength }, (_, i) => ev(i + 1));
  const received: number[] = [];
  /** How many events each message carried. */
  const messages: number[] = [];
  const feed: Feed = {
    cursor: sentSeq,
    sentSeq,
    syncing: false,
    wakeAgain: false,
    mayRead: () => true,
    send: (events) => {
      messages.push(events.length);
      for (const e of events) received.push(e.seq);
    },
  };
  const readAfter = async (after: number, limit: number) => log.filter((e) => e.seq > after).slice(0, limit);
  return { log, received, messages, feed, readAfter };
}

describe('per-console delivery', () => {
  it('sends the next event straight on and ignores ones already sent', () => {
    const h = harness(3, 1);
    offer(h.feed, ev(2), h.readAfter);
    offer(h.feed, ev(2), h.readAfter);
    offer(h.feed, ev(1), h.readAfter);
    expect(h.received).toEqual([2]);
  });

  it('fills a gap from the log instead of sending out of turn, a page to a message', async () => {
    const h = harness(1200, 0);
    await offer(h.feed, ev(1200), h.readAfter);
    expect(h.received).toEqual(h.log.map((e) => e.seq));
    expect(h.messages).toEqual([500, 500, 200]);
  });

  it('delivers events that arrive during a backfill, in order, once', async () => {
    const h = harness(10, 0);
    const first = backfill(h.feed, h.readAfter);
    h.log.push(ev(11), ev(12));
    const second = offer(h.feed, ev(12), h.readAfter);
    await Promise.all([first, second]);
    expect(h.received).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});

describe('per-console delivery with holes (events of other audiences)', () => {
  /** A console that may read the even seqs only. */
  function evenReader(logLength: number, start = 0) {
    const log = Array.from({ length: logLength }, (_, i) => ev(i + 1));
    /** [the seq sent before it, its seq] for each event sent. */
    const sent: [number, number][] = [];
    const feed: Feed = {
      cursor: start,
      sentSeq: start,
      syncing: false,
      wakeAgain: false,
      mayRead: (e) => e.seq % 2 === 0,
      send: (events, prevSeq) => {
        let before = prevSeq;
        for (const e of events) {
          sent.push([before, e.seq]);
          before = e.seq;
        }
      },
    };
    const readAfter = async (after: number, limit: number) =>
      log.filter((e) => e.seq > after).slice(0, limit);
    return { log, sent, feed, readAfter };
  }

  it('passes over what the console may not read and sends the rest with the seq sent before', () => {
    const h = evenReader(4, 0);
    for (const seq of [1, 2, 3, 4]) offer(h.feed, ev(seq), h.readAfter);
    expect(h.sent).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(h.feed).toMatchObject({ cursor: 4, sentSeq: 4 });
  });

  it('catches up over pages the same way, and a hole at the end leaves its head where it was', async () => {
    const h = evenReader(1201, 0);
    await backfill(h.feed, h.readAfter);
    expect(h.sent).toHaveLength(600);
    expect(h.sent[0]).toEqual([0, 2]);
    expect(h.sent.at(-1)).toEqual([1198, 1200]);
    expect(h.feed).toMatchObject({ cursor: 1201, sentSeq: 1200 });
  });

  it('an event of its own arriving out of turn is not sent before the gap is filled', async () => {
    const h = evenReader(6, 0);
    await offer(h.feed, ev(6), h.readAfter);
    expect(h.sent).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
    ]);
  });
});
