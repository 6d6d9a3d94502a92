import { FlinkConfig } from './config';
import { FlinkPod, Json } from './pod';
import { RestServiceExposedType } from '../cluster-options';
import { DeploymentMode } from '../deployment-mode';
import { FlinkVersion } from '../flink-version';
import type { UpgradeMode } from '../job-options';

/**
 * The resolved cluster: the one immutable result of a cluster's props that every renderer reads. Types only,
 * so that the resolver, the renderers and the decorators depend on it and not on each other.
 */

/** Session or application mode: `execution.target` (native) and the JobManager entrypoint follow it. */
export enum DeploymentTarget {
  SESSION = 'kubernetes-session',
  APPLICATION = 'kubernetes-application',
}

export interface ResolvedToleration {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
  readonly tolerationSeconds?: number;
}

export interface ResolvedOwnerReference {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly uid?: string;
  readonly controller?: boolean;
  readonly blockOwnerDeletion?: boolean;
}

export interface ResolvedSecretKeyRef {
  readonly env: string;
  readonly secret: string;
  readonly key: string;
}

/** What the JobManager and the TaskManagers have in common, as Flink's `Kubernetes*Parameters` see it. */
export interface ResolvedComponent {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly nodeSelector: Record<string, string>;
  readonly tolerations: ResolvedToleration[];
  readonly cpu: number;
  readonly cpuLimitFactor: number;
  readonly memoryMiB: number;
  readonly memoryLimitFactor: number;
  /** `containerized.master.env.*` or `containerized.taskmanager.env.*`, sorted by name */
  readonly env: Array<[string, string]>;
  /** the service account name */
  readonly serviceAccount: string;
}

/** The JobManager as Flink's `KubernetesJobManagerParameters` sees it. */
export interface ResolvedJobManager extends ResolvedComponent {
  readonly ownerReferences: ResolvedOwnerReference[];
  readonly replicas: number;
  readonly entrypointArgs: string;
}

/** The TaskManagers as `KubernetesTaskManagerParameters` (native, at runtime) or we (standalone) size them. */
export interface ResolvedTaskManager extends ResolvedComponent {
  /** `taskmanager.rpc.port` */
  readonly rpcPort: number;
}

/** A HorizontalPodAutoscaler for standalone TaskManagers. */
export interface ResolvedAutoscaling {
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly targetCpuUtilization: number;
}

/** Standalone TaskManagers with local recovery: a StatefulSet with a volume per pod. */
export interface ResolvedLocalRecovery {
  /** a Kubernetes quantity, e.g. `50Gi` */
  readonly storage: string;
  readonly storageClassName?: string;
  /** where the volume is mounted: `process.taskmanager.working-dir` */
  readonly workingDir: string;
}

/** What only standalone mode has: the workloads' sizes and the processes' command lines. */
export interface ResolvedStandalone {
  /** TaskManager replicas; undefined when an autoscaler owns the count */
  readonly taskManagerReplicas?: number;
  readonly autoscaling?: ResolvedAutoscaling;
  readonly localRecovery?: ResolvedLocalRecovery;
  /** the JobManager container's args after the entrypoint: `jobmanager …` or `standalone-job …` */
  readonly jobManagerArgs: string[];
  /** the TaskManager container's args after the entrypoint: `taskmanager …` */
  readonly taskManagerArgs: string[];
  /** the pod TaskManagers start from: their template with the cluster's defaults under it */
  readonly taskManagerPodTemplate: FlinkPod;
}

/** A PodMonitor over the cluster's pods. */
export interface ResolvedPodMonitor {
  /** the PodMonitor's own labels besides the cluster's, for the Prometheus resource's selector */
  readonly labels: Record<string, string>;
  /** a Prometheus duration, e.g. `30s` */
  readonly interval?: string;
}

/** PodDisruptionBudgets over a component's pods: `maxUnavailable` of each, if any. */
export interface ResolvedDisruptionBudgets {
  readonly jobManager?: number;
  readonly taskManager?: number;
}

/** What a service account we create carries besides the cluster's common labels. */
export interface ResolvedServiceAccountMetadata {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
}

/**
 * The ingress NetworkPolicies' facts: the port each Flink process listens on (its bind port where one is
 * set), each a single fixed port, and who may reach the REST port.
 */
export interface ResolvedNetworkPolicy {
  /** the JobManager's RPC service: `high-availability.jobmanager.port` with ZooKeeper HA, else `jobmanager.rpc.port` */
  readonly jobManagerRpcPort: number;
  /** `blob.server.port` */
  readonly blobPort: number;
  /** `rest.bind-port`, falling back to `rest.port` */
  readonly restPort: number;
  /** `taskmanager.rpc.port` */
  readonly taskManagerRpcPort: number;
  /** `taskmanager.data.port` */
  readonly dataPort: number;
  /** `metrics.internal.query-service.port`, of the JobManagers and the TaskManagers alike */
  readonly queryServicePort: number;
  /** NetworkPolicyPeers (manifest form) that may reach the REST port; undefined: every source; empty: none */
  readonly restPeers?: Json[];
  /** whether the user named the REST port's peers (else the namespace's pods, or every source) */
  readonly restPeersGiven: boolean;
  /** NetworkPolicyPeers (manifest form) that may reach the metrics port (the cluster's `metricsPort`); undefined: every source; empty: none */
  readonly metricsPeers?: Json[];
}

