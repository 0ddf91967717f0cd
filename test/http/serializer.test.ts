import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { forSerialization, nullableAsTypeListSerializer } from '../../src/http/serializer.js';
import { ErrorBody } from '../../src/http/schemas.js';
import { createTestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';

type Schema = Record<string, unknown>;

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every exported schema of every `schemas.ts` (and the webhook events' payloads): the response shapes. */
async function allSchemas(): Promise<Array<[string, Schema]>> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'schemas.ts' || entry.name.endsWith('-schemas.ts')) files.push(full);
    }
  };
  walk(SRC);
  const found: Array<[string, Schema]> = [];
  for (const file of files) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value !== null && typeof value === 'object' && ('type' in value || 'anyOf' in value)) {
        found.push([`${path.relative(SRC, file)}:${name}`, value as Schema]);
      }
    }
  }
  return found;
}

/**
 * A value the schema admits: `nulls` picks null wherever a union allows it, otherwise the first
 * non-null branch; optional properties are all present.
 */
function sample(schema: Schema, nulls: boolean, depth = 0): unknown {
  if (depth > 8) return null;
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf as Schema[];
    const nullBranch = branches.find((b) => b.type === 'null');
    if (nulls && nullBranch) return null;
    return sample(branches.find((b) => b.type !== 'null') ?? branches[0], nulls, depth + 1);
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? (nulls ? 'null' : schema.type[0]) : schema.type;
  switch (type) {
    case 'null':
      return null;
    case 'string':
      return schema.format === 'date-time' ? '2026-12-05T22:33:11.123Z' : 'a "quoted" \\ text é';
    case 'integer':
      return 42;
    case 'number':
      return 4.5;
    case 'boolean':
      return true;
    case 'array':
      return [0, 1].map(() => sample(schema.items as Schema, nulls, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
        out[key] = sample(property, nulls, depth + 1);
      }
      return out;
    }
    default:
      return 'x';
  }
}

const route = (schema: Schema) => ({ method: 'GET', url: '/', httpStatus: '200', schema });
const external = { ErrorBody };

test('nullable unions become type lists; everything else is kept, and the route schema is not mutated', () => {
  const schema = {
    type: 'object',
    properties: {
      name: { anyOf: [{ type: 'string', maxLength: 3 }, { type: 'null' }], description: 'kept' },
      customer: { anyOf: [{ type: 'object', properties: { id: { type: 'string' } } }, { type: 'null' }] },
      status: {
        anyOf: [
          { type: 'string', const: 'open' },
          { type: 'string', const: 'closed' },
        ],
      },
      ref: { anyOf: [{ $ref: 'ErrorBody' }, { type: 'null' }] },
      list: { type: 'array', items: { anyOf: [{ type: 'integer' }, { type: 'null' }] } },
    },
  };
  const before = JSON.stringify(schema);
  const rewritten = forSerialization(schema) as { properties: Record<string, Schema> };
  assert.equal(JSON.stringify(schema), before, 'the input schema was mutated');
  assert.deepEqual(rewritten.properties.name, { type: ['string', 'null'], maxLength: 3, description: 'kept' });
  assert.deepEqual(rewritten.properties.customer, {
    type: ['object', 'null'],
    properties: { id: { type: 'string' } },
  });
  // Unions of constants and of references keep their run-time branch choice.
  assert.equal(rewritten.properties.status, schema.properties.status);
  assert.equal(rewritten.properties.ref, schema.properties.ref);
  assert.deepEqual((rewritten.properties.list as { items: Schema }).items, { type: ['integer', 'null'] });
});

test('every exported schema serializes byte for byte as fast-json-stringify did with the unions', async () => {
  const stock = SerializerSelector()(external, {});
  const ours = nullableAsTypeListSerializer()(external, {});
  const schemas = await allSchemas();
  assert.ok(schemas.length > 50, `only ${schemas.length} schemas found`);
  let rewritten = 0;
  for (const [name, schema] of schemas) {
    if (forSerialization(schema) !== schema) rewritten++;
    const a = stock(route(schema));
    const b = ours(route(schema));
    for (const nulls of [false, true]) {
      const value = sample(schema, nulls);
      let expected: string | Error;
      try {
        expected = a(value);
      } catch (error) {
        expected = error as Error;
      }
      if (expected instanceof Error) assert.throws(() => b(value), `${name} (nulls: ${nulls})`);
      else assert.equal(b(value), expected, `${name} (nulls: ${nulls})`);
    }
  }
  assert.ok(rewritten > 20, `only ${rewritten} schemas had a nullable union`);
});

test('a value of the wrong type is refused by both serializers', () => {
  const schema = { type: 'object', properties: { at: { anyOf: [{ type: 'string' }, { type: 'null' }] } } };
  const stock = SerializerSelector()(external, {})(route(schema));
  const ours = nullableAsTypeListSerializer()(external, {})(route(schema));
  for (const serialize of [stock, ours]) {
    assert.throws(() => serialize({ at: 12 }));
    assert.throws(() => serialize({ at: { nested: true } }));
    assert.equal(serialize({ at: null }), '{"at":null}');
  }
});

test('the app answers a list with nulls and values through the rewritten serializer', async () => {
  const t = await createTestApp();
  try {
    const workspace = await createWorkspace(t);
    const key = await createApiKey(t, workspace, ['admin']);
    const headers = { ...bearer(key.secret), 'content-type': 'application/json' };
    await t.request({ method: 'POST', url: '/api/v1/conversations', headers, payload: {} });
    await t.request({
      method: 'POST',
      url: '/api/v1/conversations',
      headers,
      payload: { subject: 'Hi', externalId: 'x1', customer: { id: 'c1', name: 'Ada' } },
    });
    const list = await t.request({ method: 'GET', url: '/api/v1/conversations', headers: bearer(key.secret) });
    assert.equal(list.statusCode, 200, list.body);
    const [withCustomer, bare] = list.json.data;
    assert.deepEqual(withCustomer.customer, {
      id: withCustomer.customer.id,
      externalId: 'c1',
      name: 'Ada',
      email: null,
      company: null,
    });
    assert.equal(bare.customer, null);
    assert.equal(bare.subject, null);
    assert.equal(bare.lastMessageAt, null);
    assert.equal(list.json.nextCursor, null);
  } finally {
    await t.close();
  }
});
