import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Which module owns each table, read from server/db/database.ts (the one file that knows them all). */
function tableOwners(): Map<string, string> {
  const source = readFileSync(join(root, 'server/db/database.ts'), 'utf8');
  const ownerOfType = new Map<string, string>();
  for (const m of source.matchAll(
    /import type \{([^}]*)\} from '\.\.\/(modules\/([a-z-]+)|events)\/table'/g,
  )) {
    const owner = m[3] ?? 'events';
    for (const name of m[1]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean))
      ownerOfType.set(name, owner);
  }
  const body = source.slice(source.indexOf('export interface Database'));
  const owners = new Map<string, string>();
  for (const m of body.matchAll(/^\s+([a-z_]+): ([A-Za-z]+);$/gm)) {
    const owner = ownerOfType.get(m[2]!);
    if (owner) owners.set(m[1]!, owner);
  }
  return owners;
}

describe('the boundaries of the house', () => {
  it('imports cross no boundary (module front doors, feature islands, shared/ below both sides)', () => {
    // The same check as `npm run check`; the rules and why are in .dependency-cruiser.cjs.
    let output = '';
    try {
      output = execFileSync(
        process.execPath,
        [
          join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
          'server',
          'client/src',
          'shared',
          '--config',
          '.dependency-cruiser.cjs',
          '--output-type',
          'err',
        ],
        { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toContain('no dependency violations found');
    // It really looked: every side of the tree was cruised.
    const cruised = Number(/(\d+) modules/.exec(output)?.[1]);
    expect(cruised).toBeGreaterThan(filesUnder('server').length);
  }, 60_000);

  it('no module writes another module’s tables', () => {
    const owners = tableOwners();
    expect(owners.get('roster_shifts')).toBe('roster');
    expect(owners.get('events')).toBe('events');
    const writes = /\.(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*['"]([a-z_]+)['"]/g;
    const strays: string[] = [];
    for (const file of filesUnder('server')) {
      if (file.startsWith('server/db/migrations/')) continue;
      const module =
        /^server\/modules\/([a-z-]+)\//.exec(file)?.[1] ??
        (file.startsWith('server/events/') ? 'events' : null);
      for (const m of readFileSync(join(root, file), 'utf8').matchAll(writes)) {
        const owner = owners.get(m[2]!);
        if (owner === undefined)
          strays.push(`${file}: ${m[1]}('${m[2]}'), a table database.ts does not list`);
        else if (owner !== module) strays.push(`${file}: ${m[1]}('${m[2]}') writes ${owner}'s table`);
      }
    }
    expect(strays).toEqual([]);
  });
});
