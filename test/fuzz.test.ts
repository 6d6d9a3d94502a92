import * as fc from 'fast-check';
import { anyCase } from './fuzz/arbitraries';
import { checkCase } from './fuzz/property';

// The fixed-seed part of the fuzzer (`npm run fuzz -- --runs N --seed S` runs more): random but type-correct
// props for both constructs, both modes, high availability, pod templates, Ingresses, RBAC and a second cluster
// either throw a clear Error or give schema-valid, deterministic, consistent manifests in which the user's
// fields survive (test/fuzz/property.ts).
test('fuzz: 300 random cases throw a clear error or synthesize valid, stable manifests (seed 20261126)', () => {
  const outcomes = { error: 0, manifests: 0 };
  const kinds = new Set<string>();
  fc.assert(fc.property(anyCase, c => {
    const outcome = checkCase(c);
    outcomes[outcome.outcome]++;
    if (outcome.outcome === 'manifests') outcome.kinds.forEach(k => kinds.add(k));
  }), { seed: 20261126, numRuns: 300 });
  // the arbitraries must exercise both paths, mostly the manifests, which the property checks most, and every kind
  expect(outcomes.error).toBeGreaterThan(60);
  expect(outcomes.manifests).toBeGreaterThan(120);
  expect([...kinds].sort()).toStrictEqual([
    'ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'Middleware', 'NetworkPolicy', 'PodDisruptionBudget', 'PodMonitor',
    'Role', 'RoleBinding', 'Service', 'ServiceAccount', 'StatefulSet',
  ]);
});
