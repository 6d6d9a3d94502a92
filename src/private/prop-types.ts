import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { isBranded } from './brand';
import { editDistance } from './edit-distance';

/**
 * Runtime type checks at the public boundary. TypeScript checks props at compile time only; JavaScript callers
 * (and generators fed from YAML) reach the library with any value at all. Every struct has one schema (see
 * `prop-schemas.ts`), checked by the one generic `Checker` below on entry, so that a wrong type is an `Error`
 * naming the prop as the user wrote it, the value and what is expected — never a `TypeError` from deep inside.
 *
 * The checks are about types only: a value of the right type keeps the message of the check that knows its
 * meaning (a negative cpu, a cluster id that is not a DNS label …). Numbers carry their meaning in the expected
 * text (`hint`), for the message about a value that is not a number at all.
 */

/** What a prop, a struct member or a method parameter may hold. */
export type PropType =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'size' | 'duration' | 'construct'; readonly hint?: string; readonly why?: (value: unknown) => string }
  | { readonly kind: 'enum'; readonly name: string; readonly values: Record<string, string> }
  /** an instance of one of this library's classes, recognized by its brand */
  | { readonly kind: 'class'; readonly name: string; readonly example: string }
  /** a cdk8s-plus interface whose only member the library reads is `name` (`kplus.ISecret`, …) */
  | { readonly kind: 'named'; readonly name: string; readonly example: string }
  /** a cdk8s-plus L1 struct (`kplus.k8s.Toleration`): an object of the fields its conversion keeps */
  | { readonly kind: 'k8s'; readonly name: string }
  | { readonly kind: 'map' | 'array'; readonly of: PropType }
  /** a struct of this library, by the name of its schema */
  | { readonly kind: 'struct'; readonly name: string };

/** A struct member or a parameter: a type, and whether it must be given. */
export type PropSpec = PropType & {
  readonly required?: boolean;
  /** what to tell the user when a required value is missing, instead of what is expected */
  readonly missing?: string;
};

/** A struct's members; `extends` names the schema whose members it inherits (jsii's struct inheritance). */
export interface StructSchema {
  readonly extends?: string;
  readonly props: Readonly<Record<string, PropSpec>>;
}

/** A public method's or constructor's parameters, in order; an `inline` struct's members are named without the parameter's name. */
export interface ParamSpec {
  readonly name: string;
  readonly type: PropSpec;
  readonly inline?: boolean;
}

export const str = (hint?: string, why?: (value: unknown) => string): PropType => ({ kind: 'string', hint, why });
export const num = (hint?: string): PropType => ({ kind: 'number', hint });
export const bool = (): PropType => ({ kind: 'boolean' });
export const size = (hint?: string): PropType => ({ kind: 'size', hint });
export const duration = (hint?: string): PropType => ({ kind: 'duration', hint });
export const construct = (): PropType => ({ kind: 'construct' });
export const enumOf = (name: string, values: object): PropType => ({ kind: 'enum', name, values: values as Record<string, string> });
export const instance = (name: string, example: string): PropType => ({ kind: 'class', name, example });
export const named = (name: string, example: string): PropType => ({ kind: 'named', name, example });
export const k8s = (name: string): PropType => ({ kind: 'k8s', name });
export const mapOf = (of: PropType): PropType => ({ kind: 'map', of });
export const arrayOf = (of: PropType): PropType => ({ kind: 'array', of });
export const struct = (name: string): PropType => ({ kind: 'struct', name });
export const required = (type: PropType, missing?: string): PropSpec => ({ ...type, required: true, missing });

/** The schemas and parameter lists to check against; given by `prop-schemas.ts`. */
export interface Schemas {
  readonly structs: Readonly<Record<string, StructSchema>>;
  readonly parameters: Readonly<Record<string, readonly ParamSpec[]>>;
}

/** Where a check reports: the method or construct (`FlinkVersion.of()`), computed only for a message. */
export type Where = string | (() => string) | undefined;

/** Checks `args` against the parameters of `entry` (`FlinkVersion.of`, `PodTemplate.constructor`), in order. */
export function checkArgs(schemas: Schemas, entry: string, args: readonly unknown[], where?: Where): void {
  const params = schemas.parameters[entry];
  params.forEach((param, i) => checkParam(schemas, param, args[i], where));
}

/** Checks one parameter. */
export function checkParam(schemas: Schemas, param: ParamSpec, value: unknown, where?: Where): void {
  new Checker(schemas, where).value(value, param.type, param.name, param.inline === true);
}

/** A struct's members with those it inherits, by schema name. */
export function membersOf(schemas: Schemas, name: string): Readonly<Record<string, PropSpec>> {
  return flattened(schemas, name).members;
}

