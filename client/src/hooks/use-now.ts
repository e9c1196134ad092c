import { useEffect, useState } from 'react';

/** The current time in ms, ticking every `intervalMs` on the second boundary, so seconds never visibly stall or skip. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      timer = setTimeout(tick, intervalMs - (current % 1000) + 5);
    };
    timer = setTimeout(tick, intervalMs - (Date.now() % 1000) + 5);
    return () => clearTimeout(timer);
  }, [intervalMs]);
  return now;
}
