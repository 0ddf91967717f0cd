/* global module */
// Scenario 6's setupRequest: every request carries a different well-formed key that no server
// knows. A file, not a closure, because autocannon's worker threads (BENCH_WORKERS) can only
// load their functions by path. The keys come from the JSON file named by BENCH_UNKNOWN_KEYS,
// which bench/run.mjs writes before the run; each thread starts at a random offset.
const { readFileSync } = process.getBuiltinModule('node:fs');

const keys = JSON.parse(readFileSync(process.env.BENCH_UNKNOWN_KEYS, 'utf8'));
let next = Math.floor(Math.random() * keys.length);

module.exports = function setupRequest(request) {
  next = (next + 1) % keys.length;
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${keys[next]}` } };
};
