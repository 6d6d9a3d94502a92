import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DeploymentMode } from './deployment-mode';
import { FlinkVersion } from './flink-version';
import type { HighAvailability } from './high-availability';
import type { FlinkLoggingOptions } from './logging';
import type { PodMonitorOptions, PrometheusReporterOptions } from './metrics';
import type { FlinkPlugin } from './plugin';
import type { PodTemplate } from './pod-template';
import type { WorkloadIdentity } from './workload-identity';

/**
 * When Kubernetes pulls the Flink image (`kubernetes.container.image.pull-policy`).
 */
export enum ImagePullPolicy {
  /** Pull only if the image is not on the node. */
  IF_NOT_PRESENT = 'IfNotPresent',
  /** Always pull. */
  ALWAYS = 'Always',
  /** Never pull; the image must be on the node. */
  NEVER = 'Never',
}

/**
 * How the REST Service `<clusterId>-rest` is exposed (`kubernetes.rest-service.exposed.type`).
 *
 * Flink's mapping (`ServiceType.buildUpExternalRestService`): each value becomes the Service type of the
 * same name, except `HEADLESS_CLUSTER_IP`, which is `type: ClusterIP` with `clusterIP: None`.
 */
export enum RestServiceExposedType {
  /** A cluster-internal virtual IP (the default, and the safe choice). */
  CLUSTER_IP = 'ClusterIP',
  /** A port on every node, reachable from outside the cluster. */
  NODE_PORT = 'NodePort',
  /** A cloud load balancer, usually reachable from outside the cluster. */
  LOAD_BALANCER = 'LoadBalancer',
  /** A headless Service: DNS resolves to the JobManager pod IPs. */
  HEADLESS_CLUSTER_IP = 'Headless_ClusterIP',
}

/**
 * A PodDisruptionBudget (`policy/v1`) over a component's pods, which limits voluntary evictions such as
 * node drains. Unready pods can always be evicted (`unhealthyPodEvictionPolicy: AlwaysAllow`), so a
 * crash-looping pod never blocks a drain.
 *
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
export interface DisruptionBudgetOptions {
  /**
   * How many of the component's pods an eviction may leave unavailable at once; at least 1 (0 would block
   * every node drain) and fewer than the pods (or the budget never holds back an eviction).
   *
   * @default 1
   */
  readonly maxUnavailable?: number;
}

/**
 * A Kubernetes Pod Security Standards profile, as a namespace enforces it
 * (`pod-security.kubernetes.io/enforce: <profile>`).
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export enum PodSecurityStandard {
  /** Hardened pods: non-root, no privilege escalation, all capabilities dropped, a seccomp profile, core volume types only. */
  RESTRICTED = 'restricted',
  /** No known privilege escalation: no privileged containers, host namespaces, hostPath volumes or host ports. */
  BASELINE = 'baseline',
  /** Unrestricted. */
  PRIVILEGED = 'privileged',
}

/**
 * What the JobManager and the TaskManagers have in common.
 */
export interface FlinkComponentOptions {
  /**
   * The component's total process memory: the container's memory request, and the JVM's budget.
   *
   * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/memory/mem_setup/
   * @default - the distribution's default: 1600 MiB (`jobmanager.memory.process.size`) for the JobManager,
   * 1728 MiB (`taskmanager.memory.process.size`) for a TaskManager
   */
  readonly memory?: Size;

  /**
   * CPU cores requested for the component's container (`kubernetes.<component>.cpu.amount`;
   * `kubernetes.<component>.cpu` in 1.16).
   *
   * @default - 1 for the JobManager; the number of task slots for a TaskManager
   */
  readonly cpu?: number;

  /**
   * The CPU limit as a multiple of `cpu` (`kubernetes.<component>.cpu.limit-factor`), at least 1.
   *
   * @default 1
   */
  readonly cpuLimitFactor?: number;

