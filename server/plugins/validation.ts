import { createRequire } from 'node:module';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { DutyError } from '../errors';

const common: Options = {
  allErrors: false,
  // Unknown fields are an error, never silently dropped.
  removeAdditional: false,
  useDefaults: true,
  strict: false,
};

/**
 * A date-time the format accepts but the clock cannot hold (a leap second, say), or one outside any
 * duty record's years, is invalid input, not a 500 further down.
 */
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(3000, 0, 1);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes: coerce ? 'array' : false });
  addFormats.default(ajv);
  // Keep ajv-formats' calendar check (no 31 February) and add the shape and the years.
  const rfc3339 = ajv.formats['date-time'] as { validate: (s: string) => boolean };
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s: string) =>
      INSTANT.test(s) && rfc3339.validate(s) && Date.parse(s) >= EARLIEST && Date.parse(s) < LATEST,
  });
  return ajv;
}

/**
 * Bodies are validated as sent (no coercion: "5" is not 5); query strings and path params are text
 * by nature and are coerced to the declared types.
 */
/** A half of a UTF-16 surrogate pair standing alone: not a character in any encoding. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True when any string in the value holds a NUL character (PostgreSQL text cannot store one) or a
 * lone surrogate (not Unicode: stored, it is a JSON escape PostgreSQL's json type refuses to read,
 * so one such log line would break every later read of the event log).
 */
function holdsUnstorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value);
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  for (const [key, item] of Object.entries(value))
    if (holdsUnstorable(key) || holdsUnstorable(item, depth + 1)) return true;
  return false;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The body of a write route that reads none: nothing, or an empty object; any field is refused. */
export const NO_BODY = { type: ['object', 'null'], properties: {}, additionalProperties: false } as const;

export function applyStrictValidation(app: FastifyInstance): void {
  // A write route that declares no body takes none: unknown fields are refused there too, not ignored.
  // (Registered before every route module, so the declared schema is already complete.)
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || ![route.method].flat().some((m) => WRITES.has(m))) return;
    if (route.schema?.body === undefined) route.schema = { ...route.schema, body: NO_BODY };
  });
  // The same input is refused on both databases, before it reaches either.
  app.addHook('preValidation', async (req) => {
    if (holdsUnstorable(req.body) || holdsUnstorable(req.query)) {
      throw new DutyError(
        'DUTY_ERR_VALIDATION',
        'input: text must not contain NUL characters or unpaired surrogates (invalid Unicode)',
      );
    }
  });
  const bodies = makeAjv(false);
  const textual = makeAjv(true);
  serializeResponsesLazily(app);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    compiledOnFirstUse(httpPart === 'body' ? bodies : textual, schema),
  );
}

/**
 * The validator of a schema, compiled when a request first needs it (issue 18 point 4): a compiled
 * validator is generated code the heap keeps for the process's life, and most of the routes' schemas
 * are never used by a given server. The schema is still checked at startup, so a broken one fails
 * there as before, not at its first request. Fastify reads `errors` after a failed call, and passes
 * the parent object (so ajv may coerce a root value) when `schemaEnv` is set, as on ajv's own.
 */
function compiledOnFirstUse(ajv: Ajv, schema: object): ValidateFunction {
  ajv.validateSchema(schema, true);
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown, context?: Parameters<ValidateFunction>[1]) => {
    compiled ??= ajv.compile(schema);
    const ok = compiled(data, context);
    validate.errors = compiled.errors;
    return ok;
  }) as ValidateFunction;
  validate.errors = null;
  Object.assign(validate, { schemaEnv: { lazy: true } });
  return validate;
}

type SerializerRoute = { schema: object; method: string; url: string; httpStatus?: string };
type Serialize = (data: unknown) => string;

/**
 * Fastify's own response serializer compiler (fast-json-stringify, as Fastify loads it: from
 * Fastify's dependencies, so it is exactly the one Fastify would use), with nothing shared between
 * schemas (the app adds none) and no options (the app sets none).
 */
const fastifyRequire = createRequire(createRequire(import.meta.url).resolve('fastify'));
const buildSerializer = (
  fastifyRequire('@fastify/fast-json-stringify-compiler') as () => (
    external: Record<string, unknown>,
    options: undefined,
  ) => (route: SerializerRoute) => Serialize
)()({}, undefined);

/**
 * Response serializers compiled when a route first answers with that status (issue 18 point 4):
 * fast-json-stringify generates a function per route and status, source and code the heap keeps
 * for the process's life, and most of them are never used by a given server.
 */
function serializeResponsesLazily(app: FastifyInstance): void {
  app.setSerializerCompiler((route: SerializerRoute) => {
    let compiled: Serialize | undefined;
    return (data: unknown) => {
      compiled ??= buildSerializer(route);
      return compiled(data);
    };
  });
}
