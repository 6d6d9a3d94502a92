import { Chart, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { FlinkVersion } from '../src';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateObject } = require('../scripts/k8s-schemas');

/** Synthesizes a chart, validating every object against the Kubernetes schemas. */
export function synth(scope: Chart): any[] {
  const manifests = Testing.synth(scope);
  for (const m of manifests) validateObject(m);
  return manifests;
}

/** The one object of `kind` named `name`; fails if there is none or more than one. */
export function find(manifests: any[], kind: string, name: string): any {
  const found = manifests.filter(m => m.kind === kind && m.metadata?.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind} '${name}', found ${found.length}; have: ${manifests.map(m => `${m.kind}/${m.metadata?.name}`).join(', ')}`);
  }
  return found[0];
}

/** The main container of a Deployment's pod. */
export function mainContainer(deployment: any): any {
  return deployment.spec.template.spec.containers.find((c: any) => c.name === 'flink-main-container');
}

/** The shipped configuration of a cluster as key → value, parsed back the way Flink reads the file. */
export function shippedConfig(manifests: any[], clusterId: string): Record<string, string> {
  const cm = find(manifests, 'ConfigMap', `flink-config-${clusterId}`);
  if (cm.data['flink-conf.yaml'] !== undefined) {
    // Flink's legacy line parser: split on the first ': '
    const result: Record<string, string> = {};
    for (const line of cm.data['flink-conf.yaml'].split('\n')) {
      if (line.trim() === '') continue;
      const at = line.indexOf(': ');
      result[line.substring(0, at)] = line.substring(at + 2);
    }
    return result;
  }
  const parsed = YAML.parse(cm.data['config.yaml']);
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

/** A chart in namespace `flink`. */
export function chart(namespace = 'flink'): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

/**
 * The checkpoint directory in the key of `version` (`state.checkpoints.dir` until 1.19, `execution.checkpointing.dir`
 * from 1.20), which `UpgradeMode.SAVEPOINT` and `UpgradeMode.LAST_STATE` need.
 */
export function checkpointDirectory(version: FlinkVersion, dir = 's3://flink/checkpoints'): Record<string, string> {
  return { [version.isAtLeast(FlinkVersion.V1_20) ? 'execution.checkpointing.dir' : 'state.checkpoints.dir']: dir };
}
