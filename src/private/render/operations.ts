import { callsKubernetesApi } from '../decorators/service-account-token-decorator';
import { METRICS_PORT_NAME } from '../metrics';
import { ResolvedCluster } from '../model';
import { commonLabels, jobManagerSelector, Json, nonEmpty, taskManagerSelector } from '../pod';

/**
 * What a cluster adds for running it, in both modes and not Flink's: its service accounts, the PodMonitor
 * and the PodDisruptionBudgets.
 */
export interface OperationsObjects {
  readonly jobManagerServiceAccount?: Json;
  readonly taskManagerServiceAccount?: Json;
  readonly podMonitor?: Json;
  readonly jobManagerDisruptionBudget?: Json;
  readonly taskManagerDisruptionBudget?: Json;
}

export function renderOperations(cluster: ResolvedCluster): OperationsObjects {
  const budgets = cluster.disruptionBudgets;
  return {
    // no token where the API is not called (cloud identities bring their own projected tokens); the pods say
    // the same, and their own field wins over the account's
    jobManagerServiceAccount: cluster.createJobManagerServiceAccount
      ? serviceAccount(cluster, 'jobManager', cluster.jobManager.serviceAccount, callsKubernetesApi(cluster, 'jobmanager'))
      : undefined,
    taskManagerServiceAccount: cluster.createTaskManagerServiceAccount
      ? serviceAccount(cluster, 'taskManager', cluster.taskManager.serviceAccount, callsKubernetesApi(cluster, 'taskmanager'))
      : undefined,
    podMonitor: podMonitor(cluster),
    jobManagerDisruptionBudget: budgets.jobManager === undefined ? undefined
      : disruptionBudget(cluster, `${cluster.clusterId}-jobmanager`, jobManagerSelector(cluster), budgets.jobManager),
    taskManagerDisruptionBudget: budgets.taskManager === undefined ? undefined
      : disruptionBudget(cluster, `${cluster.clusterId}-taskmanager`, taskManagerSelector(cluster), budgets.taskManager),
  };
}

function serviceAccount(cluster: ResolvedCluster, component: 'jobManager' | 'taskManager', name: string, automountToken: boolean): Json {
  const metadata = cluster.serviceAccountMetadata[component];
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name,
      namespace: cluster.namespace,
      labels: { ...metadata.labels, ...commonLabels(cluster) },
      annotations: nonEmpty(metadata.annotations),
    },
    automountServiceAccountToken: automountToken,
  };
}

/**
 * The PodMonitor `<clusterId>`: the `metrics` port of every pod labelled `type` and `app` like the cluster's,
 * the JobManagers and the TaskManagers (native ones carry the labels the JobManager gives them,
 * `KubernetesTaskManagerParameters.getLabels`), at the path the reporter's HTTP server serves
 * (`simpleclient_httpserver`: `/metrics`).
 */
function podMonitor(cluster: ResolvedCluster): Json | undefined {
  const monitor = cluster.podMonitor;
  if (monitor === undefined) return undefined;
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: { name: cluster.clusterId, namespace: cluster.namespace, labels: { ...monitor.labels, ...commonLabels(cluster) } },
    spec: {
      selector: { matchLabels: commonLabels(cluster) },
      podMetricsEndpoints: [{ port: METRICS_PORT_NAME, path: '/metrics', interval: monitor.interval }],
    },
  };
}

/**
 * A budget over exactly one component's pods (its workload's selector). Unready pods stay evictable
 * (`AlwaysAllow`, which Kubernetes recommends so that a misbehaving pod never blocks a node drain).
 */
function disruptionBudget(cluster: ResolvedCluster, name: string, selector: Record<string, string>, maxUnavailable: number): Json {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: cluster.namespace, labels: commonLabels(cluster) },
    spec: {
      maxUnavailable,
      selector: { matchLabels: selector },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  };
}
