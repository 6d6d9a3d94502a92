import * as fc from 'fast-check';
import { anyCase } from './fuzz/arbitraries';
import { checkCase } from './fuzz/property';

// The fixed-seed part of the fuzzer (`npm run fuzz -- --runs N --seed S` runs more): random but type-correct
// props for both constructs, both modes and pod templates either throw a clear Error or give schema-valid,
// deterministic manifests in which the user's template fields survive.
test('fuzz: 300 random clusters throw a clear error or synthesize valid, stable manifests (seed 20261126)', () => {
  const outcomes = { error: 0, manifests: 0 };
  fc.assert(fc.property(anyCase, c => {
    outcomes[checkCase(c)]++;
  }), { seed: 20261126, numRuns: 300 });
  // the arbitraries must exercise both paths, or the property proves little
  expect(outcomes.error).toBeGreaterThan(30);
  expect(outcomes.manifests).toBeGreaterThan(30);
});
