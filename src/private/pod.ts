import { DeploymentMode } from '../deployment-mode';

/** A Kubernetes object or part of one, in its JSON (manifest) form. */
export type Json = Record<string, any>;

/**
 * A pod under construction, as Flink's `FlinkPod`: pod metadata and spec, with the main container held
 * apart until the end, where it is appended after any sidecars (`KubernetesJobManagerFactory`).
 */
export interface FlinkPod {
  readonly metadata: Json;
  /** the pod spec; `containers` holds the sidecars only */
  readonly spec: Json;
  readonly mainContainer: Json;
}

/** The main container's name, always overwritten by Flink (`Constants.MAIN_CONTAINER_NAME`). */
export const MAIN_CONTAINER_NAME = 'flink-main-container';

/** What names and labels a cluster's objects. */
export interface ClusterIdentity {
  readonly clusterId: string;
  readonly mode: DeploymentMode;
}

/**
 * The `type` label: Flink's for native clusters (`Constants.LABEL_TYPE_NATIVE_TYPE`), the Flink Kubernetes
 * operator's for standalone ones (`StandaloneKubernetesUtils`, standalone reference §7), so that tools that
 * know either find them.
 */
const TYPE_LABEL: Record<DeploymentMode, string> = {
  [DeploymentMode.NATIVE]: 'flink-native-kubernetes',
  [DeploymentMode.STANDALONE]: 'flink-standalone-kubernetes',
};

/** Every object's labels (`KubernetesUtils.getCommonLabels`): `app: <clusterId>`, unique per cluster. */
export function commonLabels(cluster: ClusterIdentity): Record<string, string> {
  return { type: TYPE_LABEL[cluster.mode], app: cluster.clusterId };
}

/** The JobManager pods' selector (`KubernetesUtils.getJobManagerSelectors`). */
export function jobManagerSelector(cluster: ClusterIdentity): Record<string, string> {
  return { ...commonLabels(cluster), component: 'jobmanager' };
}

/** The TaskManager pods' selector (`KubernetesUtils.getTaskManagerSelectors`). */
export function taskManagerSelector(cluster: ClusterIdentity): Record<string, string> {
  return { ...commonLabels(cluster), component: 'taskmanager' };
}

/** A cluster's two kinds of pods, by their `component` label. */
export type Component = 'jobmanager' | 'taskmanager';

/** The pods of `component`: Flink labels the TaskManager pods it creates the same way (`InitTaskManagerDecorator`). */
export function selectorOf(cluster: ClusterIdentity, component: Component): Record<string, string> {
  return component === 'jobmanager' ? jobManagerSelector(cluster) : taskManagerSelector(cluster);
}

export function emptyPod(): FlinkPod {
  return { metadata: {}, spec: { containers: [] }, mainContainer: { name: MAIN_CONTAINER_NAME } };
}

/** Appends volumes and main-container mounts and env, as Flink's decorators do (no de-duplication). */
export function appendToPod(pod: FlinkPod, add: {
  volumes?: Json[];
  volumeMounts?: Json[];
  env?: Json[];
}): FlinkPod {
  return {
    metadata: pod.metadata,
    spec: { ...pod.spec, volumes: nonEmpty([...(pod.spec.volumes ?? []), ...(add.volumes ?? [])]) },
    mainContainer: {
      ...pod.mainContainer,
      volumeMounts: nonEmpty([...(pod.mainContainer.volumeMounts ?? []), ...(add.volumeMounts ?? [])]),
      env: nonEmpty([...(pod.mainContainer.env ?? []), ...(add.env ?? [])]),
    },
  };
}

/**
 * A main container's resources as `KubernetesUtils.getResourceRequirements` sets them: cpu and memory requests
 * from the component's options, limits times the limit factors (`(int)(MiB × factor)`), every other resource of
 * the template kept.
 */
export function resourceRequirements(
  c: { readonly cpu: number; readonly cpuLimitFactor: number; readonly memoryMiB: number; readonly memoryLimitFactor: number },
  template: Json = {},
): Json {
  return {
    ...template,
    requests: { ...template.requests, cpu: javaDouble(c.cpu), memory: `${c.memoryMiB}Mi` },
    limits: { ...template.limits, cpu: javaDouble(c.cpu * c.cpuLimitFactor), memory: `${Math.trunc(c.memoryMiB * c.memoryLimitFactor)}Mi` },
  };
}

/** The pod with one more pod-template annotation, after those already on it. */
export function withAnnotation(pod: FlinkPod, key: string, value: string): FlinkPod {
  return { ...pod, metadata: { ...pod.metadata, annotations: { ...pod.metadata.annotations, [key]: value } } };
}

/** Omits empty maps and lists, which Flink's fabric8 objects do not serialize either. */
export function nonEmpty<T>(value: T[] | Record<string, T> | undefined): any {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value.length : Object.keys(value).length) > 0 ? value : undefined;
}

/**
 * `String.valueOf(double)` as Java prints it, for cpu quantities (`KubernetesUtils.getResourceRequirements`):
 * `1.0`, `0.5`, `0.30000000000000004`.
 */
export function javaDouble(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) return Number.isInteger(value) ? `${value}.0` : String(value);
  // outside [10^-3, 10^7) Java switches to computerized scientific notation: 5.0E-4, 1.0E7
  const [mantissa, exponent] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** The official images' `flink` user (`apache/flink-docker` `Dockerfile-ubuntu.template`). */
const FLINK_UID = 9999;

/**
 * The non-root pod fields of `runAsNonRoot`: Flink keeps `securityContext` from a pod template untouched
 * (reference §4.7), so they act as a template the JobManager and TaskManager pods start from. The main
 * container's context goes under every container of the pod (`withDefaults`).
 */
export function nonRootPod(): FlinkPod {
  return {
    metadata: {},
    spec: {
      containers: [],
      securityContext: {
        runAsNonRoot: true,
        runAsUser: FLINK_UID,
        runAsGroup: FLINK_UID,
        fsGroup: FLINK_UID,
        seccompProfile: { type: 'RuntimeDefault' },
      },
    },
    mainContainer: {
      name: MAIN_CONTAINER_NAME,
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  };
}
