import { Document } from 'yaml';

/** Where a configuration entry came from: a typed prop or `flinkConfiguration` (both explicit), or us. */
export interface Origin {
  /** the prop as the user wrote it, e.g. `jobManager.cpu` or `flinkConfiguration['rest.port']` */
  readonly prop?: string;
  /** explicit (the user set it) or a default (distribution default or derived by the client's rules) */
  readonly explicit: boolean;
}

export interface ConfigEntry {
  readonly key: string;
  readonly value: string;
  readonly origin: Origin;
}

export const DEFAULT: Origin = { explicit: false };

/**
 * The effective Flink configuration: key → string value, with provenance, as Flink's `Configuration`
 * holds `-D` options. Flink's pod-template precedence (explicit option > template > default) needs the
 * provenance, and error messages need the prop the user wrote.
 */
export class FlinkConfig {
  private readonly entries = new Map<string, ConfigEntry>();
  /** `sorted()`, until the next change */
  private sortedCache?: ConfigEntry[];

  public get(key: string): string | undefined {
    return this.entries.get(key)?.value;
  }

  public entry(key: string): ConfigEntry | undefined {
    return this.entries.get(key);
  }

  public has(key: string): boolean {
    return this.entries.has(key);
  }

  public isExplicit(key: string): boolean {
    return this.entries.get(key)?.origin.explicit ?? false;
  }

  /** Sets a value; an explicit value set twice is an error naming both places. */
  public set(key: string, value: string, origin: Origin = DEFAULT): void {
    const existing = this.entries.get(key);
    if (existing?.origin.explicit && origin.explicit) {
      throw new Error(`${origin.prop} sets the Flink option '${key}', which ${existing.origin.prop} already sets; set it in one place only`);
    }
    this.entries.set(key, { key, value, origin });
    this.sortedCache = undefined;
  }

  /** Replaces a value the way Flink's client rewrites it (e.g. fixing port 0), keeping its provenance. */
  public put(key: string, value: string): void {
    this.entries.set(key, { key, value, origin: this.entries.get(key)?.origin ?? DEFAULT });
    this.sortedCache = undefined;
  }

  /** Sets a default: kept only if nothing set the key yet. */
  public setDefault(key: string, value: string): void {
    if (!this.entries.has(key)) this.entries.set(key, { key, value, origin: DEFAULT });
    this.sortedCache = undefined;
  }

  public delete(key: string): void {
    this.entries.delete(key);
    this.sortedCache = undefined;
  }

  /** Entries whose key starts with `prefix`, sorted by key. */
  public withPrefix(prefix: string): ConfigEntry[] {
    return this.sorted().filter(e => e.key.startsWith(prefix));
  }

  /** All entries, sorted by key, so the shipped file is deterministic. */
  public sorted(): ConfigEntry[] {
    this.sortedCache ??= [...this.entries.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return this.sortedCache;
  }
}

function describe(entry: ConfigEntry): string {
  return where(entry, entry.key);
}

/**
 * Writes `flink-conf.yaml` as flat `key: value` lines for Flink's legacy line parser
 * (`C/GlobalConfiguration.loadYAMLResource` ≤1.20: split on the first `": "`, everything after `#` dropped,
 * both sides trimmed, empty keys or values ignored). What that parser would mangle is an error.
 */
export function writeFlinkConfYaml(config: FlinkConfig): string {
  return config.sorted().map(entry => {
    const { key, value } = entry;
    const bad = (what: string, fix: string) => new Error(`${describe(entry)}: ${what}, which flink-conf.yaml cannot carry (Flink's line parser would change it); got '${value}'; ${fix}`);
    const elsewhere = 'pass it another way (e.g. an environment variable or a mounted file), or use Flink 2.x, whose config.yaml carries it';
    if (/[#\n\r]/.test(key) || key.includes(': ') || key.trim() !== key || key === '') {
      throw new Error(`${describe(entry)}: the key '${key}' contains '#', ': ', a line break or surrounding spaces, which flink-conf.yaml cannot carry; remove it, or write the option's real key`);
    }
    if (value.includes('#')) throw bad('the value contains \'#\' (a comment starts there)', elsewhere);
    if (/[\n\r]/.test(value)) throw bad('the value contains a line break', elsewhere);
    if (value.trim() === '') throw bad('the value is empty (the line would be ignored)', 'give the option a value, or remove it for its default');
    if (value.trim() !== value) throw bad('the value has leading or trailing spaces (they would be trimmed)', 'remove the surrounding spaces');
    return `${key}: ${value}\n`;
  }).join('');
}

/**
 * Writes `config.yaml` (Flink 2.x) with flat dotted keys and string scalars, as a `-D` option is held.
 * A key that is a prefix of another (`a` and `a.b`) is an error: Flink's own nested dump of such a
 * configuration throws or drops entries (reference §2.1, FLINK-37236).
 */
export function writeConfigYaml(config: FlinkConfig): string {
  const entries = config.sorted();
  for (const longer of entries) {
    for (let dot = longer.key.indexOf('.'); dot !== -1; dot = longer.key.indexOf('.', dot + 1)) {
      const entry = config.entry(longer.key.substring(0, dot));
      if (entry) {
        throw new Error(`${describe(longer)} and ${describe(entry)}: the key '${entry.key}' is a prefix of '${longer.key}', which config.yaml cannot hold (Flink 2.x nests keys on '.'); use the non-deprecated key instead of '${entry.key}'`);
      }
    }
  }
  if (entries.some(e => /[\n\r]/.test(e.value) || /[\n\r]/.test(e.key))) {
    return new Document(Object.fromEntries(entries.map(e => [e.key, e.value]))).toString(YAML_OPTIONS);
  }
  // one line per entry, each scalar as the yaml library quotes it; the same values recur across clusters
  return entries.map(e => `${yamlScalar(e.key)}: ${yamlScalar(e.value)}\n`).join('');
}

const YAML_OPTIONS = { singleQuote: true, lineWidth: 0 };
const scalars = new Map<string, string>();

/** A single-line string as a YAML scalar, quoted only where YAML would read it otherwise. */
function yamlScalar(value: string): string {
  let text = scalars.get(value);
  if (text === undefined) {
    text = new Document(value).toString(YAML_OPTIONS).trimEnd();
    scalars.set(value, text);
  }
  return text;
}

/** The origin of a value the user set through `prop`. */
export function explicit(prop: string): Origin {
  return { prop, explicit: true };
}

/** How to name an entry in a message: the prop that set it, else the Flink option. */
export function where(entry: ConfigEntry | undefined, key: string): string {
  return entry?.origin.prop ?? `the Flink option '${key}'`;
}
