import { FlinkConfig, where } from './config';
import { parseList, parseListOfMaps, parseMap } from './encoding';
import { keyOf, OptionSpec } from './options';
import { FlinkVersion } from '../flink-version';

/** `Integer.MAX_VALUE`: Flink's int options, and Kubernetes' int32 counts (replicas), hold no more. */
export const JAVA_INT_MAX = 2147483647;

/** Reads typed values out of the configuration; parse errors name the prop that set the value. */
export class Reader {
  private readonly standardYaml: boolean;
  constructor(private readonly config: FlinkConfig, public readonly version: FlinkVersion) {
    // 1.x pods read the flink-conf.yaml we ship with the legacy parser, which never reads YAML
    // collections; 2.x reads config.yaml as standard YAML (ConfigurationUtils.convertToProperties/convertToList)
    this.standardYaml = version.major >= 2;
  }

  key(option: OptionSpec): string {
    return keyOf(option, this.version.ordinal);
  }

  string(option: OptionSpec): string | undefined {
    return this.config.get(this.key(option));
  }

  /** the prop that set the option, if any */
  entryProp(option: OptionSpec): string | undefined {
    return this.config.entry(this.key(option))?.origin.prop;
  }

  /** the prop that set the option explicitly, if the user did */
  explicitProp(option: OptionSpec): string | undefined {
    const entry = this.config.entry(this.key(option));
    return entry?.origin.explicit ? entry.origin.prop : undefined;
  }

  fail(option: OptionSpec | string, message: string): never {
    const key = typeof option === 'string' ? option : this.key(option);
    const entry = this.config.entry(key);
    throw new Error(`${where(entry, key)} is '${entry?.value}': ${message}`);
  }

  number(option: OptionSpec, fallback: number): number {
    const raw = this.string(option);
    if (raw === undefined) return fallback;
    const value = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(value)) this.fail(option, 'expected a number');
    return value;
  }

  integer(option: OptionSpec, fallback: number): number {
    const value = this.number(option, fallback);
    if (!Number.isInteger(value)) this.fail(option, 'expected a whole number');
    // Flink reads these options as Java ints ("Could not parse value … for key …" above Integer.MAX_VALUE)
    if (Math.abs(value) > JAVA_INT_MAX) this.fail(option, `expected a whole number of at most ${JAVA_INT_MAX} (Flink reads it as a Java int)`);
    return value;
  }

  boolean(option: OptionSpec, fallback: boolean): boolean {
    const raw = this.string(option)?.trim().toLowerCase();
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') this.fail(option, 'expected true or false');
    return raw === 'true';
  }

  /**
   * A fixed port (`KubernetesUtils.parsePort`). Where Flink's client replaces `0` by a port of its own
   * (`KubernetesUtils.checkAndUpdatePortConfigOption`), `replacedZero` names that port: a value Flink would
   * silently overwrite is an error.
   */
  port(option: OptionSpec, fallback: number, replacedZero?: number): number {
    const raw = this.string(option)?.trim();
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) this.fail(option, 'Flink on Kubernetes needs a fixed port, not a range or list (KubernetesUtils.parsePort); set a single port number');
    const value = Number(raw);
    if (value === 0 && replacedZero !== undefined) {
      this.fail(option, `Flink's client replaces port 0 by ${replacedZero} ("Kubernetes deployment requires a fixed port", KubernetesUtils.checkAndUpdatePortConfigOption); set ${replacedZero}, or remove the option`);
    }
    if (value < 1 || value > 65535) this.fail(option, 'expected a port from 1 to 65535');
    return value;
  }

  /**
   * One fixed port from 1 to 65535, where a Service, probe or policy must name it: `problem` explains why 0, a
   * list or a range (which Flink reads as a port to pick at random) does not do. Undefined when unset.
   */
  fixedPort(option: OptionSpec, problem: string): number | undefined {
    const raw = this.string(option)?.trim();
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > 65535) this.fail(option, problem);
    return value;
  }

  /** 1.x: a YAML collection would reach the pods as a literal string; ask for Flink's own format. */
  private checkLegacyFormat(option: OptionSpec, raw: string, format: string): void {
    if (!this.standardYaml && /^\s*[[{]/.test(raw)) {
      this.fail(option, `Flink ${this.version.minorVersion} reads flink-conf.yaml with its legacy parser, which does not read YAML lists or maps; write ${format}`);
    }
  }

  /** A structured option in Flink's string encoding (or, on 2.x, YAML); parse errors name the prop. */
  private structured<T>(option: OptionSpec, raw: string, what: string, format: string, parse: (raw: string, standardYaml: boolean) => T): T {
    this.checkLegacyFormat(option, raw, `'${format}'`);
    try {
      return parse(raw, this.standardYaml);
    } catch (e) {
      return this.fail(option, `${(e as Error).message}; expected Flink's ${what} '${format}'`);
    }
  }

  map(option: OptionSpec): Record<string, string> {
    const key = this.key(option);
    const raw = this.config.get(key);
    if (raw !== undefined) return this.structured(option, raw, 'map format', 'k1:v1,k2:v2', parseMap);
    // Flink also reads a map option from prefixed keys `<key>.<mapKey>` (`ConfigurationUtils.convertToPropertiesPrefixed`)
    const prefixed: Record<string, string> = {};
    for (const entry of this.config.withPrefix(`${key}.`)) prefixed[entry.key.substring(key.length + 1)] = entry.value;
    return prefixed;
  }

  /** A labels option: Flink's own `type`, `app` and `component` would silently replace these keys. */
  labels(option: OptionSpec): Record<string, string> {
    const labels = this.map(option);
    const own = Object.keys(labels).filter(k => ['type', 'app', 'component'].includes(k));
    if (own.length > 0) {
      this.fail(option, `Flink sets the labels ${own.join(', ')} itself (type, app and component select the cluster's pods), so yours would be lost; use other keys`);
    }
    return labels;
  }

  list(option: OptionSpec): string[] {
    const raw = this.string(option);
    return raw === undefined ? [] : this.structured(option, raw, 'list format', 'a;b;c', parseList);
  }

  listOfMaps(option: OptionSpec): Array<Record<string, string>> {
    const raw = this.string(option);
    return raw === undefined ? [] : this.structured(option, raw, 'format', 'k1:v1,k2:v2;k1:v3,k2:v4', parseListOfMaps);
  }
}
