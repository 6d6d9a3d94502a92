import { cmdJobManager } from '../decorators/cmd-job-manager-decorator';
import { envSecrets } from '../decorators/env-secrets-decorator';
import { externalService } from '../decorators/external-service-decorator';
import { flinkConfConfigMap, flinkConfMount } from '../decorators/flink-conf-mount-decorator';
import { hadoopConfMount } from '../decorators/hadoop-conf-mount-decorator';
import { initJobManager } from '../decorators/init-job-manager-decorator';
import { internalService } from '../decorators/internal-service-decorator';
import { jobHashAnnotation } from '../decorators/job-hash-decorator';
import { jobUpgrade } from '../decorators/job-upgrade-decorator';
import { mountSecrets } from '../decorators/mount-secrets-decorator';
import { podTemplateConfigMap, podTemplateMount } from '../decorators/pod-template-mount-decorator';
import { serviceAccountToken } from '../decorators/service-account-token-decorator';
import { ResolvedCluster } from '../model';
import { FlinkPod } from '../pod';
import { networkPolicies } from './network-policy';
import { ClusterObjects, jobManagerDeployment } from './workload';
import { configHash, withConfigHash } from '../config-hash';

/**
 * The JobManager decorators, in `KubernetesJobManagerFactory`'s order (reference §1.0), then ours: the
 * service-account token, which the JobManager needs whatever its account says, and the job hash and the job
 * upgrade of an application cluster.
 */
const POD_DECORATORS: Array<(cluster: ResolvedCluster, pod: FlinkPod) => FlinkPod> = [
  initJobManager,
  envSecrets,
  mountSecrets,
  cmdJobManager,
  hadoopConfMount,
  flinkConfMount,
  podTemplateMount,
  serviceAccountToken('jobmanager'),
  jobHashAnnotation,
  jobUpgrade,
];

/** The native JobManager pod: the decorators applied to `base`, in Flink's order. */
export function decorateNativeJobManagerPod(cluster: ResolvedCluster, base: FlinkPod): FlinkPod {
  return POD_DECORATORS.reduce((p, decorate) => decorate(cluster, p), base);
}

/**
 * What `KubernetesJobManagerFactory.buildKubernetesJobManagerSpecification` produces: the JobManager
 * Deployment and its accompanying resources. TaskManagers are the JobManager's to create at runtime.
 */
export function renderNative(cluster: ResolvedCluster): ClusterObjects {
  const policies = networkPolicies(cluster);
  return {
    // the JobManager reads both ConfigMaps, and creates TaskManagers from them, only when it starts
    jobManager: jobManagerDeployment(cluster,
      withConfigHash(decorateNativeJobManagerPod(cluster, cluster.jobManagerPodTemplate), configHash(cluster))),
    internalService: internalService(cluster),
    restService: externalService(cluster),
    configMap: flinkConfConfigMap(cluster),
    podTemplateConfigMap: podTemplateConfigMap(cluster),
    jobManagerNetworkPolicy: policies.jobManager,
    taskManagerNetworkPolicy: policies.taskManager,
  };
}
