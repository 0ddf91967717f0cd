import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import net from 'node:net';
import { ConfigError, loadConfig } from '../../src/config.js';
import {
  checkOutboundUrl,
  OutboundFailed,
  outboundRequest,
  outboundPolicy,
  OutboundRefused,
  type OutboundPolicy,
  type OutboundRequest,
} from '../../src/net/outbound.js';
import { startWarnings } from '../../src/server.js';
import { startLoopbackServer, waitFor, type LoopbackServer } from './loopback-server.js';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from './self-signed.js';

// Refusals happen before any connection, so none of these reaches the internet: "public" answers
// come from the resolve hook and the calls that should pass connect to loopback only.
const PUBLIC_V4 = '93.184.215.14';

let server: LoopbackServer;
before(async () => {
  server = await startLoopbackServer((_req, res) => res.end('reached'));
});
after(() => server.close());

function resolver(...answers: string[][]): { resolve: OutboundPolicy['resolve']; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    resolve: async () => {
      const list = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
  };
}

function send(
  url: string,
  policy: OutboundPolicy,
  extra: Partial<OutboundRequest> = {},
): ReturnType<typeof outboundRequest> {
  return outboundRequest({ url, method: 'GET', timeoutMs: 2000, maxResponseBytes: 1024, policy, ...extra });
}

async function refused(work: Promise<unknown>, reason: OutboundRefused['reason'], label: string): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof OutboundRefused, `${label}: expected OutboundRefused, got ${String(error)}`);
    assert.equal(error.reason, reason, `${label}: ${error.message}`);
    return true;
  });
}

async function refusedBoth(url: string, policy: OutboundPolicy, reason: OutboundRefused['reason']): Promise<void> {
  await refused(checkOutboundUrl(url, policy), reason, `save ${url}`);
  await refused(send(url, policy), reason, `send ${url}`);
}

/** Every blocked range, by a representative address (edges included), in the form a URL host takes. */
const BLOCKED = [
  '0.0.0.0',
  '0.255.255.255',
  '10.0.0.1',
  '10.255.255.255',
  '100.64.0.1',
  '100.127.255.255',
  '100.100.100.200', // Alibaba Cloud metadata
  '127.0.0.1',
  '127.255.255.254',
  '169.254.0.1',
  '169.254.169.254',
  '172.16.0.1',
  '172.31.255.255',
  '192.0.0.8',
  '192.0.0.192', // Oracle Cloud metadata
  '192.0.2.1',
  '192.88.99.1',
  '192.168.1.1',
  '198.18.0.1',
  '198.19.255.255',
  '198.51.100.7',
  '203.0.113.9',
  '224.0.0.1',
  '239.255.255.250',
  '240.0.0.1',
  '255.255.255.255',
  '::',
  '::1',
  'fc00::1',
  'fdff:ffff::1',
  'fe80::1',
  'febf::1',
  'fec0::1', // deprecated site-local
  'feff::1',
  '5f00::1', // SRv6 SIDs
  '3fff::1', // documentation (RFC 9637)
  'ff02::1',
  '100::1',
  '2001:db8::1',
  'fd00:ec2::254',
  '::ffff:127.0.0.1', // mapped
  '::ffff:10.0.0.1',
  '::ffff:169.254.169.254',
  '::ffff:0:127.0.0.1', // translated
  '::127.0.0.1', // compatible
  '::10.0.0.1',
  '64:ff9b::127.0.0.1', // NAT64
  '64:ff9b::a9fe:a9fe',
  '64:ff9b:1::a00:1', // local-use NAT64
  '2002:7f00:1::1', // 6to4 of 127.0.0.1
  '2002:a9fe:a9fe::1',
  '2001:0:4136:e378:8000:63bf:80ff:fffe', // Teredo, client 127.0.0.1 (stored inverted)
  '2001:0:a00:1::1', // Teredo, server 10.0.0.1
];
const hostOf = (address: string): string => (address.includes(':') ? `[${address}]` : address);

