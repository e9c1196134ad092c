import { prefetchOpenBoard } from './api/list-board';
import type { IncidentsBoard } from './components/incidents-board';

type BoardModule = { default: typeof IncidentsBoard };

let loaded: BoardModule | null = null;
let loading: Promise<BoardModule> | null = null;

function preloadBoardCode(): Promise<BoardModule> {
  loading ??= import('./components/incidents-board').then((m) => {
    loaded = { default: m.IncidentsBoard };
    return loaded;
  });
  return loading;
}

/**
 * The board's code for React.lazy. Once loaded it answers at once (a thenable calling back
 * synchronously), so the page renders without suspending: a suspended page shows its fallback
 * for at least React's 300 ms throttle even when the code is already there.
 */
export function loadIncidentsBoard(): Promise<BoardModule> {
  const ready = loaded;
  if (!ready) return preloadBoardCode();
  const now: PromiseLike<BoardModule> = {
    // biome-ignore lint/suspicious/noThenProperty: React.lazy reads a thenable that calls back at once as loaded.
    then: (onLoaded) => Promise.resolve(onLoaded ? onLoaded(ready) : (ready as never)),
  };
  return now as Promise<BoardModule>;
}

// The board is the duty post's usual first screen: when the console opens on it, its list and its
// code are asked for with the page, alongside the session check, not one after the other.
if (typeof window !== 'undefined' && window.location.pathname === '/incidents') {
  prefetchOpenBoard();
  void preloadBoardCode();
}
