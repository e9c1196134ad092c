type Loaded<C> = { default: C };

export interface Preloadable<C> {
  /** Starts loading the code now (idempotent). */
  preload: () => Promise<Loaded<C>>;
  /** For React.lazy: once loaded it answers at once, so the page renders without suspending. */
  load: () => Promise<Loaded<C>>;
}

/**
 * A page's code split from the first load yet asked for with it when the console opens on that
 * page. Once loaded, `load` returns a thenable that calls back synchronously: a suspended page
 * shows its fallback for at least React's 300 ms throttle even when the code is already there.
 */
export function preloadable<C>(importer: () => Promise<C>): Preloadable<C> {
  let loaded: Loaded<C> | null = null;
  let loading: Promise<Loaded<C>> | null = null;
  const preload = () => {
    loading ??= importer().then((component) => {
      loaded = { default: component };
      return loaded;
    });
    return loading;
  };
  const load = () => {
    const ready = loaded;
    if (!ready) return preload();
    const now: PromiseLike<Loaded<C>> = {
      // biome-ignore lint/suspicious/noThenProperty: React.lazy reads a thenable that calls back at once as loaded.
      then: (onLoaded) => Promise.resolve(onLoaded ? onLoaded(ready) : (ready as never)),
    };
    return now as Promise<Loaded<C>>;
  };
  return { preload, load };
}
