import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ConfigError, loadConfig } from '../../src/config.js';
import { testSecrets } from '../helpers/env.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${error}`);
    return error;
  }
  assert.fail('expected the config to be refused');
}

test('defaults need no set-up', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.databaseUrl, null);
  assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
  assert.equal(config.defaultPlan, 'pro');
  assert.equal(config.trustProxy, false);
  assert.ok(Object.isFrozen(config));
});

test('WOES_DB_POOL_SIZE: 10 by default, a whole number from 1 to 500', () => {
  assert.equal(loadConfig({}).dbPoolSize, 10);
  assert.equal(loadConfig({ WOES_DB_POOL_SIZE: '25' }).dbPoolSize, 25);
  for (const bad of ['0', '501', 'ten', '2.5'])
    assert.equal(configError({ WOES_DB_POOL_SIZE: bad }).variable, 'WOES_DB_POOL_SIZE');
});

test('a bad PORT names the variable', () => {
  assert.equal(configError({ PORT: 'eighty' }).variable, 'PORT');
  assert.equal(configError({ PORT: '70000' }).variable, 'PORT');
});

test('a malformed DATABASE_URL names the variable', () => {
  assert.equal(configError({ DATABASE_URL: 'not a url' }).variable, 'DATABASE_URL');
  assert.equal(configError({ DATABASE_URL: 'mysql://localhost/db' }).variable, 'DATABASE_URL');
});

test('scale-out mode requires the signing and master keys', () => {
  assert.equal(configError({ DATABASE_URL: 'postgres://localhost/db' }).variable, 'WOES_SIGNING_KEY');
  assert.equal(
    configError({ DATABASE_URL: 'postgres://localhost/db', WOES_SIGNING_KEY: testSecrets().WOES_SIGNING_KEY }).variable,
    'WOES_MASTER_KEY',
  );
  assert.equal(configError({ WOES_MASTER_KEY: 'c2hvcnQ=' }).variable, 'WOES_MASTER_KEY');
});

test('WOES_MASTER_KEY_PREVIOUS must be a 32-byte key and comes with WOES_MASTER_KEY', () => {
  const key = Buffer.alloc(32, 1).toString('base64');
  assert.equal(
    configError({ WOES_MASTER_KEY: key, WOES_MASTER_KEY_PREVIOUS: 'c2hvcnQ=' }).variable,
    'WOES_MASTER_KEY_PREVIOUS',
  );
  assert.equal(configError({ WOES_MASTER_KEY_PREVIOUS: key }).variable, 'WOES_MASTER_KEY_PREVIOUS');
  assert.equal(loadConfig({ WOES_MASTER_KEY: key, WOES_MASTER_KEY_PREVIOUS: key }).masterKeyPrevious, key);
});

test('other variables are validated', () => {
  assert.equal(configError({ REDIS_URL: 'http://x' }).variable, 'REDIS_URL');
  assert.equal(configError({ WOES_TRUST_PROXY: 'maybe' }).variable, 'WOES_TRUST_PROXY');
  assert.equal(configError({ LOG_LEVEL: 'loud' }).variable, 'LOG_LEVEL');
  assert.equal(configError({ SMTP_URL: 'ftp://x' }).variable, 'SMTP_URL');
  assert.equal(configError({ WOES_DEFAULT_PLAN: 'gold' }).variable, 'WOES_DEFAULT_PLAN');
  const config = loadConfig({ MICROSOFT_ALLOWED_TENANTS: 'a, b', WOES_TRUST_PROXY: 'true' });
  assert.deepEqual(config.microsoftAllowedTenants, ['a', 'b']);
  assert.equal(config.trustProxy, true);
});

