import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type Schema = Record<string, unknown>;
type SerializerFactory = ReturnType<typeof SerializerSelector>;

/**
 * Fastify's response serializers (fast-json-stringify), built from a serialization copy of each
 * route's response schema in which `anyOf: [X, {type: 'null'}]` (TypeBox's `Nullable`) becomes
 * `X` with `type: [X.type, 'null']`.
 *
 * Why: fast-json-stringify picks an `anyOf` branch at run time by running Ajv on the value for
 * every branch, so each nullable field of each row cost a validation call (for a nullable
 * object, a validation of the whole object), where a type list costs a `typeof` check. A list of
 * ten conversations serialized in 19 µs before and 10 µs after (bench/RESULTS.md, round 3). The
 * output is byte-identical for every value the schema admits (test/http/serializer.test.ts), and a
 * value of another type is refused in both forms (the serializer throws, the request is a 500).
 * What the Ajv branch check also caught and a type list does not: a string that breaks the
 * branch's `format` (a nullable date-time that is not one) and a wrong type inside a nullable
 * object, which fast-json-stringify then coerces as it does everywhere outside a union. The
 * values come from the views the services build (`isoTime`, typed rows), never from callers. The
 * route's own schema — what the OpenAPI document, request validation and the type provider read —
 * is not touched.
 */
export function nullableAsTypeListSerializer(): SerializerFactory {
  const base = SerializerSelector();
  return (externalSchemas, options) => {
    // Schemas added with `addSchema` (ErrorBody), by id, rewritten the same way.
    const external = isObject(externalSchemas)
      ? Object.fromEntries(
          Object.entries(externalSchemas).map(([id, schema]) => [id, forSerialization(schema as Schema)]),
        )
      : externalSchemas;
    const build = base(external, options);
    return (route) => build({ ...route, schema: forSerialization(route.schema as Schema) });
  };
}

/** Keywords whose values are schemas (or maps / lists of schemas): the only places rewritten. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions'] as const;
const SCHEMA_VALUES = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains'] as const;
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);

/** A copy of `schema` with every nullable union rewritten; unchanged parts are shared, never mutated. */
export function forSerialization(schema: Schema): Schema {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const nullable = asTypeList(schema);
  if (nullable !== null) return forSerialization(nullable);
  let out: Schema | null = null;
  const set = (key: string, value: unknown) => {
    if (value !== schema[key]) {
      out ??= { ...schema };
      out[key] = value;
    }
  };
  for (const key of SCHEMA_MAPS) {
    const map = schema[key];
    if (!isObject(map)) continue;
    let copy: Schema | null = null;
    for (const name of Object.keys(map)) {
      const rewritten = forSerialization(map[name] as Schema);
      if (rewritten !== map[name]) (copy ??= { ...map })[name] = rewritten;
    }
    set(key, copy ?? map);
  }
  for (const key of SCHEMA_VALUES) {
    const value = schema[key];
    if (isObject(value)) set(key, forSerialization(value));
  }
  for (const key of SCHEMA_LISTS) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    const rewritten = list.map((item) => forSerialization(item as Schema));
    set(key, rewritten.some((item, i) => item !== list[i]) ? rewritten : list);
  }
  return out ?? schema;
}

/** `{anyOf: [X, {type: 'null'}], ...rest}` with a plain typed X → `{...rest, ...X, type: [X.type, 'null']}`. */
function asTypeList(schema: Schema): Schema | null {
  const branches = schema.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return null;
  const nullAt = branches.findIndex((b) => isObject(b) && b.type === 'null' && Object.keys(b).length === 1);
  if (nullAt === -1) return null;
  const other = branches[1 - nullAt] as unknown;
  if (!isObject(other) || typeof other.type !== 'string' || !SCALAR_TYPES.has(other.type)) return null;
  // Anything that makes the branch more than "a value of this type" keeps the union.
  if (['$ref', 'anyOf', 'oneOf', 'allOf', 'not', 'if', 'const', 'enum', 'nullable'].some((k) => k in other))
    return null;
  const rest: Schema = { ...schema };
  delete rest.anyOf;
  if (Object.keys(rest).some((k) => k in other)) return null;
  return { ...rest, ...other, type: [other.type, 'null'] };
}

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
