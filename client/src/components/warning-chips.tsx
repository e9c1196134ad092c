import { useWarningWords } from '@client/lib/warning-labels';
import { RESPONSE_COLOUR_LEVEL, WARNING_COLOURS, WARNING_RANK } from '@shared/domain/warning-types';
import type { EmergencyResponse, Warning } from '@shared/schemas/warnings';
import './warning-chips.css';

const RESPONSE_RANK = { I: 4, II: 3, III: 2, IV: 1 } as const;

/** The most severe first: red before orange, Ⅰ before Ⅳ; then the older first. */
export function sortWarnings(list: Warning[]): Warning[] {
  return [...list].sort(
    (a, b) => WARNING_RANK[b.level] - WARNING_RANK[a.level] || (a.effectiveAt < b.effectiveAt ? -1 : 1),
  );
}
export function sortResponses(list: EmergencyResponse[]): EmergencyResponse[] {
  return [...list].sort(
    (a, b) => RESPONSE_RANK[b.level] - RESPONSE_RANK[a.level] || (a.startedAt < b.startedAt ? -1 : 1),
  );
}

/** One warning or response in its colour: the signal's standard colour, text in a readable contrast. */
export function WarningChips({
  warnings,
  responses,
  onOpen,
}: {
  warnings: Warning[];
  responses: EmergencyResponse[];
  onOpen?: () => void;
}) {
  const words = useWarningWords();
  const chip = (key: string, level: keyof typeof WARNING_COLOURS, text: string, kind: string) => (
    <button
      key={key}
      type="button"
      className={`warning-chip warning-chip-${kind}`}
      style={{ background: WARNING_COLOURS[level].bg, color: WARNING_COLOURS[level].fg }}
      data-testid={`${kind}-chip`}
      data-level={level}
      onClick={onOpen}
    >
      {text}
    </button>
  );
  return (
    <>
      {sortWarnings(warnings).map((w) => chip(`w${w.id}`, w.level, words.warning(w), 'warning'))}
      {sortResponses(responses).map((r) =>
        chip(`r${r.id}`, RESPONSE_COLOUR_LEVEL[r.level], words.response(r), 'response'),
      )}
    </>
  );
}
