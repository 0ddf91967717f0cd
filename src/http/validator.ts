import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';

type Schema = Record<string, unknown>;
type Validate = ((data: unknown, context?: { parentData?: unknown; parentDataProperty?: string }) => unknown) & {
  errors?: unknown[] | null;
  schemaEnv?: unknown;
};

/**
 * Fastify's request validators (Ajv), with one rule Ajv misses: a number is finite.
 *
 * Ajv refuses `Infinity` and `NaN` in a JSON body (its `strictNumbers`), but a value it coerces
 * from a string — every query and path parameter, and a body string where the schema says
 * `integer` — is never checked again: `?limit=Infinity` or `?limit=1e400` became `Infinity`,
 * passed `type: integer` and the bounds (Ajv skips `maximum` for a non-finite number), and the
 * database refused it (a 500). Every validator of a schema that has a number or an integer
 * anywhere is wrapped here: after Ajv accepts the data, a non-finite number in it is a
 * validation error at its path ("limit must be a finite number", a 400 like any other).
 * Validators of schemas without numbers are Fastify's own, unchanged.
 */
export function finiteNumbersValidator(): ValidatorFactory {
  const base = AjvCompiler();
  return ((externalSchemas: Parameters<typeof base>[0], options: Parameters<typeof base>[1]) => {
    const build = base(externalSchemas, options) as unknown as (route: { schema: Schema }) => Validate;
    return (route: { schema: Schema }) => {
      const validate = build(route);
      return hasNumber(route.schema) ? finiteOnly(validate) : validate;
    };
  }) as unknown as ValidatorFactory;
}

function finiteOnly(validate: Validate): Validate {
  const wrapped: Validate = (data, context) => {
    const result = validate(data, context);
    if (result !== true) {
      wrapped.errors = validate.errors;
      return result;
    }
    // Ajv replaces a coerced root value in its parent, not in `data`.
    const value =
      context?.parentData && context.parentDataProperty !== undefined
        ? (context.parentData as Record<string, unknown>)[context.parentDataProperty]
        : data;
    const path = nonFinitePath(value);
    if (path === null) {
      wrapped.errors = null;
      return true;
    }
    wrapped.errors = [
      {
        instancePath: path,
        schemaPath: '#',
        keyword: 'type',
        params: { type: 'number' },
        message: 'must be a finite number',
      },
    ];
    return false;
  };
  // Fastify passes the parent (so Ajv may coerce a root value) only to a function with this.
  if (validate.schemaEnv !== undefined) wrapped.schemaEnv = validate.schemaEnv;
  return wrapped;
}

/** The JSON Pointer of the first non-finite number in `root`, or null. Iterative: bodies may nest deep. */
export function nonFinitePath(root: unknown): string | null {
  if (typeof root === 'number') return Number.isFinite(root) ? null : '';
  if (root === null || typeof root !== 'object') return null;
  const stack: Array<[unknown, string]> = [[root, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'number') {
          if (!Number.isFinite(item)) return `${path}/${i}`;
        } else if (item !== null && typeof item === 'object') stack.push([item, `${path}/${i}`]);
      }
    } else {
      for (const key of Object.keys(value as object)) {
        const item = (value as Record<string, unknown>)[key];
        if (typeof item === 'number') {
          if (!Number.isFinite(item)) return `${path}/${pointerToken(key)}`;
        } else if (item !== null && typeof item === 'object') stack.push([item, `${path}/${pointerToken(key)}`]);
      }
    }
  }
  return null;
}

function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Whether a schema (or any schema inside it) admits a number. */
function hasNumber(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  if (Array.isArray(schema)) return schema.some(hasNumber);
  const type = (schema as Schema).type;
  if (type === 'number' || type === 'integer') return true;
  if (Array.isArray(type) && (type.includes('number') || type.includes('integer'))) return true;
  return Object.values(schema).some(hasNumber);
}
