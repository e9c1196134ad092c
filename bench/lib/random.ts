/** A seeded generator (mulberry32), so every run builds the same year. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** Picks by weight: [[value, weight], …]. */
    weighted: <T>(options: readonly (readonly [T, number])[]): T => {
      let r = next() * options.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, w] of options) {
        r -= w;
        if (r < 0) return value;
      }
      return options.at(-1)![0];
    },
  };
}

export type Random = ReturnType<typeof seeded>;

/** Inserts rows in batches of `size`, inside one transaction. */
export async function insertBatches<R>(rows: R[], size: number, insert: (batch: R[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}
