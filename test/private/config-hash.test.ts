import { FlinkVersion } from '../../src';
import { configHash } from '../../src/private/config-hash';
import { DeploymentTarget, resolveCluster } from '../../src/private/resolve';

function resolve(slots: number) {
  return resolveCluster({ version: FlinkVersion.V1_20, clusterId: 'c', namespace: 'ns', taskManager: { taskSlots: slots } },
    { target: DeploymentTarget.SESSION, defaultClusterId: () => 'unused' });
}

test('the hash does not depend on the digest cache: the same after many distinct pod templates filled and cleared it', () => {
  const first = configHash(resolve(1));
  const withTemplates = (n: number) => ({ ...resolve(1), taskManagerPodTemplate: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: t${n}\n` });
  const hashes = new Set(Array.from({ length: 100 }, (_, n) => configHash(withTemplates(n))));
  expect(hashes.size).toBe(100);
  expect(configHash(resolve(1))).toBe(first);
  expect(configHash(resolve(2))).not.toBe(first);
});