describe('refused with allowPrivate false, at save and at send', () => {
  const policy: OutboundPolicy = { allowPrivate: false };

  test('every blocked range as an IP literal', async () => {
    for (const address of BLOCKED) {
      await refusedBoth(`http://${hostOf(address)}:${server.port}/hook`, policy, 'blocked_address');
    }
    assert.equal(server.connections(), 0);
  });

  test('every blocked range as a resolved hostname', async () => {
    for (const address of BLOCKED) {
      const { resolve } = resolver([address]);
      await refusedBoth(
        `https://hooks.example.test:${server.port}/hook`,
        { allowPrivate: false, resolve },
        'blocked_address',
      );
    }
    assert.equal(server.connections(), 0);
  });

  test('decimal, octal and hex IPv4 notations are normalised by WHATWG URL, then refused', async () => {
    for (const host of ['2130706433', '0177.0.0.1', '0x7f.1', '0x7f000001', '127.1', '017700000001']) {
      const url = `http://${host}:${server.port}/`;
      assert.equal(new URL(url).hostname, '127.0.0.1', host);
      await refusedBoth(url, policy, 'blocked_address');
    }
    assert.equal(server.connections(), 0);
  });

  test('[::ffff:127.0.0.1] becomes [::ffff:7f00:1] and is refused; so are [::] and [::1]', async () => {
    const url = `http://[::ffff:127.0.0.1]:${server.port}/`;
    assert.equal(new URL(url).hostname, '[::ffff:7f00:1]');
    await refusedBoth(url, policy, 'blocked_address');
    await refusedBoth(`http://[::]:${server.port}/`, policy, 'blocked_address');
    await refusedBoth(`http://[::1]:${server.port}/`, policy, 'blocked_address');
    await refusedBoth(`http://localhost:${server.port}/`, policy, 'blocked_address');
    assert.equal(server.connections(), 0);
  });

  test('DNS rebinding: public at save, 127.0.0.1 at send → refused, and nothing reaches the server', async () => {
    const dns = resolver([PUBLIC_V4], ['127.0.0.1']);
    const rebinding: OutboundPolicy = { allowPrivate: false, resolve: dns.resolve };
    const url = `http://rebind.example.test:${server.port}/hook`;
    const checked = await checkOutboundUrl(url, rebinding);
    assert.equal(checked.hostname, 'rebind.example.test');
    await refused(send(url, rebinding), 'blocked_address', 'send after rebinding');
    assert.equal(dns.calls(), 2, 'the send resolved again instead of trusting the save');
    assert.equal(server.connections(), 0);
  });

  test('a host resolving to several addresses of which one is private is refused', async () => {
    for (const answers of [
      [PUBLIC_V4, '127.0.0.1'],
      ['127.0.0.1', PUBLIC_V4],
      [PUBLIC_V4, '::1'],
      ['2606:4700::1111', '::ffff:7f00:1'],
    ]) {
      const { resolve } = resolver(answers);
      await refusedBoth(
        `http://multi.example.test:${server.port}/`,
        { allowPrivate: false, resolve },
        'blocked_address',
      );
    }
    assert.equal(server.connections(), 0);
  });

  test('non-http schemes are refused', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/x',
      'gopher://example.com:70/_x',
      'ws://example.com/',
      'data:text/plain,x',
      'javascript:alert(1)',
    ]) {
      await refusedBoth(url, policy, 'scheme');
    }
  });

  test('userinfo and unparsable URLs are refused', async () => {
    for (const url of [`http://user:pass@example.com/`, `http://user@example.com/`, `https://:secret@example.com/`]) {
      await refusedBoth(url, policy, 'invalid_url');
    }
    for (const url of ['not a url', '', 'http://', 'http://exa mple.com/'])
      await refusedBoth(url, policy, 'invalid_url');
  });

  test('a refusal names the URL host, never the internal address DNS answered', async () => {
    const { resolve } = resolver(['10.20.30.40']);
    await assert.rejects(
      checkOutboundUrl('http://intranet.example.test/', { allowPrivate: false, resolve }),
      (error: Error) => {
        assert.match(error.message, /intranet\.example\.test/);
        assert.doesNotMatch(error.message, /10\.20\.30\.40/);
        return true;
      },
    );
  });

  test('a private or loopback refusal says how to allow it for local development; a metadata one does not', async () => {
    const hint = /WOES_ALLOW_PRIVATE_WEBHOOKS=true allows private and loopback targets for local development/;
    const message = async (url: string, p: OutboundPolicy): Promise<string> => {
      const error = await checkOutboundUrl(url, p).then(
        () => assert.fail(`${url} was accepted`),
        (e: unknown) => e,
      );
      assert.ok(error instanceof OutboundRefused && error.reason === 'blocked_address', String(error));
      return error.message;
    };
    for (const url of ['http://127.0.0.1/', 'http://10.0.0.1/', 'http://[::1]/', 'http://[fec0::1]/']) {
      assert.match(await message(url, policy), hint, url);
    }
    const { resolve } = resolver(['192.168.1.1']);
    assert.match(await message('http://intranet.example.test/', { allowPrivate: false, resolve }), hint);
    for (const url of ['http://169.254.169.254/', 'http://100.100.100.200/', 'http://0.0.0.0/', 'http://[5f00::1]/']) {
      for (const allowPrivate of [false, true]) {
        const text = await message(url, { allowPrivate });
        assert.doesNotMatch(text, /WOES_ALLOW_PRIVATE_WEBHOOKS/, url);
        assert.match(text, /never calls/, url);
      }
    }
  });

  test('a failing or empty resolver refuses with dns', async () => {
    const failing: OutboundPolicy = {
      allowPrivate: false,
      resolve: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })),
    };
    await refusedBoth('http://nowhere.example.test/', failing, 'dns');
    await refusedBoth('http://empty.example.test/', { allowPrivate: false, resolve: resolver([]).resolve }, 'dns');
    await refusedBoth(
      'http://garbage.example.test/',
      { allowPrivate: false, resolve: resolver(['127.1']).resolve },
      'blocked_address',
    );
  });

  test('public addresses pass the save-time check (the guard is not refusing everything)', async () => {
    for (const address of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '198.20.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      const url = await checkOutboundUrl(`https://${hostOf(address)}/hook`, policy);
      assert.equal(url.protocol, 'https:');
    }
    const { resolve } = resolver([PUBLIC_V4, '2606:4700::1111']);
    await checkOutboundUrl('https://hooks.example.test/x', { allowPrivate: false, resolve });
  });
});

