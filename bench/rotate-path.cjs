/* global module */
// Scenario 4's setupRequest: each request goes to the next of several conversations (the paths
// are in the JSON file named by BENCH_PATHS, written by bench/run.mjs), as many customers writing
// at once would. Fifty connections all posting to one conversation measure that conversation's
// row lock (every message updates its counters), not the cost of adding a message.
// A file, not a closure, because autocannon's worker threads can only load functions by path.
const { readFileSync } = process.getBuiltinModule('node:fs');

const paths = JSON.parse(readFileSync(process.env.BENCH_PATHS, 'utf8'));
let next = Math.floor(Math.random() * paths.length);

module.exports = function setupRequest(request) {
  next = (next + 1) % paths.length;
  return { ...request, path: paths[next] };
};