/**
 * Kubernetes high availability: the JobManager's `flink-job-upgrade` init container, which makes a changed job
 * take effect before Flink starts (`job-upgrade-script.ts`).
 */
export interface ResolvedJobUpgrade {
  /** the script */
  readonly script: string;
  /** ConfigMap `<clusterId>-job-upgrade`, where the script records the job hash of each start */
  readonly recordName: string;
}

/** An application cluster's job, as the rollout of a changed job needs it (job-lifecycle reference §10). */
export interface ResolvedLifecycle {
  /** a hash of every job-level input: the JobManager pod-template annotation, which rolls it when the job changes */
  readonly jobHash: string;
  readonly upgradeMode?: UpgradeMode;
  /** the job id when it is fixed (high availability) */
  readonly jobId?: string;
  /** Kubernetes high availability */
  readonly upgrade?: ResolvedJobUpgrade;
}

/** The immutable result of resolving a cluster's props: everything the renderers need. */
export interface ResolvedCluster {
  readonly mode: DeploymentMode;
  readonly version: FlinkVersion;
  readonly target: DeploymentTarget;
  readonly clusterId: string;
  readonly namespace: string;
  readonly config: FlinkConfig;
  /** log configuration files shipped before the configuration file, in Flink's order */
  readonly logFiles: Array<[string, string]>;
  /** the log files that are this library's, which re-read themselves (not the user's `logConfigFiles`) */
  readonly reloadingLogFiles: ReadonlySet<string>;
  readonly highAvailability: boolean;
  /**
   * whether the JobManager deletes its own Deployment when it shuts down: a session cluster on an explicit
   * stop, an application cluster when the application finishes, if `execution.shutdown-on-application-finish`
   */
  readonly deletesOwnDeployment: boolean;
  /** `high-availability.type: kubernetes` (or its factory class): HA state lives in ConfigMaps */
  readonly kubernetesHighAvailability: boolean;
  readonly hostNetwork: boolean;
  /** the JobManager needs `update` on its Deployment's finalizers to own TaskManager pods (OpenShift) */
  readonly ownerReferencesPermissionEnforcement: boolean;
  readonly image: string;
  readonly imagePullPolicy: string;
  readonly imagePullSecrets: string[];
  readonly entryPath: string;
  readonly confDir: string;
  readonly logDir?: string;
  readonly restPort: number;
  readonly restBindPort: number;
  readonly rpcPort: number;
  readonly blobPort: number;
  readonly restServiceType: RestServiceExposedType;
  readonly restServiceAnnotations: Record<string, string>;
  /** `spec.loadBalancerSourceRanges` of a LoadBalancer REST Service (ours, not Flink's) */
  readonly restServiceSourceRanges?: string[];
  readonly restServiceLabels: Record<string, string>;
  readonly internalServiceAnnotations: Record<string, string>;
  readonly internalServiceLabels: Record<string, string>;
  readonly secrets: Array<[string, string]>;
  readonly envSecretKeyRefs: ResolvedSecretKeyRef[];
  readonly hadoopConfigMap?: string;
  readonly userArtifactsDir?: string;
  readonly jobManager: ResolvedJobManager;
  /** the pod the JobManager decorators start from, as Flink starts from `kubernetes.pod-template-file.jobmanager` */
  readonly jobManagerPodTemplate: FlinkPod;
  readonly taskManager: ResolvedTaskManager;
  /** native: the TaskManager pod template file shipped in `pod-template-<clusterId>`, if any */
  readonly taskManagerPodTemplate?: string;
  /** whether the JobManager's service account is ours to create and bind */
  readonly createJobManagerServiceAccount: boolean;
  /** whether the TaskManagers' service account is ours to create */
  readonly createTaskManagerServiceAccount: boolean;
  /** labels and annotations of the service accounts we create (cloud identities) */
  readonly serviceAccountMetadata: { readonly jobManager: ResolvedServiceAccountMetadata; readonly taskManager: ResolvedServiceAccountMetadata };
  /**
   * the Prometheus reporter's port, declared as `metrics` on every JobManager and TaskManager main container;
   * undefined without a Prometheus reporter or with host networking (where Flink declares no ports)
   */
  readonly metricsPort?: number;
  readonly podMonitor?: ResolvedPodMonitor;
  readonly disruptionBudgets: ResolvedDisruptionBudgets;
  /** standalone mode only */
  readonly standalone?: ResolvedStandalone;
  /** the ingress NetworkPolicies, when on */
  readonly networkPolicy?: ResolvedNetworkPolicy;
  /** JobManagers (and standalone TaskManagers) at zero replicas, no autoscaler */
  readonly suspended: boolean;
  /** application clusters only */
  readonly lifecycle?: ResolvedLifecycle;
}
