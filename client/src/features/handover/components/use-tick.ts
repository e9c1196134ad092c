import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs` (deadlines shown to the minute need no more). */
export function useTick(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