  /**
   * The memory limit as a multiple of `memory` (`kubernetes.<component>.memory.limit-factor`), at least 1.
   *
   * @default 1
   */
  readonly memoryLimitFactor?: number;

  /**
   * Labels of the component's pods (`kubernetes.<component>.labels`). Flink's own `type`, `app` and
   * `component` labels win over these.
   *
   * @default - only Flink's labels
   */
  readonly labels?: { [key: string]: string };

  /**
   * Annotations of the component's pods (`kubernetes.<component>.annotations`).
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Node selector of the component's pods (`kubernetes.<component>.node-selector`).
   *
   * @default - any node
   */
  readonly nodeSelector?: { [key: string]: string };

  /**
   * Tolerations of the component's pods (`kubernetes.<component>.tolerations`).
   *
   * @default - none
   */
  readonly tolerations?: kplus.k8s.Toleration[];

  /**
   * Environment variables of the component's main container (`containerized.master.env.<NAME>` for the
   * JobManager, `containerized.taskmanager.env.<NAME>` for TaskManagers). Names Flink sets itself
   * (`_POD_IP_ADDRESS`, `_POD_NODE_ID`, `FLINK_TM_JVM_MEM_OPTS`, …) are errors.
   *
   * @default - none
   */
  readonly env?: { [name: string]: string };

  /**
   * Arguments appended to the component's start command (`kubernetes.<component>.entrypoint.args`),
   * e.g. `-Dkey=value` dynamic properties.
   *
   * @default - none
   */
  readonly entrypointArgs?: string;

  /**
   * The pod template of this component's pods (`kubernetes.pod-template-file.<component>`), in place of
   * the cluster's `podTemplate`.
   *
   * @default - the cluster's `podTemplate`
   */
  readonly podTemplate?: PodTemplate;

  /**
   * Annotations of the service account the cluster creates for the component (`<clusterId>-jobmanager` or
   * `<clusterId>-taskmanager`), e.g. a cloud identity (see also `workloadIdentity`). An error with a
   * service account you bring: annotate that one yourself.
   *
   * @default - none
   */
  readonly serviceAccountAnnotations?: { [key: string]: string };

  /**
   * Labels of the service account the cluster creates for the component, besides its `type` and `app`
   * labels. An error with a service account you bring.
   *
   * @default - the cluster's `type` and `app` labels only
   */
  readonly serviceAccountLabels?: { [key: string]: string };

  /**
   * A PodDisruptionBudget `<clusterId>-jobmanager` or `<clusterId>-taskmanager` over the component's pods.
   * JobManagers: only with high availability and standby JobManagers (`replicas` ≥ 2) — a budget over a
   * single JobManager would either block every node drain or hold back nothing. TaskManagers: standalone
   * mode only (native TaskManager pods are the JobManager's to create and replace).
   *
   * @default - no budget
   */
  readonly disruptionBudget?: DisruptionBudgetOptions;
}

/**
 * The JobManager.
 */
export interface JobManagerOptions extends FlinkComponentOptions {
  /**
   * The number of JobManager pods (`kubernetes.jobmanager.replicas`). More than one means standby
   * JobManagers, which Flink only allows with high availability. To stop the cluster, use `suspended`.
   *
   * @default 1
   */
  readonly replicas?: number;

  /**
   * Owners of the JobManager Deployment (`kubernetes.jobmanager.owner.reference`), e.g. a custom resource
   * whose deletion should delete the cluster.
   *
   * @default - none
   */
  readonly ownerReferences?: kplus.k8s.OwnerReference[];
}

/**
 * A HorizontalPodAutoscaler for standalone TaskManagers, which Flink's reactive mode follows.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/elastic_scaling/#reactive-mode
 */
export interface TaskManagerAutoscalingOptions {
  /**
   * The fewest TaskManagers.
   *
   * @default 1
   */
  readonly minReplicas?: number;

  /** The most TaskManagers. */
  readonly maxReplicas: number;

