import type { AnyDutyEvent } from '@shared/events';

/** More than any bureau creates; past it the map starts again rather than grow. */
const MOST_KEPT = 1_000;

/**
 * Live API tokens this process has read, by the hash of their secret. An intake system sends its
 * token with every report, and reading it cost a report a third of a millisecond of its push
 * (issue 18). Kept only where this process makes every change to the data (SQLite: one server, one
 * writer). Every token is forgotten when a token or unit change commits, before that change's caller
 * is answered, so a revoked token is refused from the next request on. An entry also serves only in
 * the minute it was read: the next minute reads the token again (and stamps its last use).
 */
export class KnownTokens<T extends { lastUsedAt: string | null }> {
  readonly #byHash = new Map<string, T>();
  #forgotten = 0;

  /** Taken before a token is read, handed to `remember`: what was read before a change is not kept. */
  get generation(): number {
    return this.#forgotten;
  }

  /** The token behind this hash if it was read in the minute of `now` (a stored instant). */
  get(hash: string, now: string): T | undefined {
    const token = this.#byHash.get(hash);
    return token && sameMinute(token.lastUsedAt, now) ? token : undefined;
  }

  /** Keeps a token read since `generation`, unless a token or unit change committed meanwhile. */
  remember(hash: string, token: T, generation: number): void {
    if (generation !== this.#forgotten) return;
    if (this.#byHash.size >= MOST_KEPT) this.#byHash.clear();
    this.#byHash.set(hash, token);
  }

  /** Called with every commit's events: a token created or revoked, a unit changed, and all are read again. */
  forgetOn(events: readonly AnyDutyEvent[]): void {
    if (events.some((event) => event.type.startsWith('token.') || event.type.startsWith('unit.'))) {
      this.#byHash.clear();
      this.#forgotten++;
    }
  }
}

/** Stored instants (ISO, UTC) of one minute share their first 16 characters: `2026-12-06T15:44`. */
export function sameMinute(stored: string | null, now: string): boolean {
  return stored !== null && stored.slice(0, 16) === now.slice(0, 16);
}
