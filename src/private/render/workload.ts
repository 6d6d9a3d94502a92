import { ResolvedCluster, ResolvedComponent } from '../model';
import { FlinkPod, jobManagerSelector, Json, nonEmpty } from '../pod';

/** A cluster's objects, as a renderer produces them for the construct to own. */
export interface ClusterObjects {
  /** the JobManager Deployment `<clusterId>` */
  readonly jobManager: Json;
  readonly internalService?: Json;
  readonly restService: Json;
  readonly configMap: Json;
  /** native: ConfigMap `pod-template-<clusterId>` */
  readonly podTemplateConfigMap?: Json;
  /** standalone: the TaskManagers' Deployment or StatefulSet `<clusterId>-taskmanager` */
  readonly taskManager?: Json;
  /** standalone with local recovery: the StatefulSet's headless Service */
  readonly taskManagerService?: Json;
  readonly taskManagerAutoscaler?: Json;
  /** the ingress NetworkPolicies `<clusterId>-jobmanager` and `<clusterId>-taskmanager`, when on */
  readonly jobManagerNetworkPolicy?: Json;
  readonly taskManagerNetworkPolicy?: Json;
}

/**
 * The JobManager Deployment's update strategy, ours. Kubernetes' default RollingUpdate (25 % surge, rounded up)
 * starts the new JobManager before the old one stops (job-lifecycle reference §10.2): without high availability
 * two JobManagers of one cluster would run at once, both behind the same Services and, in an application cluster,
 * both running the application's `main()`. A highly available application cluster is no better: its upgrade
 * init container would edit the HA data while the old leader still runs (Kubernetes HA), and a changed job gets a
 * ZooKeeper namespace of its own, where the new JobManager would lead at once, next to the old job (ZooKeeper HA).
 * So the old ones stop first. Only a highly available session cluster keeps the default: its new JobManager
 * waits as a standby until the old one gives up leadership, which shortens the handover.
 */
function jobManagerStrategy(cluster: ResolvedCluster): Json | undefined {
  return cluster.highAvailability && cluster.lifecycle === undefined ? undefined : { type: 'Recreate' };
}

/** The JobManager Deployment `<clusterId>` of either mode, around its decorated pod. */
export function jobManagerDeployment(cluster: ResolvedCluster, pod: FlinkPod): Json {
  const jm = cluster.jobManager;
  return workload('Deployment', {
    name: cluster.clusterId,
    namespace: cluster.namespace,
    component: jm,
    selector: jobManagerSelector(cluster),
    replicas: cluster.suspended ? 0 : jm.replicas,
    strategy: jobManagerStrategy(cluster),
    ownerReferences: jm.ownerReferences,
    pod,
  });
}

/** A pod's template in a workload: sidecars first, the main container last (`KubernetesJobManagerFactory`). */
export function podTemplateSpec(pod: FlinkPod): Json {
  return { metadata: pod.metadata, spec: { ...pod.spec, containers: [...pod.spec.containers, pod.mainContainer] } };
}

/**
 * A component's workload as `KubernetesJobManagerFactory.createJobManagerDeployment` builds the JobManager's:
 * labels from the component's option with the selector over them, its annotations, the selector.
 */
export function workload(kind: 'Deployment' | 'StatefulSet', c: {
  name: string;
  namespace: string;
  component: ResolvedComponent;
  selector: Record<string, string>;
  replicas?: number;
  strategy?: Json;
  ownerReferences?: Json[];
  pod: FlinkPod;
  spec?: Json;
}): Json {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: {
      name: c.name,
      namespace: c.namespace,
      labels: { ...c.component.labels, ...c.selector },
      annotations: nonEmpty(c.component.annotations),
      ownerReferences: nonEmpty(c.ownerReferences),
    },
    spec: {
      replicas: c.replicas,
      strategy: c.strategy,
      ...c.spec,
      selector: { matchLabels: c.selector },
      template: podTemplateSpec(c.pod),
    },
  };
}