  /**
   * The average CPU utilization of the TaskManagers, in percent of their CPU request (`taskManager.cpu`),
   * that the autoscaler aims for. Flink's documentation names no value; the default is Kubernetes' own for
   * a CPU autoscaler (`kubectl autoscale`).
   *
   * @default 80
   */
  readonly targetCpuUtilization?: number;
}

/**
 * Local recovery on persistent volumes: each standalone TaskManager keeps a copy of its state on its own
 * volume and restores from it after a restart, instead of downloading it from the checkpoint storage.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/standalone/kubernetes/#local-recovery-enabled-taskmanager-statefulset
 */
export interface TaskManagerLocalRecoveryOptions {
  /** The size of each TaskManager's volume (its working directory). */
  readonly storage: Size;

  /**
   * The StorageClass of the volumes.
   *
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
}

/**
 * The TaskManagers: in native mode the JobManager creates them at runtime from the shipped configuration;
 * in standalone mode they are a Deployment (or, with local recovery, a StatefulSet).
 */
export interface TaskManagerOptions extends FlinkComponentOptions {
  /**
   * The number of TaskManagers, in standalone mode. In native mode the JobManager decides how many it
   * needs, so this is an error there.
   *
   * @default 1
   */
  readonly replicas?: number;

  /**
   * Scale the standalone TaskManagers with a HorizontalPodAutoscaler (`autoscaling/v2`, on CPU
   * utilization). Only for standalone application clusters in reactive mode (`job.reactiveMode`), the
   * only jobs that use TaskManagers as they come and go.
   *
   * @default - a fixed number of TaskManagers (`replicas`)
   */
  readonly autoscaling?: TaskManagerAutoscalingOptions;

  /**
   * Local recovery (standalone mode): the TaskManagers become a StatefulSet with a persistent volume per
   * pod as their working directory (`process.taskmanager.working-dir`), each with a stable
   * `taskmanager.resource-id`, and local recovery on.
   *
   * @default - no local recovery; TaskManagers restore state from the checkpoint storage
   */
  readonly localRecovery?: TaskManagerLocalRecoveryOptions;

  /**
   * Task slots per TaskManager (`taskmanager.numberOfTaskSlots`).
   *
   * @default 1
   */
  readonly taskSlots?: number;

  /**
   * The service account TaskManager pods run as (`kubernetes.taskmanager.service-account`).
   *
   * @default - a ServiceAccount `<clusterId>-taskmanager` with no API rights and no mounted token
   * (with Kubernetes high availability: read-only access to ConfigMaps, which leader retrieval needs)
   */
  readonly serviceAccount?: kplus.IServiceAccount;

  /**
   * How long an idle TaskManager is kept before the JobManager releases it
   * (`resourcemanager.taskmanager-timeout`), e.g. to read its logs after a job finished.
   *
   * @default - Flink's default, 30 seconds
   */
  readonly idleTimeout?: Duration;
}

/**
 * The REST Service `<clusterId>-rest`, which serves the web UI and the REST API.
 */
export interface RestServiceOptions {
  /**
   * How the Service is exposed (`kubernetes.rest-service.exposed.type`).
   *
   * @default RestServiceExposedType.CLUSTER_IP
   */
  readonly exposedType?: RestServiceExposedType;

  /**
   * Annotations of the Service (`kubernetes.rest-service.annotations`).
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Labels of the Service (`kubernetes.rest-service.labels`, Flink 2.2+); they win over Flink's on the
   * same key.
   *
   * @default - Flink's labels only
   */
  readonly labels?: { [key: string]: string };

  /**
   * The client address ranges a `LoadBalancer` Service accepts (`spec.loadBalancerSourceRanges`), e.g.
   * `['10.0.0.0/8']`. The REST API runs any jar it is given, so a load balancer needs these or
   * `allowExternalAccess`.
   *
   * @default - none
   */
  readonly loadBalancerSourceRanges?: string[];

