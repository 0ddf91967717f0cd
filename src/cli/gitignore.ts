import fs from 'node:fs';
import path from 'node:path';

/** One .gitignore line, compiled: matched against the path relative to its file's folder. */
interface Rule {
  readonly base: string;
  readonly regex: RegExp;
  readonly negate: boolean;
  readonly dirOnly: boolean;
}

/** Glob → regex per gitignore(5): `*` and `?` stay inside one segment, `**` crosses them. */
function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) out += '\\' + glob[++i];
    else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return out;
}

function parseLine(base: string, raw: string): Rule | null {
  let line = raw.replace(/(?<!\\)\s+$/, '');
  if (line === '' || line.startsWith('#')) return null;
  const negate = line.startsWith('!');
  if (negate) line = line.slice(1);
  const dirOnly = line.endsWith('/');
  if (dirOnly) line = line.slice(0, -1);
  // A slash anywhere but the end anchors the pattern to the .gitignore's folder.
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  const body = globToRegex(line);
  return { base, negate, dirOnly, regex: new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`) };
}

function ignored(rules: readonly Rule[], full: string, isDir: boolean): boolean {
  let result = false;
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue;
    const rel = path.relative(rule.base, full).split(path.sep).join('/');
    if (rel.startsWith('..')) continue;
    // The last matching line wins, so a later `!keep.env` re-includes a file.
    if (rule.regex.test(rel)) result = !rule.negate;
  }
  return result;
}

function readRules(dir: string): Rule[] {
  const file = path.join(dir, '.gitignore');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => parseLine(dir, line))
    .filter((r): r is Rule => r !== null);
}

/**
 * Every file under `root` that git would not ignore: each folder's .gitignore applies below it,
 * an ignored folder is not entered, and `.git` is always skipped. A file given directly is kept.
 */
export function* walkFiles(root: string): Generator<string> {
  const stat = fs.statSync(root);
  if (!stat.isDirectory()) {
    yield root;
    return;
  }
  yield* walk(root, []);
}

function* walk(dir: string, inherited: readonly Rule[]): Generator<string> {
  const rules = [...inherited, ...readRules(dir)];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name === '.git') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!ignored(rules, full, true)) yield* walk(full, rules);
    } else if (entry.isFile() && !ignored(rules, full, false)) {
      yield full;
    }
  }
}
