import { preloadable } from '@client/lib/preloadable';

const home = preloadable(() => import('./components/console-home').then((m) => m.ConsoleHome));

/** The console home's code for React.lazy: out of the first load of every other page. */
export const loadConsoleHome = home.load;

// Opened on the console home, its code is asked for with the page, alongside the session check.
if (typeof window !== 'undefined' && window.location.pathname === '/') void home.preload();