interface Flattened {
  readonly members: Readonly<Record<string, PropSpec>>;
  readonly entries: ReadonlyArray<[string, PropSpec]>;
  readonly names: ReadonlySet<string>;
}

// flattened once per struct: the checks run for every construct, and a chart may hold hundreds
const flattenedCache = new WeakMap<Schemas, Map<string, Flattened>>();

function flattened(schemas: Schemas, name: string): Flattened {
  let bySchemas = flattenedCache.get(schemas);
  if (bySchemas === undefined) flattenedCache.set(schemas, bySchemas = new Map());
  let result = bySchemas.get(name);
  if (result === undefined) {
    const schema = schemas.structs[name];
    const members = schema.extends === undefined ? schema.props : { ...membersOf(schemas, schema.extends), ...schema.props };
    result = { members, entries: Object.entries(members), names: new Set(Object.keys(members)) };
    bySchemas.set(name, result);
  }
  return result;
}

const k8sFieldsCache = new Map<string, ReadonlySet<string>>();

/**
 * The fields of a cdk8s-plus L1 struct that its `toJson_<name>` conversion reads: exactly the fields it keeps,
 * so any other is dropped without a word. Read once per struct by running the conversion on a probe that
 * records what is asked of it.
 */
export function k8sFields(name: string): ReadonlySet<string> {
  let fields = k8sFieldsCache.get(name);
  if (fields === undefined) {
    const seen = new Set<string>();
    const probe = new Proxy({}, {
      get: (_target, field) => {
        if (typeof field === 'string') seen.add(field);
        return undefined;
      },
    });
    (kplus.k8s as unknown as Record<string, (o: unknown) => unknown>)[`toJson_${name}`](probe);
    fields = seen;
    k8sFieldsCache.set(name, fields);
  }
  return fields;
}

class Checker {
  constructor(private readonly schemas: Schemas, private readonly where: Where) {}

  public value(value: unknown, type: PropSpec, path: string, inline = false): void {
    if (value === undefined) {
      if (!type.required) return;
      // a missing struct is reported as its first missing member: 'job.artifact' is required
      if (type.kind === 'struct' && type.missing === undefined) this.value({}, { ...type, required: false }, path, inline);
      this.fail(`${quotePath(path)} is required: ${type.missing ?? `expected ${expected(type)}`}`);
    }
    if (value === null) {
      this.fail(`${quotePath(path)} is null: expected ${expected(type)}${type.required ? '' : `; leave ${quotePath(path)} out for its default`}`);
    }
    switch (type.kind) {
      case 'string':
      case 'number':
      case 'boolean':
        if (typeof value !== type.kind) this.wrong(value, type, path);
        return;
      case 'size':
        if (!hasMethods(value, 'toMebibytes')) this.wrong(value, type, path);
        return;
      case 'duration':
        if (!hasMethods(value, 'toMilliseconds', 'toSeconds')) this.wrong(value, type, path);
        return;
      case 'construct':
        if (!Construct.isConstruct(value)) this.wrong(value, type, path);
        return;
      case 'enum':
        if (!Object.values(type.values).includes(value as string)) this.wrong(value, type, path);
        return;
      case 'class':
        if (!isBranded(value, type.name)) this.wrong(value, type, path);
        return;
      case 'named':
        if ((typeof value !== 'object' && typeof value !== 'function') || typeof (value as { name?: unknown }).name !== 'string') {
          this.wrong(value, type, path);
        }
        return;
      case 'k8s':
        if (!isObject(value)) this.wrong(value, type, path);
        this.known(value as object, k8sFields(type.name), path, `a field of kplus.k8s.${type.name}`);
        return;
      case 'map':
        if (!isObject(value)) this.wrong(value, type, path);
        for (const [key, element] of Object.entries(value as object)) this.element(element, type.of, `${path}['${key}']`);
        return;
      case 'array':
        if (!Array.isArray(value)) this.wrong(value, type, path);
        (value as unknown[]).forEach((element, i) => this.element(element, type.of, `${path}[${i}]`));
        return;
      case 'struct': {
        if (!isObject(value)) this.wrong(value, type, path);
        const schema = flattened(this.schemas, type.name);
        const prefix = inline ? '' : `${path}.`;
        this.known(value as object, schema.names, inline ? '' : path, `a prop of ${type.name}`);
        for (const [member, spec] of schema.entries) {
          this.value((value as Record<string, unknown>)[member], spec, `${prefix}${member}`);
        }
        return;
      }
    }
  }

  /** An element of an array or a map is never optional. */
  private element(value: unknown, type: PropType, path: string): void {
    if (value === undefined) this.wrong(value, type, path);
    this.value(value, type, path);
  }