describe('allowPrivate true still refuses what is never reachable', () => {
  const policy: OutboundPolicy = { allowPrivate: true };

  test('cloud metadata (in every form), unspecified, multicast and broadcast', async () => {
    for (const address of [
      '169.254.169.254',
      'fd00:ec2::254',
      '::ffff:169.254.169.254',
      '64:ff9b::a9fe:a9fe',
      '100.100.100.200',
      '192.0.0.192',
      '::ffff:100.100.100.200',
      '5f00::1',
      '3fff::1',
      '0.0.0.0',
      '::',
      '224.0.0.1',
      'ff02::1',
      '255.255.255.255',
    ]) {
      await refusedBoth(`http://${hostOf(address)}:${server.port}/latest/meta-data/`, policy, 'blocked_address');
      const { resolve } = resolver([address]);
      await refusedBoth(
        `http://metadata.example.test:${server.port}/`,
        { allowPrivate: true, resolve },
        'blocked_address',
      );
    }
    await refusedBoth(`http://0xa9fea9fe:${server.port}/`, policy, 'blocked_address');
    assert.equal(server.connections(), 0);
  });

  test('deprecated site-local fec0::/10 is private: accepted with allowPrivate', async () => {
    const url = await checkOutboundUrl('http://[fec0::1]/hook', policy);
    assert.equal(url.hostname, '[fec0::1]');
    const { resolve } = resolver(['fec0::1']);
    await checkOutboundUrl('http://site-local.example.test/', { allowPrivate: true, resolve });
  });
});

async function failed(work: Promise<unknown>, reasons: OutboundFailed['reason'][], label: string): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof OutboundFailed, `${label}: expected OutboundFailed, got ${String(error)}`);
    assert.ok(reasons.includes(error.reason), `${label}: ${error.reason} (${error.message})`);
    return true;
  });
}

