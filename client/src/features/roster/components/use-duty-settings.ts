import { useLiveRefetch } from '@client/lib/use-live-refetch';
import type { DutySettings } from '@shared/schemas/settings';
import { useEffect, useState } from 'react';
import { getDutySettings } from '../api/get-duty-settings';

/** The duty settings (shift template, staffing); null until read or when the read failed. */
export function useDutySettings(): DutySettings | null {
  const [settings, setSettings] = useState<DutySettings | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    void generation;
    const controller = new AbortController();
    getDutySettings(controller.signal).then(setSettings, () => undefined);
    return () => controller.abort();
  }, [generation]);
  useLiveRefetch(
    (event) => event.type === 'settings.updated',
    () => setGeneration((g) => g + 1),
  );
  return settings;
}
