import { cmdJobManager } from './decorators/cmd-job-manager-decorator';
import { envSecrets } from './decorators/env-secrets-decorator';
import { externalService } from './decorators/external-service-decorator';
import { flinkConfConfigMap, flinkConfMount } from './decorators/flink-conf-mount-decorator';
import { hadoopConfMount } from './decorators/hadoop-conf-mount-decorator';
import { initJobManager } from './decorators/init-job-manager-decorator';
import { internalService } from './decorators/internal-service-decorator';
import { mountSecrets } from './decorators/mount-secrets-decorator';
import { podTemplateConfigMap, podTemplateMount } from './decorators/pod-template-mount-decorator';
import { FlinkPod, jobManagerSelector, Json, nonEmpty } from './pod';
import { ResolvedCluster } from './resolve';

/** What `KubernetesJobManagerFactory.buildKubernetesJobManagerSpecification` produces. */
export interface JobManagerSpecification {
  readonly deployment: Json;
  readonly internalService?: Json;
  readonly restService: Json;
  readonly configMap: Json;
  readonly podTemplateConfigMap?: Json;
}

/** The JobManager decorators, in `KubernetesJobManagerFactory`'s order (reference §1.0). */
const POD_DECORATORS: Array<(cluster: ResolvedCluster, pod: FlinkPod) => FlinkPod> = [
  initJobManager,
  envSecrets,
  mountSecrets,
  cmdJobManager,
  hadoopConfMount,
  flinkConfMount,
  podTemplateMount,
];

/** The JobManager pod: the decorators applied to `base`, in Flink's order. */
export function decorateJobManagerPod(cluster: ResolvedCluster, base: FlinkPod): FlinkPod {
  return POD_DECORATORS.reduce((p, decorate) => decorate(cluster, p), base);
}

export function buildJobManagerSpecification(cluster: ResolvedCluster): JobManagerSpecification {
  const pod = decorateJobManagerPod(cluster, cluster.jobManagerPodTemplate);
  const jm = cluster.jobManager;
  const selector = jobManagerSelector(cluster.clusterId);
  const deployment: Json = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: cluster.clusterId,
      namespace: cluster.namespace,
      labels: { ...jm.labels, ...selector },
      annotations: nonEmpty(jm.annotations),
      ownerReferences: nonEmpty(jm.ownerReferences),
    },
    spec: {
      replicas: jm.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: pod.metadata,
        // sidecars first, the main container last (KubernetesJobManagerFactory)
        spec: { ...pod.spec, containers: [...pod.spec.containers, pod.mainContainer] },
      },
    },
  };
  return {
    deployment,
    internalService: internalService(cluster),
    restService: externalService(cluster),
    configMap: flinkConfConfigMap(cluster),
    podTemplateConfigMap: podTemplateConfigMap(cluster),
  };
}
