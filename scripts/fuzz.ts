// The fuzzer: `npm run fuzz -- --runs N --seed S` checks N random, type-correct clusters (both constructs, both
// modes, pod templates) against the property of test/fuzz/property.ts and prints the cases tried and failures.
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

const runs = arg('runs', 1000);
const seed = arg('seed', Date.now() % 2147483647);
const outcomes = { error: 0, manifests: 0 };
const failures: string[] = [];
const result = fc.check(fc.property(anyCase, c => {
  try {
    outcomes[checkCase(c)]++;
  } catch (e) {
    if (e instanceof FuzzFailure && failures.length < 5) failures.push(e.message);
    throw e;
  }
}), { seed, numRuns: runs, endOnFailure: true });
const tried = outcomes.error + outcomes.manifests + (result.failed ? 1 : 0);
console.log(`fuzz (seed ${seed}): ${tried} cases tried, ${result.failed ? 1 : 0} failures; ${outcomes.manifests} synthesized and checked, ${outcomes.error} refused with a clear error`);
if (result.failed) {
  console.log(fc.defaultReportMessage(result));
  process.exit(1);
}
