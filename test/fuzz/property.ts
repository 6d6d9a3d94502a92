import { App, Chart } from 'cdk8s';
import * as YAML from 'yaml';
import { AnyCase, MARKER_LABEL, MARKER_SIDECAR, MARKER_VOLUME } from './arbitraries';
import { FlinkApplicationCluster, FlinkCluster, FlinkClusterProps, FlinkSessionCluster, PodTemplate } from '../../src';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateObject } = require('../../scripts/k8s-schemas');

/**
 * The fuzzer's property: whatever type-correct props a user gives, the library either throws a clear `Error`
 * (never a TypeError or other runtime fault, and with a message that says something) or synthesizes manifests
 * that every Kubernetes schema accepts, that are byte-identical when synthesized again, and in which every
 * field of the user's pod template that Flink does not own survives.
 */

/** A violated property, as opposed to a clear error the library threw on purpose. */
export class FuzzFailure extends Error {}

const RUNTIME_FAULTS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

/** Builds the case's cluster in a fresh app; the library's own errors propagate. */
function build(c: AnyCase): { app: App; cluster: FlinkCluster } {
  const app = new App({ outdir: '/tmp/cdk8s-flink-fuzz' });
  const chart = new Chart(app, 'fuzz', { namespace: 'fuzz' });
  const { template, taskManager, ...rest } = c.cluster;
  const tpl = template ? new PodTemplate(chart, 'tpl', template[1]) : undefined;
  const props: FlinkClusterProps = {
    ...rest,
    podTemplate: template?.[0] === 'podTemplate' ? tpl : undefined,
    jobManager: rest.jobManager || template?.[0] === 'jobManager'
      ? { ...rest.jobManager, podTemplate: template?.[0] === 'jobManager' ? tpl : undefined }
      : undefined,
    taskManager: taskManager || template?.[0] === 'taskManager'
      ? { ...taskManager?.base, taskSlots: taskManager?.taskSlots, idleTimeout: taskManager?.idleTimeout, podTemplate: template?.[0] === 'taskManager' ? tpl : undefined }
      : undefined,
  };
  const cluster = c.application
    ? new FlinkApplicationCluster(chart, 'cluster', { ...props, job: c.job })
    : new FlinkSessionCluster(chart, 'cluster', props);
  return { app, cluster };
}

function expectMarkers(pod: any, where: string, sidecars: boolean): void {
  if (pod?.metadata?.labels?.[MARKER_LABEL] !== 'kept') throw new FuzzFailure(`${where}: the template's label ${MARKER_LABEL} was lost`);
  if (!(pod.spec?.volumes ?? []).some((v: any) => v.name === MARKER_VOLUME)) throw new FuzzFailure(`${where}: the template's volume ${MARKER_VOLUME} was lost`);
  if (sidecars && !(pod.spec?.containers ?? []).some((x: any) => x.name === MARKER_SIDECAR)) throw new FuzzFailure(`${where}: the template's sidecar ${MARKER_SIDECAR} was lost`);
}

/** Runs one case; throws `FuzzFailure` if the property does not hold. */
export function checkCase(c: AnyCase): 'error' | 'manifests' {
  let built: { app: App; cluster: FlinkCluster };
  try {
    built = build(c);
  } catch (e) {
    if (!(e instanceof Error) || RUNTIME_FAULTS.some(t => e instanceof t)) {
      throw new FuzzFailure(`not a clear error: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
    }
    if (e.message.trim().length < 20) throw new FuzzFailure(`an error that says too little: '${e.message}'`);
    return 'error';
  }
  const { app, cluster } = built;
  const yaml = app.synthYaml();
  if (app.synthYaml() !== yaml) throw new FuzzFailure('two synths of the same app differ');
  const manifests = YAML.parseAllDocuments(yaml).map(d => d.toJS()).filter(m => m);
  for (const m of manifests) {
    try {
      validateObject(m);
    } catch (e) {
      throw new FuzzFailure(`${m.kind}/${m.metadata?.name} is rejected by the Kubernetes schema: ${(e as Error).message}`);
    }
  }
  const template = c.cluster.template;
  if (template) {
    const sidecars = template[1].sidecars.length > 0;
    const find = (kind: string, name: string) => manifests.find(m => m.kind === kind && m.metadata?.name === name);
    if (template[0] !== 'taskManager') expectMarkers(find('Deployment', cluster.clusterId)?.spec.template, 'the JobManager pod', sidecars);
    if (template[0] !== 'jobManager') {
      const workload = find('Deployment', `${cluster.clusterId}-taskmanager`) ?? find('StatefulSet', `${cluster.clusterId}-taskmanager`);
      const shipped = find('ConfigMap', `pod-template-${cluster.clusterId}`)?.data?.['taskmanager-pod-template.yaml'];
      expectMarkers(workload ? workload.spec.template : YAML.parse(shipped ?? 'null'), 'the TaskManager pod', sidecars);
    }
  }
  return 'manifests';
}
