import { cmdStandaloneJobManager, cmdStandaloneTaskManager } from '../decorators/cmd-standalone-decorator';
import { envSecrets } from '../decorators/env-secrets-decorator';
import { externalService } from '../decorators/external-service-decorator';
import { flinkConfConfigMap, flinkConfMount } from '../decorators/flink-conf-mount-decorator';
import { hadoopConfMount } from '../decorators/hadoop-conf-mount-decorator';
import { initJobManager } from '../decorators/init-job-manager-decorator';
import { initStandaloneTaskManager } from '../decorators/init-standalone-task-manager-decorator';
import { internalService } from '../decorators/internal-service-decorator';
import { jobHashAnnotation } from '../decorators/job-hash-decorator';
import { jobUpgrade } from '../decorators/job-upgrade-decorator';
import { livenessProbe } from '../decorators/liveness-probe-decorator';
import { localRecovery, WORKING_DIR_VOLUME } from '../decorators/local-recovery-decorator';
import { mountSecrets } from '../decorators/mount-secrets-decorator';
import { serviceAccountToken } from '../decorators/service-account-token-decorator';
import { ResolvedCluster } from '../model';
import { commonLabels, FlinkPod, Json, taskManagerSelector } from '../pod';
import { networkPolicies } from './network-policy';
import { ClusterObjects, jobManagerDeployment, workload } from './workload';
import { configHash, withConfigHash } from '../config-hash';

type Decorator = (cluster: ResolvedCluster, pod: FlinkPod) => FlinkPod;

/**
 * The standalone JobManager decorators, in the order of the Flink Kubernetes operator's
 * `StandaloneKubernetesJobManagerFactory` (Flink's own, with the standalone command line), then ours: the
 * documentation's liveness probe, the service-account token only where the API is called, and an application
 * cluster's job hash and job upgrade.
 */
const JOB_MANAGER_DECORATORS: Decorator[] = [
  initJobManager,
  envSecrets,
  mountSecrets,
  cmdStandaloneJobManager,
  hadoopConfMount,
  flinkConfMount,
  (cluster, pod) => livenessProbe(cluster.rpcPort)(pod),
  serviceAccountToken('jobmanager'),
  jobHashAnnotation,
  jobUpgrade,
];

/** The standalone TaskManager decorators, in the order of `StandaloneKubernetesTaskManagerFactory`, then ours. */
const TASK_MANAGER_DECORATORS: Decorator[] = [
  initStandaloneTaskManager,
  envSecrets,
  mountSecrets,
  cmdStandaloneTaskManager,
  hadoopConfMount,
  flinkConfMount,
  localRecovery,
  (cluster, pod) => livenessProbe(cluster.taskManager.rpcPort)(pod),
  serviceAccountToken('taskmanager'),
];

export function decorateStandaloneJobManagerPod(cluster: ResolvedCluster, base: FlinkPod): FlinkPod {
  return JOB_MANAGER_DECORATORS.reduce((p, decorate) => decorate(cluster, p), base);
}

export function decorateStandaloneTaskManagerPod(cluster: ResolvedCluster, base: FlinkPod): FlinkPod {
  return TASK_MANAGER_DECORATORS.reduce((p, decorate) => decorate(cluster, p), base);
}

/** The TaskManagers' workload, its Service and autoscaler share the name `<clusterId>-taskmanager`. */
function taskManagerName(cluster: ResolvedCluster): string {
  return `${cluster.clusterId}-taskmanager`;
}

/**
 * A standalone cluster (standalone reference §2–§5): the JobManager Deployment `<clusterId>` — for an
 * application cluster too, so that a finished job's cluster is kept and its manifest can change (a Job's pod
 * template cannot; derived, §3.4) —, the TaskManagers as a Deployment or, with local recovery, a StatefulSet with a volume
 * per pod, the Services and the ConfigMap under the names native mode uses, and an optional autoscaler.
 */
export function renderStandalone(cluster: ResolvedCluster): ClusterObjects {
  const standalone = cluster.standalone!;
  const recovery = standalone.localRecovery;
  const tmSelector = taskManagerSelector(cluster);
  const name = taskManagerName(cluster);
  // both workloads' pods read the ConfigMap, only when they start
  const hash = configHash(cluster);
  const policies = networkPolicies(cluster);
  const taskManager = workload(recovery ? 'StatefulSet' : 'Deployment', {
    name,
    namespace: cluster.namespace,
    component: cluster.taskManager,
    selector: tmSelector,
    replicas: cluster.suspended ? 0 : standalone.taskManagerReplicas,
    pod: withConfigHash(decorateStandaloneTaskManagerPod(cluster, standalone.taskManagerPodTemplate), hash),
    spec: recovery && {
      serviceName: name,
      // TaskManagers do not depend on each other's start: no need to start them one by one
      podManagementPolicy: 'Parallel',
      volumeClaimTemplates: [{
        metadata: { name: WORKING_DIR_VOLUME },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: recovery.storageClassName,
          resources: { requests: { storage: recovery.storage } },
        },
      }],
    },
  });
  return {
    jobManager: jobManagerDeployment(cluster, withConfigHash(decorateStandaloneJobManagerPod(cluster, cluster.jobManagerPodTemplate), hash)),
    internalService: internalService(cluster),
    restService: externalService(cluster),
    configMap: flinkConfConfigMap(cluster),
    taskManager,
    taskManagerService: recovery && {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: cluster.namespace, labels: commonLabels(cluster) },
      // the StatefulSet's governing Service: a stable DNS name per TaskManager pod
      spec: { clusterIP: 'None', selector: tmSelector, ports: [{ name: 'taskmanager-rpc', port: cluster.taskManager.rpcPort }] },
    },
    taskManagerAutoscaler: autoscaler(cluster, taskManager),
    jobManagerNetworkPolicy: policies.jobManager,
    taskManagerNetworkPolicy: policies.taskManager,
  };
}

/**
 * The reactive-mode autoscaler of Flink's elastic scaling documentation, on the TaskManagers' CPU. None while
 * suspended: `replicas: 0` alone then owns the count (the HPA controller would not scale a target at zero anyway,
 * `horizontal.go` "ScalingDisabled", but would report itself inactive).
 */
function autoscaler(cluster: ResolvedCluster, taskManager: Json): Json | undefined {
  const scaling = cluster.standalone!.autoscaling;
  if (scaling === undefined || cluster.suspended) return undefined;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: taskManager.metadata.name, namespace: cluster.namespace, labels: commonLabels(cluster) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: taskManager.kind, name: taskManager.metadata.name },
      minReplicas: scaling.minReplicas,
      maxReplicas: scaling.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: scaling.targetCpuUtilization } } }],
    },
  };
}
