import { ApiError, NETWORK_ERROR } from '@client/lib/api-client';
import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fileNothingNew } from '../api/zero-asks';
import { useWords } from '../i18n';
import { loadPendingTaps, type PendingZeroTap, savePendingTaps, withoutTap, withTap } from './zero-pending';

const isNetwork = (e: unknown) => e instanceof ApiError && e.code === NETWORK_ERROR;

/**
 * The one-tap zero report, kept on the phone while the network loses it: each tap is sent at once,
 * and again when the connection returns (or every 5 s, for a phone that never says so) until the
 * server has it. A refusal (the ask ended, say) is shown and not sent again.
 */
export function useZeroTaps(userId: number) {
  const w = useWords();
  const t = useT();
  const client = useQueryClient();
  const kept = useRef<PendingZeroTap[]>(loadPendingTaps(userId));
  const [pending, setPending] = useState<readonly PendingZeroTap[]>(kept.current);
  const [sending, setSending] = useState<PendingZeroTap | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);

  const keep = useCallback(
    (taps: PendingZeroTap[]) => {
      kept.current = taps;
      savePendingTaps(userId, taps);
      setPending(taps);
    },
    [userId],
  );

  /** Sends every kept tap in turn; stops at the first the network loses (the rest would be lost too). */
  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const tried = new Set<PendingZeroTap>();
      for (;;) {
        // Taps made meanwhile are sent in this pass too.
        const tap = kept.current.find((candidate) => !tried.has(candidate));
        if (!tap) break;
        tried.add(tap);
        try {
          await fileNothingNew(tap.requestId, tap.unitId, tap.forDate);
          keep(withoutTap(kept.current, tap));
        } catch (caught) {
          if (isNetwork(caught)) break;
          keep(withoutTap(kept.current, tap));
          setProblem(w('zeroFailed', { reason: describeError(t, caught) }));
        }
      }
    } finally {
      busy.current = false;
      await client.invalidateQueries({ queryKey: ['zero-reports'] });
    }
  }, [client, keep, t, w]);

  /** A fresh tap shows as sending; the retries of a kept one go quietly. */
  const tap = useCallback(
    async (next: PendingZeroTap) => {
      setProblem(null);
      setSending(next);
      keep(withTap(kept.current, next));
      try {
        await flush();
      } finally {
        setSending(null);
      }
    },
    [flush, keep],
  );

  const waiting = pending.length > 0;
  useEffect(() => {
    if (!waiting) return;
    const retry = () => void flush();
    // Taps kept from an earlier visit go at once.
    retry();
    window.addEventListener('online', retry);
    const timer = window.setInterval(() => {
      if (navigator.onLine) retry();
    }, 5000);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [waiting, flush]);

  return { pending, sending, problem, tap };
}