  /**
   * Acknowledges that a `NodePort` or `LoadBalancer` Service exposes the REST API — which accepts and runs
   * arbitrary jobs — beyond the cluster, without source ranges.
   *
   * @default false
   */
  readonly allowExternalAccess?: boolean;
}

/**
 * A Secret mounted as files into the JobManager and TaskManager pods (`kubernetes.secrets`).
 */
export interface SecretMount {
  /** The Secret; it becomes volume `<name>-volume`. */
  readonly secret: kplus.ISecret;
  /** Where its keys appear as files. */
  readonly mountPath: string;
}

/**
 * An environment variable of the JobManager and TaskManagers taken from a Secret's key
 * (`kubernetes.env.secretKeyRef`).
 */
export interface SecretEnvVar {
  /** The variable's name. */
  readonly name: string;
  /** The Secret. */
  readonly secret: kplus.ISecret;
  /** The key in the Secret. */
  readonly key: string;
}

/**
 * Flink's optional Kubernetes decorators (Flink 1.17+, FLINK-30713).
 */
export interface KubernetesDecoratorOptions {
  /**
   * Whether the Hadoop configuration is mounted (`kubernetes.decorator.hadoop-conf-mount.enabled`). When
   * on, and the JobManager has `HADOOP_CONF_DIR` set (by `hadoopConfigMap` or the image), TaskManagers mount
   * ConfigMap `hadoop-config-<clusterId>`, which must then exist.
   *
   * @default true
   */
  readonly hadoopConfMount?: boolean;

  /**
   * Whether Kerberos keytab and krb5.conf are mounted (`kubernetes.decorator.kerberos-mount.enabled`).
   * They come from files on the deploying machine, so with Kerberos options this must be `false`.
   *
   * @default true
   */
  readonly kerberosMount?: boolean;
}

/**
 * Tuning of the Fabric8 Kubernetes client the JobManager uses.
 */
export interface KubernetesClientOptions {
  /**
   * The client's limit of concurrent requests (`KUBERNETES_MAX_CONCURRENT_REQUESTS` and
   * `-Dkubernetes.max.concurrent.requests` in `env.java.opts.jobmanager`, as Flink's documentation sets
   * them), for clusters that create many TaskManagers at once.
   *
   * @default - Fabric8's default, 64
   */
  readonly maxConcurrentRequests?: number;
}

/**
 * The cluster's ingress NetworkPolicies (`networking.k8s.io/v1`), built from the ports the cluster really
 * uses: each of Flink's ports is open only to the pods that connect to it, the REST port to the peers named
 * here. Egress is left alone. NetworkPolicies add up, so a port they close can be opened by another
 * NetworkPolicy of yours that selects the same pods.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export interface FlinkNetworkPolicyOptions {
  /**
   * Whether the NetworkPolicies `<clusterId>-jobmanager` and `<clusterId>-taskmanager` are created. With
   * them, the ports Flink otherwise picks at random are pinned: `taskmanager.data.port` to 6121 and
   * `metrics.internal.query-service.port` to 6126, unless set.
   *
   * @default - true, except with host networking (`hostNetwork`), whose pods no NetworkPolicy applies to
   */
  readonly enabled?: boolean;

  /**
   * Who may reach the REST API and web UI (the JobManager's `rest.bind-port`), e.g. an ingress
   * controller's namespace, `{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }`,
   * or a CI namespace. An empty list lets no pod in (`kubectl port-forward` still works: NetworkPolicies do
   * not apply to connections from the pod's own node).
   *
   * @default - every pod in the cluster's namespace; with a `NodePort` or `LoadBalancer` REST Service, every
   * source, as the Service (and its `loadBalancerSourceRanges`) already decides who reaches it
   */
  readonly restPeers?: kplus.k8s.NetworkPolicyPeer[];

