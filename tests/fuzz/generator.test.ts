/**
 * The fuzzer's own check: values drawn as valid pass the routes' validation (or the fuzz would only
 * ever test the 400 path), mutated ones fail it, and what is written is the JSON that was meant.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { invalidOf, mutate, Raw, type Schema, toJsonText, toQueryString, validOf } from '../helpers/fuzz';

const ajv = new Ajv({ allErrors: false, removeAdditional: false, useDefaults: true, strict: false });
addFormats.default(ajv);

describe('schema-driven generation', () => {
  let t: TestApp;
  let bodies: { route: string; schema: Schema }[] = [];
  beforeAll(async () => {
    t = await startApp();
    bodies = t.app.declaredRoutes
      .filter((r) => r.schema?.body)
      .map((r) => ({ route: `${r.method} ${r.url}`, schema: r.schema!.body as Schema }));
  });
  afterAll(() => t.close());

  it('draws bodies the route accepts, most of the time', () => {
    const poor: string[] = [];
    for (const { route, schema } of bodies) {
      const validate = ajv.compile(schema);
      const drawn = fc.sample(validOf(schema), { numRuns: 60, seed: 42 });
      const accepted = drawn.filter((v) => validate(JSON.parse(toJsonText(v)))).length;
      // Impossible or out-of-range dates (29 February 2026, year 9999) are drawn on purpose, rarely.
      if (accepted < drawn.length * 0.8) poor.push(`${route}: ${accepted}/${drawn.length}`);
    }
    expect(poor).toEqual([]);
    expect(bodies.length).toBeGreaterThan(30);
  });

  it('breaks what it mutates', () => {
    const weak: string[] = [];
    for (const { route, schema } of bodies) {
      const validate = ajv.compile(schema);
      const drawn = fc.sample(invalidOf(schema), { numRuns: 40, seed: 7 });
      const refused = drawn.filter((v) => {
        try {
          return !validate(JSON.parse(toJsonText(v)));
        } catch {
          return true; // not even JSON: refused by the parser
        }
      }).length;
      // A few mutations are harmless by chance (a NaN-ish string where any string goes).
      if (refused < drawn.length * 0.75) weak.push(`${route}: ${refused}/${drawn.length}`);
    }
    expect(weak).toEqual([]);
  });

  it('writes raw JSON, own __proto__ keys and repeated query keys as meant', () => {
    const schema: Schema = {
      type: 'object',
      properties: { a: { type: 'integer' } },
      additionalProperties: false,
    };
    const poisoned = mutate({ a: 1 }, schema, {
      kind: 'unknownField',
      site: 0,
      pick: 4,
      key: '__proto__',
      text: '',
      huge: '',
      deep: new Raw('[]'),
      number: 0,
    });
    expect(toJsonText(poisoned)).toBe('{"a":1,"__proto__":{"polluted":true}}');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(toJsonText([new Raw('1e999'), new Raw('[[[]]]'), null])).toBe('[1e999,[[[]]],null]');
    expect(toQueryString({ a: [1, 2], q: '应急 & =', s: '\ud800' })).toBe(
      'a=1&a=2&q=%E5%BA%94%E6%80%A5%20%26%20%3D&s=%EF%BF%BD',
    );
  });
});
