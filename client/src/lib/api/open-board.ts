import { apiRequest } from '@client/lib/api-client';
import { type BoardView, incidentBoardKey, readBoard } from '@client/lib/live-patches/incidents';
import type { BoardList, IncidentQuery } from '@shared/schemas/incidents';
import { queryOptions } from '@tanstack/react-query';

/** The board's slim list: what its cards, filter and columns draw. */
export function listBoard(query: IncidentQuery, signal?: AbortSignal): Promise<BoardList> {
  return apiRequest<BoardList>('GET', '/incidents/board', { query: { ...query }, signal });
}

/** Every open incident (the server's most, the overdue and nearest deadlines first): the counts are exact. */
export const OPEN_BOARD_QUERY: IncidentQuery = { stage: 'open', limit: 5000 };

const EARLY_MS = 10_000;
let early: { promise: Promise<BoardList>; at: number } | null = null;

/**
 * Asks for the open board as the console starts on /incidents, alongside the session check and
 * the board's code instead of after them. A 401 here is only "not signed in yet": it neither ends
 * a session nor shows, the board then reads again itself.
 */
export function prefetchOpenBoard(): void {
  const promise = apiRequest<BoardList>('GET', '/incidents/board', {
    query: { ...OPEN_BOARD_QUERY },
    expectUnauthorized: true,
  });
  promise.catch(() => undefined);
  early = { promise, at: Date.now() };
}

/** The early answer, once, if it was asked for moments ago; a failed one falls back to a new read. */
export function takeOpenBoard(signal: AbortSignal): Promise<BoardList> | null {
  const taken = early;
  early = null;
  if (!taken || Date.now() - taken.at > EARLY_MS) return null;
  return taken.promise.catch(() => listBoard(OPEN_BOARD_QUERY, signal));
}

const CLOSED_LIMIT = 200;

/**
 * The board's list of one view, read once and then kept current by the incident events themselves
 * (`lib/live-patches/incidents.ts`). The open one may already be on its way, asked for as the console started.
 */
export const boardQuery = (view: BoardView) =>
  queryOptions({
    queryKey: incidentBoardKey(view),
    queryFn: ({ signal }) =>
      readBoard(
        view,
        view === 'open'
          ? (takeOpenBoard(signal) ?? listBoard(OPEN_BOARD_QUERY, signal))
          : listBoard({ stage: 'closed', limit: CLOSED_LIMIT }, signal),
      ),
  });
