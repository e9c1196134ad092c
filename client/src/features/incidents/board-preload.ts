import { prefetchOpenBoard } from '@client/lib/api/open-board';
import { preloadable } from '@client/lib/preloadable';

const board = preloadable(() => import('./components/incidents-board').then((m) => m.IncidentsBoard));

/** The board's code for React.lazy. */
export const loadIncidentsBoard = board.load;

// The board is the duty post's usual first screen: when the console opens on it, its list and its
// code are asked for with the page, alongside the session check, not one after the other.
if (typeof window !== 'undefined' && window.location.pathname === '/incidents') {
  prefetchOpenBoard();
  void board.preload();
}
