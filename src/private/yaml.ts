import { stringify } from 'yaml';

/**
 * Options of every YAML document the library writes from JSON: keys sorted (a template from a file and the
 * same template from typed props give the same text) and no folding of long lines.
 */
const OPTIONS = { sortMapEntries: true, lineWidth: 0 } as const;

/** Thrown inside the fast writer for what it leaves to the `yaml` library (multi-line strings, long keys, …). */
class NotPlain extends Error {}

/**
 * JSON as block YAML: byte for byte what `yaml`'s `stringify(json, OPTIONS)` writes (test/private/yaml.test.ts
 * compares them on random documents), but written directly, with each scalar quoted once per process — pod
 * templates repeat the same keys and values across clusters, and building the `yaml` library's node tree
 * for every template was a quarter of a cluster's construction time (`npm run bench:profile`).
 */
export function sortedYaml(json: Record<string, unknown>): string {
  try {
    return Object.keys(json).length === 0 ? stringify(json, OPTIONS) : mapText(json, '');
  } catch (e) {
    if (e instanceof NotPlain) return stringify(json, OPTIONS);
    throw e;
  }
}

/** A non-empty map; its first line is written after the parent's prefix, the others at `indent`. */
function mapText(map: Record<string, unknown>, indent: string): string {
  let text = '';
  for (const key of Object.keys(map).sort()) {
    const value = map[key];
    if (value === undefined) continue; // as `yaml` drops them
    text += (text === '' ? '' : indent) + keyText(key) + pairValue(value, indent);
  }
  return text;
}

function pairValue(value: unknown, indent: string): string {
  if (!isCollection(value) || isEmpty(value)) return `: ${scalarText(value)}\n`;
  const inner = `${indent}  `;
  return `:\n${inner}${collectionText(value, inner)}`;
}

/** A non-empty sequence; items as `- item`, the first after the parent's prefix. */
function seqText(seq: unknown[], indent: string): string {
  let text = '';
  for (const item of seq) {
    if (item === undefined) throw new NotPlain();
    const inner = `${indent}  `;
    const body = !isCollection(item) || isEmpty(item) ? `${scalarText(item)}\n` : collectionText(item, inner);
    text += (text === '' ? '' : indent) + '- ' + body;
  }
  return text;
}

function collectionText(value: object, indent: string): string {
  return Array.isArray(value) ? seqText(value, indent) : mapText(value as Record<string, unknown>, indent);
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.values(value).every(v => v === undefined);
}

const keys = new Map<string, string>();
const scalars = new Map<string, string>();

function keyText(key: string): string {
  let text = keys.get(key);
  if (text === undefined) {
    checkPlain(key);
    const doc = stringify({ [key]: 0 }, OPTIONS);
    if (!doc.endsWith(': 0\n') || doc.startsWith('? ')) throw new NotPlain();
    text = doc.slice(0, -4);
    keys.set(key, text);
  }
  return text;
}

/** A scalar (or `{}` / `[]`) as the value of a pair or an item of a sequence: the same text in both places. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') checkPlain(value);
  const cacheKey = typeof value === 'string' ? `s${value}` : JSON.stringify(value);
  let text = scalars.get(cacheKey);
  if (text === undefined) {
    const doc = stringify({ k: value }, OPTIONS);
    text = doc.slice('k: '.length, -1);
    if (!doc.startsWith('k: ') || text.includes('\n')) throw new NotPlain();
    scalars.set(cacheKey, text);
  }
  return text;
}

/** Multi-line strings and document markers are written depending on their indentation: left to the library. */
function checkPlain(value: string): void {
  if (value.includes('\n') || value.includes('\r') || /^(%|---|\.\.\.)/.test(value)) throw new NotPlain();
}