  /**
   * Who may scrape the Prometheus reporter's port (`prometheus`) on the JobManagers and TaskManagers, e.g.
   * Prometheus' namespace, `{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }`.
   * Only with `prometheus` (or the reporter's keys in `flinkConfiguration`).
   *
   * @default - every source: the endpoint only serves metrics, and Prometheus runs wherever the cluster's
   * monitoring lives; name it here to narrow the rule
   */
  readonly metricsPeers?: kplus.k8s.NetworkPolicyPeer[];
}

/**
 * What every Flink cluster construct accepts.
 */
export interface FlinkClusterProps {
  /**
   * The Flink version: the configuration file format, the option names and the default image follow it.
   */
  readonly version: FlinkVersion;

  /**
   * How Flink runs on Kubernetes: natively, creating its TaskManager pods itself, or standalone, as
   * ordinary workloads.
   *
   * @default DeploymentMode.NATIVE
   */
  readonly mode?: DeploymentMode;

  /**
   * The cluster id (`kubernetes.cluster-id`): the JobManager Deployment's name and the root of every
   * name Flink derives (`<clusterId>-rest`, `flink-config-<clusterId>`, TaskManager pods …).
   * Lowercase letters, digits and '-', starting with a letter, at most 45 characters. Required with high
   * availability, whose state is kept under the cluster id: a derived one changes when the construct moves.
   *
   * @default - derived from the construct path
   */
  readonly clusterId?: string;

  /**
   * The Flink image, for the JobManager and, through `kubernetes.container.image.ref`, the TaskManagers.
   *
   * @default - `version.defaultImage`, the official image of that exact Flink release
   */
  readonly image?: string;

  /**
   * When the image is pulled (`kubernetes.container.image.pull-policy`).
   *
   * @default ImagePullPolicy.IF_NOT_PRESENT
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * Secrets for pulling the image (`kubernetes.container.image.pull-secrets`).
   *
   * @default - none
   */
  readonly imagePullSecrets?: kplus.ISecret[];

  /**
   * The namespace of every object, and `kubernetes.namespace`, where the JobManager creates TaskManagers.
   *
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * The JobManager.
   *
   * @default - one JobManager with the distribution's memory and 1 CPU
   */
  readonly jobManager?: JobManagerOptions;

  /**
   * Stops the cluster and keeps what resuming needs: the JobManager Deployment (and in standalone mode the
   * TaskManagers) at zero replicas, without the TaskManagers' autoscaler; ConfigMaps, Services, RBAC, pod templates,
   * and Flink's high-availability data and checkpoints stay. Set it back to `false` to resume: with high
   * availability the job continues from its latest checkpoint. Without high availability nothing keeps the job's
   * state, so an application cluster must declare what resuming means (`job.upgradeMode: UpgradeMode.STATELESS`,
   * or a `job.savepoint` taken before suspending).
   *
   * @default false
   */
  readonly suspended?: boolean;

  /**
   * The TaskManagers.
   *
   * @default - TaskManagers with the distribution's memory and one slot
   */
  readonly taskManager?: TaskManagerOptions;

  /**
   * The REST Service.
   *
   * @default - a ClusterIP Service
   */
  readonly restService?: RestServiceOptions;

  /**
   * Any Flink option, as `-Dkey=value` on Flink's command line: every option the native Kubernetes
   * integration reads shapes the emitted objects exactly as Flink's client would. Setting an option here
   * that a typed prop also sets is an error.
   *
   * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/
   * @default - the distribution's defaults
   */
  readonly flinkConfiguration?: { [key: string]: string };

  /**
   * The service account the JobManager runs as (`kubernetes.jobmanager.service-account`). When given, no
   * RBAC is created for it: bind it with `RbacBinding`.
   *
   * @default - a ServiceAccount `<clusterId>-jobmanager`, bound by a namespaced Role to exactly what the
   * JobManager needs
   */
  readonly serviceAccount?: kplus.IServiceAccount;

