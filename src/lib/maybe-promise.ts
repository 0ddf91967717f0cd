/**
 * A value now, or later. The request hot path (credential cache hit, in-memory rate limit) has
 * nothing to wait for; written with `await`, every step would still cost a promise and a trip
 * through the microtask queue. Steps that may or may not do I/O return a MaybePromise and are
 * chained with `andThen`, so the warm path runs straight through and only a real wait is async.
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return value instanceof Promise;
}

/** `next(value)` now when the value is here, after it resolves otherwise. */
export function andThen<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Both values, waiting only when one of them is a promise. */
export function both<A, B>(a: MaybePromise<A>, b: MaybePromise<B>): MaybePromise<[A, B]> {
  if (a instanceof Promise || b instanceof Promise) return Promise.all([a, b]);
  return [a, b];
}
