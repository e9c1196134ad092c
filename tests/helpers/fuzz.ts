/**
 * Property-based input generation from a route's JSON schema (TypeBox emits plain JSON Schema):
 * `validOf` gives values the schema accepts, `invalidOf` the same values with one to three mutations
 * (a required field dropped, an unknown or `__proto__` key added, wrong types, out-of-range numbers
 * and dates such as 2026-02-29 or 9999-12-31, huge strings, deep nesting, control characters...). Values may hold `Raw` JSON text (number literals JSON.stringify cannot
 * write, nesting too deep to build as objects); `toJsonText` writes them.
 */
import fc from 'fast-check';

export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  minProperties?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  const?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

/** JSON text written verbatim: `1e999`, `-0`, 100,000 nested brackets. */
export class Raw {
  constructor(readonly text: string) {}
}

/** Where a value sits: ['body', 'location', 'lat'], ['params', 'id'], ['body', 'officers', '0']. */
export type Path = readonly string[];

/** A known-good source for a field (ids that exist, dates near the clock), or undefined for the schema's own. */
export type Hints = (path: Path, schema: Schema) => fc.Arbitrary<unknown> | undefined;

export interface GenOptions {
  hints?: Hints;
}

const MAX_GENERATED_ITEMS = 12;

/** Code points, as ajv counts string length. */
export const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
};

const cut = (s: string, max: number | undefined) =>
  max === undefined || codePoints(s) <= max ? s : [...s].slice(0, max).join('');

/** Strings that have broken parsers, databases and templating before. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\r\n',
  '\u0007\u001b[31mred\u001b[0m',
  '\u202egnp.exe',
  '\ufeffbom',
  '\ud800',
  'x\udfffy',
  '😀',
  '👨‍👩‍👧‍👦',
  '𠀋𠀌',
  'e\u0301\u0301\u0301',
  '应急值守台',
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  'null',
  'true',
  '1e309',
  '-0',
  '0x1F',
  '+5',
  ' 5 ',
  '٣',
  '１２',
  '9'.repeat(400),
  "'; drop table users; --",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00%2e%2e',
  '%s%s%n',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}{{7*7}}<%= 7*7 %>',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '2026-02-30T25:61:61Z',
  '0000-00-00',
  '2026-02-31',
  '9999-12-31T23:59:59.999999999+14:00',
  'P99999999999999999999D',
  'PT0S',
];

/** Unknown keys, some of which are poison to naive object handling. */
export const NASTY_KEYS: readonly string[] = [
  'extra',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '',
  ' ',
  'ID',
  '$where',
  'a.b',
  '😀',
  '\u0000',
];

/** Numbers outside what any id or count should take; Raw where JSON.stringify would not write them. */
export const NASTY_NUMBERS: readonly unknown[] = [
  -1,
  0,
  new Raw('-0'),
  0.5,
  -2_147_483_648,
  2_147_483_648,
  4_294_967_296,
  2 ** 53,
  new Raw('9007199254740993'),
  1e21,
  1e300,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  new Raw('1e999'),
  new Raw('-1e999'),
  new Raw('1e-400'),
  new Raw('123456789012345678901234567890'),
];

const hugeString = fc.constantFrom(
  'x'.repeat(100_000),
  '😀'.repeat(25_000),
  '\u0000'.repeat(50_000),
  '应'.repeat(34_000),
  `${'a'.repeat(4001)}`,
);

