import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { VERSION } from '../version.js';
import {
  assertAllowedAddress,
  literalAddress,
  OutboundFailed,
  OutboundRefused,
  parseOutboundUrl,
  resolveAllowed,
  type OutboundPolicy,
} from './outbound-policy.js';

/**
 * Every call Woes makes to a URL a tenant chose (webhook deliveries, API test runs) goes through
 * here: http/https only, every resolved address checked and only a checked one connected to (DNS
 * rebinding cannot pass), no redirects, one total deadline, a capped body.
 */
export {
  checkOutboundUrl,
  outboundPolicy,
  OutboundFailed,
  OutboundRefused,
  type OutboundFailedReason,
  type OutboundPolicy,
  type OutboundRefusedReason,
} from './outbound-policy.js';

export interface OutboundRequest {
  url: string;
  method: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** TOTAL time budget (DNS + connect + TLS + headers + body); webhooks pass 15_000, API tests 10_000. */
  timeoutMs: number;
  /** The body read is capped; beyond it the read stops and `truncated` is true. */
  maxResponseBytes: number;
  policy: OutboundPolicy;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
  durationMs: number;
  remoteAddress: string;
}

/** Used when the caller names no user-agent of its own. */
export const DEFAULT_USER_AGENT = `Woes/${VERSION}`;

/**
 * Resolves through the policy's resolver and hands the socket only addresses that passed the
 * check, so the checked address is the connected address.
 */
function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return function outboundLookup(hostname, options, callback) {
    resolveAllowed(hostname, policy).then(
      (answers) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : null;
        const usable = wanted === null ? answers : answers.filter((a) => a.family === wanted);
        if (usable.length === 0) {
          callback(new OutboundRefused('dns', `the host ${hostname} has no usable address`), '');
        } else if (options.all) {
          callback(null, usable);
        } else {
          callback(null, usable[0].address, usable[0].family);
        }
      },
      (error: Error) => callback(error, ''),
    );
  };
}

const TLS_CODE = /^(EPROTO$|ERR_SSL_|ERR_TLS_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/** Node's errors as the guard's values; only the error code is kept (messages can carry addresses and paths). */
function asOutboundError(error: unknown): OutboundRefused | OutboundFailed {
  if (error instanceof OutboundRefused || error instanceof OutboundFailed) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown';
  if (code.startsWith('HPE_')) return new OutboundFailed('protocol', `the answer is not valid HTTP (${code})`);
  if (TLS_CODE.test(code)) return new OutboundFailed('tls', `the TLS connection failed (${code})`);
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN') {
    return new OutboundFailed('protocol', `the request has an invalid header (${code})`);
  }
  return new OutboundFailed('connect', `the connection failed (${code})`);
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function requestHeaders(request: OutboundRequest): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers };
  const names = Object.keys(headers).map((name) => name.toLowerCase());
  if (!names.includes('user-agent')) headers['user-agent'] = DEFAULT_USER_AGENT;
  if (request.body !== undefined && !names.includes('content-length')) {
    headers['content-length'] = String(Buffer.byteLength(request.body));
  }
  return headers;
}

/** Sends once. Never follows redirects (a 3xx is returned as a response). Throws OutboundRefused / OutboundFailed. */
export async function outboundRequest(request: OutboundRequest): Promise<OutboundResponse> {
  const started = performance.now();
  const url = parseOutboundUrl(request.url);
  const { policy } = request;
  const cap = Math.max(0, Math.floor(request.maxResponseBytes));
  // Node skips `lookup` for an IP literal, so the literal is checked here.
  const literal = literalAddress(url);
  if (literal !== null) assertAllowedAddress(literal, policy, `the address ${literal}`);

  return new Promise<OutboundResponse>((resolve, reject) => {
    let settled = false;
    let remoteAddress = '';
    let req: http.ClientRequest | null = null;
    const settle = (outcome: { error: Error } | { response: OutboundResponse }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Destroys the socket too: nothing more is read after a cap, a timeout or a refusal.
      req?.destroy();
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.response);
    };
    const fail = (error: unknown): void => settle({ error: asOutboundError(error) });
    // One deadline for everything: DNS, connect, TLS, headers and body.
    const timer = setTimeout(
      () => fail(new OutboundFailed('timeout', `no complete answer within ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );

    // A second line behind the lookup: the peer the socket actually reached must pass too.
    const verifyPeer = (socket: Socket): void => {
      const peer = socket.remoteAddress ?? '';
      try {
        assertAllowedAddress(peer, policy, `the peer of ${url.hostname}`);
        remoteAddress = peer;
      } catch (error) {
        fail(error);
      }
    };

    try {
      req = (url.protocol === 'https:' ? https : http).request({
        protocol: url.protocol,
        hostname: literal ?? url.hostname,
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: requestHeaders(request),
        // A fresh agent per call: no pooled socket is shared across policies or targets.
        agent: false,
        lookup: guardedLookup(policy),
      });
    } catch (error) {
      fail(error);
      return;
    }

    req.on('socket', (socket: Socket) => {
      if (socket.connecting) socket.once('connect', () => verifyPeer(socket));
      else verifyPeer(socket);
    });
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (truncated: boolean): void =>
        settle({
          response: {
            status: res.statusCode ?? 0,
            headers: flatHeaders(res.headers),
            body: Buffer.concat(chunks, size),
            truncated,
            durationMs: Math.round(performance.now() - started),
            remoteAddress,
          },
        });
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        const room = cap - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          size += room;
          finish(true);
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => finish(false));
      res.on('error', () =>
        fail(new OutboundFailed('protocol', 'the connection closed before the response was complete')),
      );
      res.on('close', () => {
        if (!res.complete)
          fail(new OutboundFailed('protocol', 'the connection closed before the response was complete'));
      });
    });
    req.end(request.body);
  });
}