test('WOES_MAIL_FROM: an address or Name <address>; unset keeps the default sender', () => {
  assert.equal(loadConfig({}).mailFrom, null);
  assert.deepEqual(loadConfig({ WOES_MAIL_FROM: 'support@acme.example' }).mailFrom, {
    name: null,
    address: 'support@acme.example',
  });
  assert.deepEqual(loadConfig({ WOES_MAIL_FROM: 'Acme Support <support@acme.example>' }).mailFrom, {
    name: 'Acme Support',
    address: 'support@acme.example',
  });
  assert.deepEqual(loadConfig({ WOES_MAIL_FROM: '"Acme, Inc." <help@mail.acme.example>' }).mailFrom, {
    name: 'Acme, Inc.',
    address: 'help@mail.acme.example',
  });
  assert.deepEqual(loadConfig({ WOES_MAIL_FROM: '<noreply@acme.example>' }).mailFrom, {
    name: null,
    address: 'noreply@acme.example',
  });
  for (const bad of [
    'support',
    'Acme Support',
    'support@',
    '@acme.example',
    'two words@acme.example',
    'Acme <support@acme.example',
    'Acme <support@acme.example> extra',
    'a@b.example, c@d.example',
    'Acme <>',
    'Acme\r\nBcc: victim@example.com <support@acme.example>',
    'A <b> <support@acme.example>',
    'support@-acme.example',
  ]) {
    const error = configError({ WOES_MAIL_FROM: bad });
    assert.equal(error.variable, 'WOES_MAIL_FROM', bad);
    assert.match(error.message, /^WOES_MAIL_FROM: /);
  }
});

test('PostgreSQL and Redis on this machine may be given as Unix sockets', () => {
  const secrets = {
    WOES_SIGNING_KEY: testSecrets().WOES_SIGNING_KEY,
    WOES_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
  };
  for (const url of [
    'postgres://woes@%2Fvar%2Frun%2Fpostgresql/woes',
    'postgresql:///woes?host=/var/run/postgresql&user=woes',
  ]) {
    assert.equal(loadConfig({ DATABASE_URL: url, ...secrets }).databaseUrl, url);
  }
  // Without a host, only a socket directory will do.
  assert.equal(configError({ DATABASE_URL: 'postgresql:///woes', ...secrets }).variable, 'DATABASE_URL');
  assert.equal(configError({ DATABASE_URL: 'postgresql:///woes?host=db', ...secrets }).variable, 'DATABASE_URL');
  // libpq's `user:password@` without a host is no URL: the error names the form that works, not the password.
  const hostless = configError({ DATABASE_URL: 'postgres://woes:s3cret@/woes?host=/var/run/postgresql', ...secrets });
  assert.equal(hostless.variable, 'DATABASE_URL');
  assert.match(hostless.message, /\?host=\/socket\/dir&user=/);
  assert.doesNotMatch(hostless.message, /s3cret/);

  // ioredis takes a socket as its path; the parameters it understands pass through.
  assert.equal(loadConfig({ REDIS_URL: 'unix:///run/redis/redis.sock' }).redisUrl, '/run/redis/redis.sock');
  assert.equal(
    loadConfig({ REDIS_URL: 'unix:///run/redis/redis.sock?db=2&password=s3cret' }).redisUrl,
    '/run/redis/redis.sock?db=2&password=s3cret',
  );
  assert.equal(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl, 'redis://127.0.0.1:6379');
  for (const bad of [
    'unix://host/redis.sock',
    'unix://:pw@/redis.sock',
    'unix:///redis.sock?tls=1',
    'unix:redis.sock',
    'unix:///',
    'unix:///run/a%3Fb/redis.sock',
    'unix:///redis.sock?db=two',
  ]) {
    assert.equal(configError({ REDIS_URL: bad }).variable, 'REDIS_URL', bad);
  }
  // A password written without its parameter name is not repeated in the error.
  assert.doesNotMatch(configError({ REDIS_URL: 'unix:///redis.sock?s3cret' }).message, /s3cret/);
});

test('the CLI stops with a message naming the bad variable', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'migrate'], {
    env: { ...process.env, PORT: 'abc' },
    encoding: 'utf8',
  });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /PORT/);
});
