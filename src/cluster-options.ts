import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DeploymentMode } from './deployment-mode';
import { FlinkVersion } from './flink-version';
import type { HighAvailability } from './high-availability';
import type { FlinkLoggingOptions } from './logging';
import type { FlinkPlugin } from './plugin';
import type { PodTemplate } from './pod-template';

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
   * Lowercase letters, digits and '-', starting with a letter, at most 45 characters.
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
   * High availability, which standby JobManagers need.
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
   * are active in every image already. An image whose tag names another release is an error.
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
   * `HADOOP_CONF_DIR` set (`kubernetes.hadoop.conf.config-map.name`).
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
   * Run the JobManager and TaskManager pods as the official images' non-root `flink` user (uid and gid
   * 9999), without privilege escalation, without Linux capabilities and with the runtime's default seccomp
   * profile (the Pod Security Standards' `restricted` profile). The official images start as root only to
   * step down to that user (`docker-entrypoint.sh`), so Flink itself runs the same either way. The
   * JobManager gets it in its Deployment; TaskManagers through a pod template shipped in ConfigMap
   * `pod-template-<clusterId>`, as `kubernetes.pod-template-file.taskmanager` does.
   *
   * Set `false` for an image whose Flink user is not uid 9999.
   *
   * @default true
   */
  readonly runAsNonRoot?: boolean;
}

