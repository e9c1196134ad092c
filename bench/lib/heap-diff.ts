/**
 * Two V8 heap snapshots (.heapsnapshot) compared by constructor: count and self size of each kind of
 * object in the second minus the first, largest first, per `PER` (e.g. 1000 consoles).
 *
 *   npx tsx bench/lib/heap-diff.ts before.heapsnapshot after.heapsnapshot [per] [rows]
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

function byConstructor(file: string): Map<string, { count: number; size: number }> {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const out = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const name =
      type === 'object' || type === 'native' ? snap.strings[snap.nodes[i + nameAt]!]! : `(${type})`;
    const entry = out.get(name) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += snap.nodes[i + sizeAt]!;
    out.set(name, entry);
  }
  return out;
}

const [beforeFile, afterFile, perText, rowsText] = process.argv.slice(2);
if (!beforeFile || !afterFile) throw new Error('usage: heap-diff.ts before after [per] [rows]');
const per = Number(perText ?? 1);
const before =
  beforeFile === '-' ? new Map<string, { count: number; size: number }>() : byConstructor(beforeFile);
const after = byConstructor(afterFile);
const rows = [...after].map(([name, a]) => {
  const b = before.get(name) ?? { count: 0, size: 0 };
  return { name, count: (a.count - b.count) / per, bytes: (a.size - b.size) / per };
});
rows.sort((x, y) => y.bytes - x.bytes);
const total = rows.reduce((s, r) => s + r.bytes, 0);
console.log(`total self size per unit: ${total.toFixed(0)} bytes`);
for (const r of rows.slice(0, Number(rowsText ?? 40)))
  console.log(
    `${r.bytes.toFixed(0).padStart(8)} B ${r.count.toFixed(2).padStart(8)} × ${r.name.slice(0, 80)}`,
  );
