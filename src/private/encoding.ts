import { parse as parseYaml } from 'yaml';

/**
 * Flink's string encodings of structured option values, as `-D` and `flink-conf.yaml` carry them
 * (reference §2.3, §2.4).
 *
 * Splitting follows `C/StructuredOptionsSplitter.splitEscaped`; quoting follows
 * `StructuredOptionsSplitter.escapeWithSingleQuote` and `C/ConfigurationUtils.convertToString`.
 * From 1.19 on, a value that parses as a YAML map or list is read as one first
 * (`ConfigurationUtils.convertToProperties/convertToList` with `standardYaml`); otherwise Flink falls back
 * to the legacy splitting. Parse failures throw; the caller adds which prop was wrong.
 */

/** `StructuredOptionsSplitter.splitEscaped`: split on `delimiter` outside `'…'`/`"…"`; doubled quotes escape. */
export function splitEscaped(value: string, delimiter: string): string[] {
  type Token = { type: 'quoted' | 'unquoted' | 'delimiter'; text: string; position: number };
  const tokens: Token[] = [];
  let cursor = 0;
  while (cursor < value.length) {
    const c = value[cursor];
    if (c === '\'' || c === '"') {
      let text = '';
      let i = cursor + 1;
      let closed = false;
      for (; i < value.length; i++) {
        if (value[i] === c) {
          if (value[i + 1] === c) {
            text += c;
            i++;
          } else {
            closed = true;
            break;
          }
        } else {
          text += value[i];
        }
      }
      if (!closed) throw new Error('quoting was not closed properly');
      tokens.push({ type: 'quoted', text, position: cursor });
      cursor = i + 1;
    } else if (c === delimiter) {
      tokens.push({ type: 'delimiter', text: c, position: cursor });
      cursor++;
    } else if (/\s/.test(c)) {
      cursor++;
    } else {
      let end = value.indexOf(delimiter, cursor);
      if (end < 0) end = value.length;
      tokens.push({ type: 'unquoted', text: value.substring(cursor, end).trim(), position: cursor });
      cursor = end;
    }
  }
  const splits: string[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token.type === 'delimiter') {
      if (next?.type === 'delimiter') splits.push('');
    } else {
      if (token.type === 'quoted' && next !== undefined && next.type !== 'delimiter') {
        throw new Error(`illegal quoting at position ${next.position - 1}`);
      }
      splits.push(token.text);
    }
  });
  return splits;
}

/** `StructuredOptionsSplitter.escapeWithSingleQuote` */
export function escapeWithSingleQuote(value: string, ...charsToEscape: string[]): string {
  const escape = charsToEscape.some(c => value.includes(c)) || value.includes('"') || value.includes('\'');
  return escape ? `'${value.replace(/'/g, '\'\'')}'` : value;
}

/** Scalar of a YAML document, as `ConfigurationUtils.convertToString` renders it in standard-YAML mode. */
function scalarToString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') throw new Error('nested structures are not allowed here');
  return String(v);
}

/** Parsed values by text: the same option values recur across clusters; callers copy what they return. */
const parsed = new Map<string, unknown>();

function tryYaml(value: string, standardYaml: boolean): unknown {
  // only a value that can be a YAML collection needs the parse; any other parses to a scalar, which falls
  // through to the legacy splitting anyway
  if (!standardYaml || !/^\s*[[{!&*?-]|:(\s|$)|[\n\r]/.test(value)) return undefined;
  if (!parsed.has(value)) {
    let result: unknown;
    try {
      result = parseYaml(value);
    } catch {
      result = undefined;
    }
    parsed.set(value, result);
  }
  return parsed.get(value);
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toStringMap(map: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) result[k] = scalarToString(v);
  return result;
}

/** A `Map<String,String>` option: `k1:v1,k2:v2`. Duplicate keys are an error, as in Flink's `Collectors.toMap`. */
export function parseMap(value: string, standardYaml: boolean): Record<string, string> {
  const yaml = tryYaml(value, standardYaml);
  if (isPlainMap(yaml)) return toStringMap(yaml);
  const result: Record<string, string> = {};
  for (const entry of splitEscaped(value, ',')) {
    const pair = splitEscaped(entry, ':');
    if (pair.length !== 2) throw new Error(`map item '${entry}' is not a key-value pair (missing ':'?)`);
    if (pair[0] in result) throw new Error(`duplicate map key '${pair[0]}'`);
    result[pair[0]] = pair[1];
  }
  return result;
}

/** A `List<String>` option: `a;b;c`. */
export function parseList(value: string, standardYaml: boolean): string[] {
  const yaml = tryYaml(value, standardYaml);
  if (Array.isArray(yaml)) return yaml.map(scalarToString);
  return splitEscaped(value, ';');
}

/** A `List<Map<String,String>>` option: `k:v,k:v;k:v`. */
export function parseListOfMaps(value: string, standardYaml: boolean): Array<Record<string, string>> {
  const yaml = tryYaml(value, standardYaml);
  if (Array.isArray(yaml)) {
    return yaml.map(item => {
      if (!isPlainMap(item)) throw new Error(`list item '${scalarToString(item)}' is not a map`);
      return toStringMap(item);
    });
  }
  return splitEscaped(value, ';').map(item => parseMap(item, false));
}

/**
 * `escapeWithSingleQuote`, and also quoting what `splitEscaped` would not read back unquoted: it trims unquoted text
 * (`tokenize`: `builder.toString().trim()`) and keeps no empty last split (`processTokens`), so `' x'` would arrive
 * as `x` and an empty map value not at all. Flink's own `convertToString` does not quote these; its reader reads
 * the quoted form back exactly.
 */
function escapeLossless(value: string, delimiter: string): string {
  return value === '' || value.trim() !== value ? `'${value.replace(/'/g, '\'\'')}'` : escapeWithSingleQuote(value, delimiter);
}

/** Encodes a map as `ConfigurationUtils.convertToString` does, so that Flink reads back every key and value as given. */
export function encodeMap(map: Record<string, string>): string {
  return Object.entries(map)
    .map(([k, v]) => escapeLossless(`${escapeLossless(k, ':')}:${escapeLossless(v, ':')}`, ','))
    .join(',');
}

/** Encodes a list as `ConfigurationUtils.convertToString` does, so that Flink reads back every item as given. */
export function encodeList(list: string[]): string {
  return list.map(item => escapeLossless(item, ';')).join(';');
}

/** Encodes a list of maps as `ConfigurationUtils.convertToString` does. */
export function encodeListOfMaps(list: Array<Record<string, string>>): string {
  return encodeList(list.map(encodeMap));
}

/**
 * A list of arbitrary strings (`$internal.application.program-args`, `pipeline.jars`) in the form the
 * pods read back exactly (research of `ConfigurationUtils.convertToList` 1.16–2.2):
 * - 1.x, `flink-conf.yaml` and the legacy splitter: every element single-quoted (so empty elements,
 *   surrounding spaces, `;` and quotes survive); `#` and line breaks cannot be carried;
 * - 2.x, `config.yaml`: a YAML flow sequence of double-quoted (JSON) strings, which Flink parses as a list
 *   before it would fall back to splitting.
 */
export function encodeStringList(items: string[], standardYaml: boolean): string {
  if (standardYaml) return JSON.stringify(items);
  return items.map(item => `'${item.replace(/'/g, '\'\'')}'`).join(';');
}
