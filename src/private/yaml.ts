import { DocumentOptions, parse, parseDocument, ScalarTag, SchemaOptions, stringify, ToStringOptions, visit } from 'yaml';

/**
 * YAML 1.1 reads a plain `<<` key as a merge key, which the `yaml` library's YAML 1.1 schema writes plain for
 * the string `<<`; as a tag that never identifies a value but matches `<<`, the string is written quoted.
 */
const MERGE_KEY_AS_STRING: ScalarTag = {
  tag: 'tag:cdk8s-flink,2026:merge-key-as-string',
  default: true,
  test: /^<<$/,
  identify: () => false,
  resolve: (str: string) => str,
};

/**
 * Options of every YAML document the library writes from JSON: keys sorted (a template from a file and the
 * same template from typed props give the same text), no folding of long lines, and strings quoted wherever
 * YAML 1.1 or YAML 1.2 would read them as something else, so that every Flink version reads the same values:
 * Flink 1.16 and 1.17 load a pod template with fabric8 5.12 (`Serialization.unmarshal` through Jackson's
 * `YAML_MAPPER` into a JSON tree, `KubernetesDeserializer`), whose SnakeYAML resolver follows YAML 1.1 —
 * `on`, `yes`, `no` become booleans, `010` is 8, `1_000` and `1:30` (sexagesimal) are numbers — and the
 * tree's value is what a string field then gets (`"true"`, `"8"`). The `yaml` library's YAML 1.1 schema
 * quotes those; the YAML 1.2 core tags added to it quote what only 1.2 reads otherwise (`0o17`).
 */
export const YAML_OPTIONS: DocumentOptions & SchemaOptions & ToStringOptions = {
  sortMapEntries: true,
  lineWidth: 0,
  version: '1.1',
  customTags: tags => [
    ...tags.filter(t => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:merge'),
    MERGE_KEY_AS_STRING,
    'bool', 'null', 'int', 'intHex', 'intOct', 'float', 'floatExp', 'floatNaN',
  ],
};
const OPTIONS = YAML_OPTIONS;

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

/** A scalar's value as a message names it. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string '${value}'`;
  if (value === null) return 'null';
  return `the ${typeof value} ${String(value)}`;
}

/**
 * Fails on a plain scalar of a YAML file that YAML 1.1 and YAML 1.2 read differently (`yes`, `on`, `010`,
 * `1_000`, `1:30`): Flink 1.16 and 1.17 read pod templates as YAML 1.1 (fabric8 5.12: Jackson over SnakeYAML's
 * resolver, see `OPTIONS`), this library and the Kubernetes schemas as YAML 1.2, so the JobManager we render
 * and the TaskManagers Flink creates from the shipped file would differ. The single letters `y`/`n` are
 * YAML 1.1 booleans that SnakeYAML's resolver leaves strings (`Resolver.BOOL`), and Jackson reads timestamps
 * as strings: neither differs for Flink.
 */
export function checkYamlVersionsAgree(text: string, where: string): void {
  visit(parseDocument(text), {
    Scalar(_key, node) {
      if (node.type !== 'PLAIN' || typeof node.source !== 'string' || /^[yYnN]$/.test(node.source)) return;
      const yaml11 = parse(node.source, { version: '1.1' });
      if (yaml11 instanceof Date || Object.is(yaml11, node.value) || (yaml11 === null && node.value === null)) return;
      const line = text.substring(0, node.range?.[0] ?? 0).split('\n').length;
      throw new Error(`${where}: line ${line} has the plain scalar ${node.source}, which YAML 1.1 reads as ${describeValue(yaml11)} and YAML 1.2 as ${describeValue(node.value)}; Flink 1.16 and 1.17 read pod templates as YAML 1.1 (fabric8 5.12), this library as YAML 1.2, so the JobManager and the TaskManagers would differ: quote it ('${node.source}'), or write the value you mean`);
    },
  });
}
