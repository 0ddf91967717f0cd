import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import { sendError } from './error-handler.js';
import { logRequestCompleted } from './logger.js';

/**
 * Errors Fastify raises before routing (a badly %-encoded URL, a path parameter over the length
 * limit). Fastify's own body echoes the whole URL, a key in the query string included; this one
 * is the SPEC §4 body, carries the correlation id and is logged like any request.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  reply.header('x-correlation-id', request.id);
  reply.header('cache-control', 'no-store');
  // Logged here: a request refused before routing reaches none of the app's hooks.
  reply.raw.once('finish', () => logRequestCompleted(request, reply.statusCode, reply.elapsedTime));
  const refusal =
    error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('invalid_request', 'The URL is not valid.', {
          details: [{ path: '/url', message: 'is not a valid URL' }],
        })
      : new AppError('internal_error', 'The request could not be completed.');
  sendError(request, reply, refusal);
};

/**
 * Requests Node's HTTP parser refuses (malformed headers, headers over the size limit, a
 * request timeout) never reach Fastify: answer the SPEC §4 body rather than Fastify's bare one.
 */
export function clientErrorHandler(logger: Logger): (error: NodeJS.ErrnoException, socket: Socket) => void {
  return function handleClientError(error, socket) {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const requestId = `req_${randomUUID().replace(/-/g, '')}`;
    const message =
      status === 408
        ? 'The request took too long to arrive.'
        : status === 431
          ? 'The request headers are too large.'
          : 'The request is not valid HTTP.';
    const body = JSON.stringify({ code: 'invalid_request', error: message, requestId, details: [] });
    logger.info({ requestId, statusCode: status, err: { code: error.code } }, 'request refused by the HTTP parser');
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\nx-correlation-id: ${requestId}\r\ncache-control: no-store\r\n` +
          `connection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  };
}

// nginx's lingering close: keep reading for at most this long in all, and this long between reads.
const LINGER_TOTAL_MS = 30_000;
const LINGER_IDLE_MS = 5_000;

/**
 * After a 413 the client may still be sending its body. Closing the socket with unread bytes
 * makes the kernel send a reset, and a client that writes its whole body before reading then
 * loses the 413 it was sent. So the connection stays open (no `connection: close`) while the
 * rest of the body is read and thrown away, for a bounded time; the HTTP parser keeps the framing.
 */
export function discardRestOfBody(request: FastifyRequest, reply: FastifyReply): void {
  reply.removeHeader('connection');
  const raw: IncomingMessage = request.raw;
  if (raw.complete || raw.destroyed) return;
  const socket = raw.socket;
  const giveUp = (): void => {
    socket?.destroy();
  };
  const total = setTimeout(giveUp, LINGER_TOTAL_MS);
  let idle = setTimeout(giveUp, LINGER_IDLE_MS);
  total.unref();
  idle.unref();
  const done = (): void => {
    clearTimeout(total);
    clearTimeout(idle);
  };
  raw.on('data', function discard() {
    clearTimeout(idle);
    idle = setTimeout(giveUp, LINGER_IDLE_MS);
    idle.unref();
  });
  raw.once('end', done);
  raw.once('close', done);
  raw.resume();
}