const deepNesting = fc.constantFrom(
  new Raw(`${'['.repeat(64)}${']'.repeat(64)}`),
  new Raw(`${'['.repeat(5000)}${']'.repeat(5000)}`),
  new Raw(`${'['.repeat(200_000)}${']'.repeat(200_000)}`),
  new Raw(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`),
  new Raw(`${'{"a":'.repeat(60_000)}1${'}'.repeat(60_000)}`),
);

/** Any text: printable, full unicode (code points), CJK, or one of the nasty ones. */
function anyText(min = 0, max = 40): fc.Arbitrary<string> {
  const capped = Math.min(max, 60);
  const within = (s: string) => codePoints(s) >= min && codePoints(s) <= max;
  const pad = (s: string) => (codePoints(s) >= min ? s : s + 'x'.repeat(min - codePoints(s)));
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, capped) }) },
      {
        weight: 2,
        arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: Math.max(min, capped) }),
      },
      {
        weight: 2,
        arbitrary: fc
          .string({
            unit: fc.constantFrom(...'应急值守事故伤亡幸福路交叉口张李王'),
            minLength: min,
            maxLength: capped,
          })
          .map(pad),
      },
      { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS).map((s) => cut(pad(s), max)) },
    )
    .filter(within);
}

function dateTimeText(): fc.Arbitrary<string> {
  const offsets = ['Z', '+08:00', '-05:30', '+14:00', '-12:00', '+00:00'];
  const instant = fc.date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2100-12-31T23:59:59Z'),
    noInvalidDate: true,
  });
  // What RFC 3339 (and so ajv-formats) allows but a JS Date may not: leap seconds, `+08`, lower case,
  // a space for the T, year 0, the last second of year 9999 west of Greenwich.
  const edge = fc.constantFrom(
    '0001-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '9999-12-31T23:59:59-23:59',
    '2016-12-31T23:59:60Z',
    '2016-12-31T15:59:60-08:00',
    '2026-03-10T10:00:00+08',
    '2026-03-10T10:00:00+0800',
    '2026-03-10t10:00:00z',
    '2026-03-10 10:00:00Z',
    '2026-03-10T10:00:00.1234567891234Z',
    '2026-03-10T10:00:00.123456789+08:00',
    '2026-02-28T24:00:00Z',
    '2024-02-29T12:00:00+08:00',
    '2026-02-29T12:00:00+08:00',
  );
  return fc.oneof(
    { weight: 4, arbitrary: instant.map((d) => d.toISOString()) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(instant, fc.constantFrom(...offsets))
        .map(([d, o]) => d.toISOString().replace('Z', o).replace(/\.\d+/, '')),
    },
    { weight: 1, arbitrary: edge },
  );
}

/** Real calendar days, rarely one at or past the accepted years' edges. */
function localDateText(): fc.Arbitrary<string> {
  const day = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const near = fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const edge = fc.constantFrom('1900-01-01', '2999-12-31', '2024-02-29', '2000-02-29');
  return fc.oneof(
    { weight: 6, arbitrary: near },
    { weight: 3, arbitrary: day },
    { weight: 1, arbitrary: edge },
  );
}

/** Year-months (`2026-03`), now and then one at the accepted years' edges. */
function monthText(): fc.Arbitrary<string> {
  const month = fc
    .tuple(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
  const near = fc
    .tuple(fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
  const edge = fc.constantFrom('1900-01', '2999-12');
  return fc.oneof(
    { weight: 6, arbitrary: near },
    { weight: 3, arbitrary: month },
    { weight: 1, arbitrary: edge },
  );
}

/** A lookahead-free version of a pattern for fast-check to draw from; the original still filters. */
function patternText(pattern: string, minLength?: number, maxLength?: number): fc.Arbitrary<string> {
  const re = new RegExp(pattern);
  const fits = (s: string) =>
    re.test(s) &&
    (minLength === undefined || codePoints(s) >= minLength) &&
    (maxLength === undefined || codePoints(s) <= maxLength);
  const simplified = pattern.replace(/\(\?[=!][^()]*\)/g, '');
  // Narrow patterns (durations, phone numbers) rarely match from a lookahead-free draw: known-good ones too.
  const known = KNOWN_GOOD.filter(fits);
  let drawn: fc.Arbitrary<string>;
  try {
    drawn = fc.stringMatching(new RegExp(simplified), { size: 'small' });
  } catch {
    // A pattern fast-check cannot draw from: known-good values, or any text (filtering could never end).
    return known.length > 0 ? fc.constantFrom(...known) : anyText(minLength ?? 0, maxLength ?? 200);
  }
  const filtered = drawn.filter(fits);
  return known.length > 0 ? fc.oneof(filtered, fc.constantFrom(...known)) : filtered;
}

const KNOWN_GOOD = [
  'PT1H',
  'PT30M',
  'P1D',
  'PT2H30M',
  'PT0S',
  'P0D',
  'PT999999999H',
  'P99999999999999999999D',
  '13900001111',
  '+86 (10) 1234-5678',
  '',
  '08:30',
  '00:00',
  '23:59',
  '06-01',
  '02-29',
  '12-31',
];

function numberOf(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : schema.minimum;
  const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : schema.maximum;
  if (integer) {
    const lo = min ?? -2_147_483_648;
    const hi = max ?? Math.max(lo, 0) + 2_147_483_647;
    const arbs = [
      fc.integer({ min: Math.max(lo, Number.MIN_SAFE_INTEGER), max: Math.min(hi, Number.MAX_SAFE_INTEGER) }),
    ];
    if (max === undefined) arbs.push(fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 40));
    return fc.oneof(...arbs);
  }
  return fc.double({
    min: min ?? -1e15,
    max: max ?? 1e15,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

function branches(schema: Schema): Schema[] | undefined {
  return schema.anyOf ?? schema.oneOf;
}

function typeOf(schema: Schema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type[0];
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  return undefined;
}

/** Values the schema accepts (hints first where a field has one). */
export function validOf(schema: Schema, options: GenOptions = {}, path: Path = []): fc.Arbitrary<unknown> {
  const hinted = options.hints?.(path, schema);
  const own = schemaValid(schema, options, path);
  return hinted ? fc.oneof({ weight: 3, arbitrary: hinted }, { weight: 1, arbitrary: own }) : own;
}

function schemaValid(schema: Schema, options: GenOptions, path: Path): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = branches(schema);
  if (alternatives) return fc.oneof(...alternatives.map((s) => validOf(s, options, path)));
  switch (typeOf(schema)) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'string':
      if (schema.format === 'date-time')
        return dateTimeText().filter((s) => codePoints(s) <= (schema.maxLength ?? 1e9));
      if (schema.format === 'date') return localDateText();
      if (schema.pattern?.endsWith('-(0[1-9]|1[0-2])$')) return monthText();
      if (schema.pattern) return patternText(schema.pattern, schema.minLength, schema.maxLength);
      return anyText(schema.minLength ?? 0, schema.maxLength ?? 200);
    case 'array': {
      const item = validOf(schema.items ?? {}, options, [...path, '0']);
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(
        schema.maxItems ?? MAX_GENERATED_ITEMS,
        Math.max(minLength, MAX_GENERATED_ITEMS),
      );
      return schema.uniqueItems
        ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => toJsonText(v) })
        : fc.array(item, { minLength, maxLength });
    }
    case 'object':
      return objectValid(schema, options, path);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectValid(schema: Schema, options: GenOptions, path: Path): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, s] of Object.entries(properties)) model[key] = validOf(s, options, [...path, key]);
  const record = fc.record(model, { requiredKeys: schema.required ?? [] });
  const extraSchema =
    typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  let arb: fc.Arbitrary<Record<string, unknown>> = record;
  if (extraSchema) {
    const names = (schema.propertyNames?.enum ?? []).filter(
      (n): n is string => typeof n === 'string' && !(n in properties),
    );
    const key = names.length > 0 ? fc.constantFrom(...names) : anyText(1, 20);
    const extra = fc.dictionary(key, validOf(extraSchema, options, [...path, '*']), { maxKeys: 4 });
    arb = fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
  }
  const minProperties = schema.minProperties ?? 0;
  if (minProperties === 0) return arb;
  // Top up with an optional field when the draw left out too many.
  const optional = Object.keys(properties).filter((k) => !(schema.required ?? []).includes(k));
  return fc
    .tuple(arb, fc.shuffledSubarray(optional, { minLength: Math.min(minProperties, optional.length) }))
    .chain(([value, keys]) => {
      if (Object.keys(value).length >= minProperties) return fc.constant(value);
      const missing = keys.filter((k) => !(k in value));
      const add: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of missing) add[k] = validOf(properties[k]!, options, [...path, k]);
      return fc.record(add).map((extra) => ({ ...value, ...extra }));
    });
}

// ---------------------------------------------------------------------------------------------
// Mutations

export type MutationKind =
  | 'dropRequired'
  | 'unknownField'
  | 'wrongType'
  | 'outOfRange'
  | 'hugeString'
  | 'deepNesting'
  | 'nastyString'
  | 'nastyNumber'
  | 'enumNearMiss'
  | 'replaceRoot';

const KINDS: MutationKind[] = [
  'dropRequired',
  'unknownField',
  'wrongType',
  'outOfRange',
  'hugeString',
  'deepNesting',
  'nastyString',
  'nastyNumber',
  'enumNearMiss',
  'replaceRoot',
];

export interface Mutation {
  kind: MutationKind;
  /** Picks the site (modulo the number of sites). */
  site: number;
  /** Picks among the kind's choices. */
  pick: number;
  key: string;
  text: string;
  huge: string;
  deep: Raw;
  number: unknown;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...KINDS),
  site: fc.nat(),
  pick: fc.nat(),
  key: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_KEYS) },
    { weight: 1, arbitrary: fc.string() },
  ),
  text: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  ),
  huge: hugeString,
  deep: deepNesting,
  number: fc.constantFrom(...NASTY_NUMBERS),
});

interface Site {
  path: string[];
  schema: Schema | undefined;
  value: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Raw);

/** The branch of a union a value was drawn from, roughly: the first whose type fits. */
function resolve(schema: Schema | undefined, value: unknown): Schema | undefined {
  if (!schema) return undefined;
  const alternatives = branches(schema);
  if (!alternatives) return schema;
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const fit = alternatives.find((s) => {
    const t = typeOf(s);
    if ('const' in s) return s.const === value;
    if (s.enum) return s.enum.includes(value);
    if (t === 'integer' || t === 'number') return kind === 'number';
    return t === kind;
  });
  return resolve(fit ?? alternatives[0], value);
}

function sites(value: unknown, schema: Schema | undefined, path: string[] = []): Site[] {
  const s = resolve(schema, value);
  const out: Site[] = [{ path, schema: s, value }];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...sites(v, s?.items, [...path, String(i)]));
    });
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const extra = typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined;
      out.push(...sites(v, s?.properties?.[k] ?? extra, [...path, k]));
    }
  }
  return out;
}

/** A deep copy keeping Raw values; objects get a null prototype so `__proto__` is an own key. */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isPlainObject(value)) {
    const copy = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) copy[k] = clone(v);
    return copy;
  }
  return value;
}

function setAt(root: unknown, path: string[], next: unknown): unknown {
  if (path.length === 0) return next;
  let parent = root as Record<string, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string, unknown>;
  parent[path[path.length - 1]!] = next;
  return root;
}

function wrongTypeFor(value: unknown, pick: number): unknown {
  const options: unknown[] =
    typeof value === 'number'
      ? [String(value), ` ${value}`, [value], { value }, true, null]
      : typeof value === 'string'
        ? [42, value.length, [value], { value }, false, null]
        : typeof value === 'boolean'
          ? [String(value), value ? 1 : 0, null, [value]]
          : Array.isArray(value)
            ? [{ ...value }, value.length, 'a,b', null, value[0] ?? {}]
            : isPlainObject(value)
              ? [[value], Object.values(value), JSON.stringify(value), 'object', null]
              : [0, '', {}, []];
  return options[pick % options.length];
}

function outOfRangeFor(schema: Schema | undefined, value: unknown, m: Mutation): unknown {
  const t = schema ? typeOf(schema) : undefined;
  if (typeof value === 'number' || t === 'integer' || t === 'number') {
    const candidates: unknown[] = [];
    if (schema?.minimum !== undefined) candidates.push(schema.minimum - 1, schema.minimum - 0.5);
    if (schema?.maximum !== undefined) candidates.push(schema.maximum + 1, schema.maximum * 2 + 1);
    if (t === 'integer') candidates.push((typeof value === 'number' ? value : 1) + 0.5);
    candidates.push(-1, 2_147_483_648);
    return candidates[m.pick % candidates.length];
  }
  if (typeof value === 'string') {
    const candidates: string[] = [];
    if (schema?.maxLength !== undefined)
      candidates.push('y'.repeat(schema.maxLength + 1), '😀'.repeat(schema.maxLength + 1));
    if ((schema?.minLength ?? 0) > 0) candidates.push('y'.repeat(schema!.minLength! - 1));
    // Dates the pattern or a JS Date would take but the calendar or the accepted years would not.
    if (schema?.format === 'date') candidates.push('0050-06-15', '0000-02-29', '9999-12-31', '2026-02-29');
    if (schema?.pattern?.endsWith('-(0[1-9]|1[0-2])$')) candidates.push('9999-12', '0050-01', '0000-01');
    candidates.push(m.huge);
    return candidates[m.pick % candidates.length];
  }
  if (Array.isArray(value)) {
    // A small filler: a thousand copies of a 100 kB string would be no test of the server, only of memory.
    const first = value[0] ?? 1;
    const filler = toJsonText(first).length <= 100 ? first : 1;
    const n = schema?.maxItems !== undefined ? schema.maxItems + 1 : 10_000;
    const dup = value.length > 0 ? [...value, value[0]] : [];
    const candidates: unknown[] = [Array.from({ length: Math.min(n, 20_000) }, () => filler), dup, []];
    return candidates[m.pick % candidates.length];
  }
  return m.number;
}

function enumNearMiss(value: unknown, pick: number): unknown {
  if (typeof value !== 'string') return typeof value === 'number' ? -value - 1 : 'maybe';
  const options = [
    value.toUpperCase(),
    value.toLowerCase(),
    ` ${value}`,
    `${value} `,
    `${value}\u0000`,
    value.slice(1),
    `${value}x`,
  ];
  const changed = options.filter((o) => o !== value);
  return changed[pick % changed.length] ?? `${value}x`;
}

/** Applies one mutation to a copy of `value` drawn from `schema`. */
export function mutate(value: unknown, schema: Schema, m: Mutation): unknown {
  const root = clone(value);
  const all = sites(root, schema);
  const pickSite = (keep: (s: Site) => boolean): Site | undefined => {
    const eligible = all.filter(keep);
    return eligible.length === 0 ? undefined : eligible[m.site % eligible.length];
  };
  switch (m.kind) {
    case 'dropRequired': {
      const site = pickSite(
        (s) => isPlainObject(s.value) && (s.schema?.required ?? []).some((k) => k in (s.value as object)),
      );
      if (!site) break;
      const present = (site.schema!.required ?? []).filter((k) => k in (site.value as object));
      delete (site.value as Record<string, unknown>)[present[m.pick % present.length]!];
      return root;
    }
    case 'unknownField': {
      const site = pickSite((s) => isPlainObject(s.value));
      if (!site) break;
      const extra = [m.text, 1, null, { prototype: { polluted: true } }, { polluted: true }][m.pick % 5];
      (site.value as Record<string, unknown>)[m.key] = extra;
      return root;
    }
    case 'wrongType': {
      const site = pickSite(() => true);
      return setAt(root, site!.path, wrongTypeFor(site!.value, m.pick));
    }
    case 'outOfRange': {
      const site = pickSite(
        (s) => typeof s.value === 'number' || typeof s.value === 'string' || Array.isArray(s.value),
      );
      if (!site) break;
      return setAt(root, site.path, outOfRangeFor(site.schema, site.value, m));
    }
    case 'hugeString': {
      const site = pickSite((s) => typeof s.value === 'string');
      if (!site) break;
      return setAt(root, site.path, m.huge);
    }
    case 'deepNesting': {
      const site = pickSite(() => true);
      return setAt(root, site!.path, m.deep);
    }
    case 'nastyString': {
      const site = pickSite((s) => s.path.length > 0);
      if (!site) break;
      return setAt(root, site.path, m.text);
    }
    case 'nastyNumber': {
      const site = pickSite((s) => typeof s.value === 'number') ?? pickSite((s) => s.path.length > 0);
      if (!site) break;
      return setAt(root, site.path, m.number);
    }
    case 'enumNearMiss': {
      const site = pickSite(
        (s) => s.schema !== undefined && ('const' in s.schema || s.schema.enum !== undefined),
      );
      if (!site) break;
      return setAt(root, site.path, enumNearMiss(site.value, m.pick));
    }
    case 'replaceRoot':
      return [null, [], [root], 'body', 0, true, m.deep, m.text][m.pick % 8];
  }
  // Nothing the kind applies to: a wrong type at the root still makes it invalid.
  return wrongTypeFor(root, m.pick);
}

/** Values drawn from the schema, then broken one to three times. */
export function invalidOf(schema: Schema, options: GenOptions = {}, path: Path = []): fc.Arbitrary<unknown> {
  return fc
    .tuple(validOf(schema, options, path), fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
    .map(([value, mutations]) => mutations.reduce((v, m) => mutate(v, schema, m), value));
}

/** Mostly valid (so the handlers run), often broken (so the guards run). */
export function inputOf(schema: Schema, options: GenOptions = {}, path: Path = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: validOf(schema, options, path) },
    { weight: 2, arbitrary: invalidOf(schema, options, path) },
  );
}

// ---------------------------------------------------------------------------------------------
// Writing values out

/** JSON text of a value that may hold Raw parts and `__proto__` own keys. */
export function toJsonText(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : toJsonText(v))).join(',')}]`;
  if (isPlainObject(value)) {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) parts.push(`${JSON.stringify(k)}:${toJsonText(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** How a value appears in a query string or a path segment (before percent-encoding). */
export function toText(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return toJsonText(value);
}

/** A query string from a value drawn from a querystring schema; arrays repeat the key. */
export function toQueryString(value: unknown): string {
  if (!isPlainObject(value)) return value === undefined ? '' : encode(toText(value));
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    for (const one of values) parts.push(`${encode(k)}=${encode(toText(one))}`);
  }
  return parts.join('&');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Percent-encoding; lone surrogates (which encodeURIComponent refuses) become U+FFFD, as a browser sends them. */
export function encode(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd'));
}