  /**
   * High availability, which standby JobManagers need. It needs an explicit `clusterId`.
   *
   * @default - none
   */
  readonly highAvailability?: HighAvailability;

  /**
   * Secrets mounted as files into the JobManager and TaskManagers (`kubernetes.secrets`).
   *
   * @default - none
   */
  readonly secrets?: SecretMount[];

  /**
   * Environment variables of the JobManager and TaskManagers taken from Secrets (`kubernetes.env.secretKeyRef`).
   *
   * @default - none
   */
  readonly secretEnv?: SecretEnvVar[];

  /**
   * Plugins the official image ships in `/opt/flink/opt`, enabled in the JobManager and TaskManagers
   * (`ENABLE_BUILT_IN_PLUGINS`): the file systems, by the exact jar of this Flink version. Metric reporters
   * are active in every image already (see `prometheus`). An official image (`apache/flink`, `flink`, also
   * through a registry mirror) whose tag names another release is an error; an image of your own is not judged
   * by its tag.
   *
   * @default - none
   */
  readonly plugins?: FlinkPlugin[];

  /**
   * Log levels and reload interval of the shipped log configuration.
   *
   * @default - INFO, reloaded every 30 seconds
   */
  readonly logging?: FlinkLoggingOptions;

  /**
   * Run the pods in the node's network namespace (`kubernetes.hostnetwork.enabled`); Flink then picks
   * random ports and updates its Services, for which the JobManager gets `services get, update`.
   *
   * @default false
   */
  readonly hostNetwork?: boolean;

  /**
   * The API server enforces `OwnerReferencesPermissionEnforcement` (OpenShift does): the JobManager then
   * also gets `update` on `apps/deployments/finalizers`. TaskManager pods are owned by the JobManager
   * Deployment with `blockOwnerDeletion: true`, which that admission plugin allows only to accounts that
   * may update the owner's finalizers; without that right no TaskManager pod can be created.
   *
   * @default false
   */
  readonly ownerReferencesPermissionEnforcement?: boolean;

  /**
   * An existing ConfigMap with `core-site.xml`/`hdfs-site.xml`, mounted at `/opt/hadoop/conf` with
   * `HADOOP_CONF_DIR` set (`kubernetes.hadoop.conf.config-map.name`). In native mode a JobManager whose env
   * sets `HADOOP_CONF_DIR` or `HADOOP_HOME` needs it (or `decorators.hadoopConfMount: false`): it would
   * otherwise mount a ConfigMap `hadoop-config-<clusterId>` into TaskManagers that nothing creates.
   *
   * @default - none
   */
  readonly hadoopConfigMap?: kplus.IConfigMap;

  /**
   * Flink's optional decorators (1.17+).
   *
   * @default - both on, as in Flink
   */
  readonly decorators?: KubernetesDecoratorOptions;

  /**
   * Tuning of the JobManager's Kubernetes client.
   *
   * @default - Fabric8's defaults
   */
  readonly kubernetesClient?: KubernetesClientOptions;

  /**
   * The pod template of the JobManager and TaskManager pods (`kubernetes.pod-template-file.default`):
   * Flink's decorators apply on top of it, by Flink's rules (see README). The JobManager's is applied at
   * synth into its Deployment; the TaskManagers' is shipped in ConfigMap `pod-template-<clusterId>`,
   * where the JobManager reads it when it creates TaskManagers.
   *
   * @default - none
   */
  readonly podTemplate?: PodTemplate;

  /**
   * Replaces the content of log configuration files shipped in `flink-config-<clusterId>`, by file name
   * (one of `version.logConfigFileNames`, e.g. `log4j-console.properties`).
   *
   * @default - this library's files, which log like Flink's defaults: to the console and to a rolling
   * file in `/opt/flink/log`
   */
  readonly logConfigFiles?: { [fileName: string]: string };

