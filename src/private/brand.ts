/**
 * Brands mark instances of this library's classes (`FlinkVersion`, `PodTemplate`, …) so that the runtime type
 * checks recognize them without `instanceof`, which fails across two copies of the package and would import the
 * construct modules into the checker. A `Symbol.for` key is shared by every copy, as cdk8s' own `Chart.isChart` does.
 */

function key(className: string): symbol {
  return Symbol.for(`cdk8s-flink.${className}`);
}

/** Marks `instance` as a `className`; not enumerable, so it never shows in JSON or in jsii. */
export function brand(instance: object, className: string): void {
  Object.defineProperty(instance, key(className), { value: true });
}

/** Whether `value` is a branded `className`. */
export function isBranded(value: unknown, className: string): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[key(className)] === true;
}
