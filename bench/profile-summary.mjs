// Summarises a V8 .cpuprofile: self time per function (top N) and per package, so
// RESULTS.md can say what bounds a scenario. Usage: node bench/profile-summary.mjs FILE [N]
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byPackage = new Map();
for (const [id, time] of self) {
  const { callFrame } = byId.get(id);
  const where = callFrame.url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, 'nm:')
    .replace(/.*\/(dist|src)\//, '$1/');
  const key = `${callFrame.functionName || '(anonymous)'}  ${where}:${callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + time);
  const pkg = where.startsWith('nm:')
    ? where
        .slice(3)
        .split('/')
        .slice(0, where.includes('@') ? 2 : 1)
        .join('/')
    : where.startsWith('dist/')
      ? 'woes'
      : where === ''
        ? callFrame.functionName || '(vm)'
        : 'node:' + where.split('/')[0];
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
}
const pct = (t) => ((100 * t) / total).toFixed(1).padStart(5) + '%';
console.log('by package:');
for (const [k, t] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(pct(t), k);
console.log('\nby function:');
for (const [k, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(pct(t), k);