  /**
   * The ingress NetworkPolicies of the JobManager and TaskManager pods.
   *
   * @default - on: TaskManagers reach the JobManager's RPC and blob ports, the JobManager the TaskManagers'
   * RPC and metric query ports, TaskManagers each other's data port, and pods of the namespace the REST port
   */
  readonly networkPolicy?: FlinkNetworkPolicyOptions;

  /**
   * Run the JobManager and TaskManager pods as the official images' non-root `flink` user (uid and gid
   * 9999), without privilege escalation, without Linux capabilities and with the runtime's default seccomp
   * profile (the Pod Security Standards' `restricted` profile). The official images start as root only to
   * step down to that user (`docker-entrypoint.sh`), so Flink itself runs the same either way. The
   * JobManager gets it in its Deployment; TaskManagers through a pod template shipped in ConfigMap
   * `pod-template-<clusterId>`, as `kubernetes.pod-template-file.taskmanager` does.
   *
   * Sidecars and init containers of pod templates get the same container defaults (no privilege escalation,
   * capabilities dropped) under their own security context.
   *
   * Set `false` for an image whose Flink user is not uid 9999.
   *
   * @default true
   */
  readonly runAsNonRoot?: boolean;

  /**
   * Flink's Prometheus reporter on the JobManager and every TaskManager, with its port declared on their
   * main containers as `metrics` (native TaskManagers get it through the pod template shipped in
   * `pod-template-<clusterId>`). The same `metrics.reporter.<name>.*` keys in `flinkConfiguration` do the
   * same; other reporters are configured there.
   *
   * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/metric_reporters/#prometheus
   * @default - no Prometheus reporter, unless `flinkConfiguration` configures one
   */
  readonly prometheus?: PrometheusReporterOptions;

  /**
   * A PodMonitor `<clusterId>` (`monitoring.coreos.com/v1`) that scrapes the Prometheus reporter of every
   * JobManager and TaskManager pod of the cluster; needs the Prometheus operator's CRDs and a Prometheus
   * reporter (`prometheus`, or its keys in `flinkConfiguration`).
   *
   * @default - no PodMonitor
   */
  readonly podMonitor?: PodMonitorOptions;

  /**
   * A cloud identity for the JobManager and TaskManager pods, through the service accounts the cluster
   * creates: EKS IRSA, GKE Workload Identity Federation or Microsoft Entra Workload ID. An error with a
   * service account you bring (`serviceAccount`, `taskManager.serviceAccount`): annotate that one yourself.
   *
   * @default - the pods' cloud identity is the node's
   */
  readonly workloadIdentity?: WorkloadIdentity;

  /**
   * The Pod Security Standards profile the JobManager and TaskManager pods must meet, as the namespace
   * enforces it: a pod template (or host networking) that breaks it is an error at synth, where Kubernetes
   * would otherwise reject the pods — native TaskManager pods only when the JobManager creates them, visible
   * in its log alone. Lower it for pods that need more, e.g. a privileged sidecar or a hostPath volume
   * (`PRIVILEGED`), and only where the namespace allows it.
   *
   * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
   * @default - `PodSecurityStandard.RESTRICTED`; `PodSecurityStandard.BASELINE` with `runAsNonRoot: false`,
   * whose pods may run as root
   */
  readonly podSecurity?: PodSecurityStandard;

  /**
   * Accept credentials written in plain text into the synthesized manifests: the ConfigMap
   * `flink-config-<clusterId>`, and for environment variables and program arguments the pod specs. Without it,
   * a credential in `flinkConfiguration` (`s3.secret-key`, `fs.azure.account.key.*`,
   * `security.ssl.*-password`, a reporter's password …), in `env`, `entrypointArgs`, `job.args`,
   * `job.artifactHttpHeaders`, a pod template's environment values, or in a URL with a password or a
   * signature is an error that names the
   * Secret-backed way instead: `secretEnv` with the variables the file system reads by itself, `secrets` as
   * files, or workload identity.
   *
   * @default false
   */
  readonly allowCredentialsInConfigMap?: boolean;
}

