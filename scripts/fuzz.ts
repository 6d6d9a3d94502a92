// The fuzzer: `npm run fuzz -- --runs N --seed S` checks N random, type-correct cases (both constructs, both
// modes, high availability, pod templates, Ingresses, a second cluster) against the property of
// test/fuzz/property.ts, and prints the cases tried, the share that synthesized, the errors by kind and the failures.
import * as fc from 'fast-check';
import { anyCase } from '../test/fuzz/arbitraries';
import { checkCase, FuzzFailure } from '../test/fuzz/property';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, got '${process.argv[at + 1]}'`);
  return value;
}

/** An error's kind: its first words, with numbers as N, so that the same rule broken by other values counts once. */
function kindOf(message: string): string {
  return message.split(/\s+/).slice(0, 4).join(' ').replace(/\d+(\.\d+)?/g, 'N');
}

const runs = arg('runs', 1000);
const seed = arg('seed', Date.now() % 2147483647);
const top = arg('top', 25);
const started = Date.now();
let synthesized = 0;
let refused = 0;
let failed = false;
const errors = new Map<string, number>();
const objects = new Map<string, number>();
const result = fc.check(fc.property(anyCase, c => {
  try {
    const outcome = checkCase(c);
    if (failed) return; // shrinking: not counted
    if (outcome.outcome === 'error') {
      refused++;
      const kind = kindOf(outcome.message);
      errors.set(kind, (errors.get(kind) ?? 0) + 1);
    } else {
      synthesized++;
      for (const k of outcome.kinds) objects.set(k, (objects.get(k) ?? 0) + 1);
    }
  } catch (e) {
    failed = true;
    throw e;
  }
}), { seed, numRuns: runs });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const tried = synthesized + refused + (result.failed ? 1 : 0);
const pct = (n: number) => `${tried === 0 ? 0 : ((100 * n) / tried).toFixed(1)}%`;
console.log(`fuzz (seed ${seed}): ${tried} cases tried in ${seconds} s, ${result.failed ? 1 : 0} failures; ${synthesized} synthesized and checked (${pct(synthesized)}), ${refused} refused with a clear error (${pct(refused)})`);
console.log(`objects in the synthesized cases: ${[...objects].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`errors by kind (first words; ${errors.size} kinds, top ${Math.min(top, errors.size)}):`);
for (const [kind, n] of [...errors].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${String(n).padStart(6)}  ${kind}`);
if (result.failed) {
  const error = result.errorInstance;
  console.log(error instanceof FuzzFailure ? `FAILURE: ${error.message}` : `FAILURE (not a FuzzFailure): ${String(error)}`);
  console.log(fc.defaultReportMessage(result));
  process.exit(1);
}
