import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const common: Options = {
  allErrors: false,
  // Unknown fields are an error, never silently dropped.
  removeAdditional: false,
  useDefaults: true,
  strict: false,
};

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes: coerce ? 'array' : false });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Bodies are validated as sent (no coercion: "5" is not 5); query strings and path params are text
 * by nature and are coerced to the declared types.
 */
export function applyStrictValidation(app: FastifyInstance): void {
  const bodies = makeAjv(false);
  const textual = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? bodies : textual).compile(schema),
  );
}