describe('allowPrivate true: real calls to loopback receivers', () => {
  const policy: OutboundPolicy = { allowPrivate: true };

  test('a loopback server is reached, by IP literal, by resolved name and over IPv6', async () => {
    const before = server.requests.length;
    const direct = await send(`http://127.0.0.1:${server.port}/a?b=c`, policy);
    assert.equal(direct.status, 200);
    assert.equal(direct.body.toString(), 'reached');
    assert.equal(direct.truncated, false);
    assert.equal(direct.remoteAddress, '127.0.0.1');
    assert.ok(direct.durationMs >= 0);
    const { resolve } = resolver(['127.0.0.1']);
    const named = await send(`http://receiver.example.test:${server.port}/named`, { allowPrivate: true, resolve });
    assert.equal(named.status, 200);
    const received = server.requests.slice(before);
    assert.deepEqual(
      received.map((r) => r.url),
      ['/a?b=c', '/named'],
    );
    assert.equal(received[1].headers.host, `receiver.example.test:${server.port}`);
    assert.match(received[0].headers['user-agent'] ?? '', /^Woes\/\d+\.\d+\.\d+/);
    if (server.ipv6) {
      const v6 = await send(`http://[::1]:${server.port}/v6`, policy);
      assert.equal(v6.remoteAddress, '::1');
    }
  });

  test('the caller decides the user-agent; a default is set only when none is given', async () => {
    await send(`http://127.0.0.1:${server.port}/ua`, policy, { headers: { 'User-Agent': 'Woes-Webhooks/1.2.3' } });
    assert.equal(server.requests.at(-1)?.headers['user-agent'], 'Woes-Webhooks/1.2.3');
  });

  test('a 302 is returned as-is and not followed', async () => {
    const target = await startLoopbackServer((_req, res) => res.end('followed'));
    const redirecting = await startLoopbackServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/next` }).end();
    });
    try {
      const response = await send(`http://127.0.0.1:${redirecting.port}/start`, policy);
      assert.equal(response.status, 302);
      assert.equal(response.headers.location, `http://127.0.0.1:${target.port}/next`);
      assert.equal(redirecting.requests.length, 1);
      assert.equal(target.connections(), 0);
      assert.equal(target.requests.length, 0);
    } finally {
      await target.close();
      await redirecting.close();
    }
  });

  test('a server that never answers → timeout within the budget, and the socket is closed', async () => {
    const silent = await startLoopbackServer(() => undefined);
    try {
      const started = Date.now();
      await failed(send(`http://127.0.0.1:${silent.port}/`, policy, { timeoutMs: 300 }), ['timeout'], 'silent');
      assert.ok(Date.now() - started < 300 + 1000, `took ${Date.now() - started} ms`);
      await waitFor(() => silent.openSockets() === 0, 2000, 'the silent server socket to close');
    } finally {
      await silent.close();
    }
  });

  test('a resolver that never answers → timeout within the budget (DNS is inside the deadline)', async () => {
    const hanging: OutboundPolicy = { allowPrivate: true, resolve: () => new Promise(() => undefined) };
    const started = Date.now();
    await failed(send('http://slow-dns.example.test/', hanging, { timeoutMs: 300 }), ['timeout'], 'hanging dns');
    assert.ok(Date.now() - started < 300 + 1000, `took ${Date.now() - started} ms`);
  });

  test('a DNS answer arriving after the deadline connects nowhere', async () => {
    let answer: (list: { address: string; family: 4 | 6 }[]) => void = () => undefined;
    const late: OutboundPolicy = { allowPrivate: true, resolve: () => new Promise((resolve) => (answer = resolve)) };
    const connectionsBefore = server.connections();
    await failed(
      send(`http://late-dns.example.test:${server.port}/`, late, { timeoutMs: 100 }),
      ['timeout'],
      'late dns',
    );
    answer([{ address: '127.0.0.1', family: 4 }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(server.connections(), connectionsBefore);
  });

  test('a server that streams forever is capped at maxResponseBytes with truncated: true', async () => {
    const endless = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(4096, 0x61);
      const timer = setInterval(() => res.write(chunk), 1);
      res.on('close', () => clearInterval(timer));
    });
    try {
      const response = await send(`http://127.0.0.1:${endless.port}/`, policy, {
        maxResponseBytes: 10_000,
        timeoutMs: 5000,
      });
      assert.equal(response.truncated, true);
      assert.equal(response.body.length, 10_000);
      assert.ok(response.body.every((byte) => byte === 0x61));
      await waitFor(() => endless.openSockets() === 0, 2000, 'the streaming socket to close');
    } finally {
      await endless.close();
    }
  });

  test('a body exactly at the cap is not truncated', async () => {
    const exact = await startLoopbackServer((_req, res) => res.end(Buffer.alloc(1024, 1)));
    try {
      const response = await send(`http://127.0.0.1:${exact.port}/`, policy);
      assert.equal(response.truncated, false);
      assert.equal(response.body.length, 1024);
    } finally {
      await exact.close();
    }
  });

  test('HEAD works', async () => {
    const head = await startLoopbackServer((_req, res) => res.writeHead(204, { 'x-probe': 'yes' }).end());
    try {
      const response = await send(`http://127.0.0.1:${head.port}/probe`, policy, { method: 'HEAD' });
      assert.equal(response.status, 204);
      assert.equal(response.headers['x-probe'], 'yes');
      assert.equal(response.body.length, 0);
      assert.equal(head.requests[0].method, 'HEAD');
    } finally {
      await head.close();
    }
  });

  test('a POST body arrives byte-exact, with the caller’s headers', async () => {
    const echo = await startLoopbackServer((_req, res, body) => res.writeHead(201).end(body));
    try {
      const binary = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
      const response = await send(`http://127.0.0.1:${echo.port}/in`, policy, {
        method: 'POST',
        body: binary,
        headers: { 'content-type': 'application/octet-stream', 'webhook-id': 'msg_1' },
        maxResponseBytes: 10_000,
      });
      assert.equal(response.status, 201);
      assert.deepEqual(echo.requests[0].body, binary);
      assert.deepEqual(response.body, binary);
      assert.equal(echo.requests[0].headers['content-length'], '3000');
      assert.equal(echo.requests[0].headers['webhook-id'], 'msg_1');
      const text = '{"text":"é ✓ 🚀"}';
      await send(`http://127.0.0.1:${echo.port}/in`, policy, { method: 'POST', body: text });
      assert.equal(echo.requests[1].body.toString('utf8'), text);
    } finally {
      await echo.close();
    }
  });

  test('connect, TLS and protocol failures are values', async () => {
    const closed = await startLoopbackServer(() => undefined);
    const closedPort = closed.port;
    await closed.close();
    await failed(send(`http://127.0.0.1:${closedPort}/`, policy), ['connect'], 'closed port');
    // TLS spoken to a plain HTTP server.
    await failed(send(`https://127.0.0.1:${server.port}/`, policy), ['tls'], 'tls to plain http');
    const untrusted = https.createServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_req, res) =>
      res.end('trusted?'),
    );
    await new Promise<void>((resolve) => untrusted.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = untrusted.address() as net.AddressInfo;
      // Certificates are verified: a self-signed receiver is a TLS failure, not a response.
      await failed(send(`https://127.0.0.1:${port}/`, policy), ['tls'], 'self-signed certificate');
      const { resolve } = resolver(['127.0.0.1']);
      await failed(send(`https://localhost:${port}/`, { allowPrivate: true, resolve }), ['tls'], 'self-signed by name');
    } finally {
      untrusted.closeAllConnections();
      await new Promise((resolve) => untrusted.close(resolve));
    }
    // resume(): the request is read, so the client's close is seen and the server can close.
    const garbage = net.createServer((socket) => socket.resume().end('SMTP ready, not HTTP\r\n\r\n'));
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = garbage.address() as net.AddressInfo;
      await failed(send(`http://127.0.0.1:${port}/`, policy), ['protocol'], 'not HTTP');
    } finally {
      await new Promise((resolve) => garbage.close(resolve));
    }
    const cut = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('only ten..');
      setTimeout(() => res.destroy(), 20);
    });
    try {
      await failed(send(`http://127.0.0.1:${cut.port}/`, policy), ['protocol'], 'cut body');
    } finally {
      await cut.close();
    }
  });

  test('a TEST-NET address with a short budget fails as a value, never a hang', async () => {
    const started = Date.now();
    await failed(send('http://192.0.2.1:9/', policy, { timeoutMs: 300 }), ['timeout', 'connect'], 'TEST-NET');
    assert.ok(Date.now() - started < 300 + 1000, `took ${Date.now() - started} ms`);
  });
});

test('WOES_ALLOW_PRIVATE_WEBHOOKS: off by default, true/false only, and it is what outboundPolicy reads', () => {
  assert.equal(loadConfig({}).allowPrivateWebhooks, false);
  assert.deepEqual(outboundPolicy(loadConfig({})), { allowPrivate: false });
  assert.deepEqual(outboundPolicy(loadConfig({ WOES_ALLOW_PRIVATE_WEBHOOKS: 'true' })), { allowPrivate: true });
  assert.throws(
    () => loadConfig({ WOES_ALLOW_PRIVATE_WEBHOOKS: 'sometimes' }),
    (error: unknown) => error instanceof ConfigError && error.variable === 'WOES_ALLOW_PRIVATE_WEBHOOKS',
  );
});

test('WOES_ALLOW_PRIVATE_WEBHOOKS=true is one warn line at start', () => {
  assert.deepEqual(startWarnings(loadConfig({})), []);
  const warnings = startWarnings(loadConfig({ WOES_ALLOW_PRIVATE_WEBHOOKS: 'true' }));
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^WOES_ALLOW_PRIVATE_WEBHOOKS=true: .*private and loopback addresses/);
  assert.ok(!warnings[0].includes('\n'));
});