  /** Unknown keys are mistakes (a misspelt prop, a field the conversion drops): name the closest known one. */
  private known(value: object, known: ReadonlySet<string>, path: string, what: string): void {
    for (const key of Object.keys(value)) {
      if (known.has(key)) continue;
      const full = path === '' ? key : `${path}.${key}`;
      const close = suggest(key, [...known]);
      this.fail(`${quotePath(full)} is not ${what}; ${close ? `did you mean '${close}'?` : `expected one of ${[...known].join(', ')}`}`);
    }
  }

  private wrong(value: unknown, type: PropSpec, path: string): never {
    const why = 'why' in type && type.why ? type.why(value) : `expected ${expected(type)}`;
    return this.fail(`${quotePath(path)} is ${describe(value)}: ${why}`);
  }

  private fail(message: string): never {
    const where = typeof this.where === 'function' ? this.where() : this.where;
    throw new Error(where === undefined ? message : `${where}: ${message}`);
  }
}

/** A prop path as the messages write it: quoted, unless it holds quotes already (`flinkConfiguration['k']`). */
export function quotePath(path: string): string {
  return path.includes('\'') ? path : `'${path}'`;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** cdk8s' value classes by what the library calls on them, so that a second copy of cdk8s is accepted too. */
function hasMethods(value: unknown, ...methods: string[]): boolean {
  return typeof value === 'object' && value !== null && methods.every(m => typeof (value as Record<string, unknown>)[m] === 'function');
}

/** What a value of `type` is, for "expected …". */
export function expected(type: PropType): string {
  const hint = 'hint' in type ? type.hint : undefined;
  switch (type.kind) {
    case 'string': return hint ?? 'a string';
    case 'number': return hint ?? 'a number';
    case 'boolean': return 'true or false';
    case 'size': return hint ?? 'a Size, e.g. Size.gibibytes(2)';
    case 'duration': return hint ?? 'a Duration, e.g. Duration.seconds(30)';
    case 'construct': return 'a construct (a Chart, or a construct inside one)';
    case 'enum': {
      const members = Object.entries(type.values);
      const names = members.map(([member]) => `${type.name}.${member}`);
      const strings = members.map(([, v]) => `'${v}'`);
      return members.length === 2
        ? `${names.join(' or ')} (${strings.join(' or ')})`
        : `one of ${names.join(', ')} (${strings.join(', ')})`;
    }
    case 'class': return `a ${type.name}, e.g. ${type.example}`;
    case 'named': return `a kplus.${type.name}, e.g. ${type.example}`;
    case 'k8s': return `a kplus.k8s.${type.name} (an object)`;
    case 'map': return `an object of ${plural(type.of)}, e.g. { key: ${sample(type.of)} }`;
    case 'array': return `an array of ${plural(type.of)}`;
    case 'struct': return `a ${type.name} (an object)`;
  }
}

function plural(type: PropType): string {
  switch (type.kind) {
    case 'string': return 'strings';
    case 'number': return 'numbers';
    case 'enum': return `${type.name} values`;
    case 'class': return `${type.name}s`;
    case 'named': return `kplus.${type.name}s`;
    case 'k8s': return `kplus.k8s.${type.name} objects`;
    case 'struct': return `${type.name} objects`;
    default: return expected(type);
  }
}

function sample(type: PropType): string {
  if (type.kind === 'enum') return `${type.name}.${Object.keys(type.values)[0]}`;
  return '\'value\'';
}

const MAX_SHOWN = 60;

/** The given value, JSON-ish and short: `"abc"`, `42`, `{"a":1}`, `a Size`. */
export function describe(value: unknown): string {
  switch (typeof value) {
    case 'undefined': return 'undefined';
    case 'string': return JSON.stringify(value.length > MAX_SHOWN ? `${value.substring(0, MAX_SHOWN)}…` : value);
    case 'function': return 'a function';
    case 'object': {
      if (value === null) return 'null';
      const proto = Object.getPrototypeOf(value);
      if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
        const name = (value as object).constructor?.name || 'object';
        return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
      }
      let json: string | undefined;
      try {
        json = JSON.stringify(value);
      } catch {
        json = undefined; // cycles, BigInt
      }
      if (json === undefined) return Array.isArray(value) ? 'an array' : 'an object';
      return json.length > MAX_SHOWN ? `${json.substring(0, MAX_SHOWN)}…` : json;
    }
    default: return String(value);
  }
}

/** The known name closest to `given`, if close enough to be a slip: same letters ignoring case, or a few edits. */
export function suggest(given: string, known: readonly string[]): string | undefined {
  const lower = given.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(given.length / 3)) + 1;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
