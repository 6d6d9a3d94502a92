import { ResolvedCluster, ResolvedNetworkPolicy } from '../model';
import { commonLabels, Component, Json, selectorOf } from '../pod';

/** One ingress rule: which pods it admits traffic to, from whom, on which ports, and why Flink needs it. */
export interface IngressRule {
  readonly to: readonly Component[];
  /** the peers in manifest form: undefined admits every source, an empty list makes no rule */
  readonly from: (cluster: ResolvedCluster, policy: ResolvedNetworkPolicy) => Json[] | undefined;
  readonly ports: (policy: ResolvedNetworkPolicy, cluster: ResolvedCluster) => number[];
  /** what the rule lets through, for readers and README */
  readonly why: string;
}

const pods = (...components: Component[]) => (cluster: ResolvedCluster) =>
  components.map(c => ({ podSelector: { matchLabels: selectorOf(cluster, c) } }));

/**
 * Every connection a Flink cluster makes between its pods, as data. A pod also reaches itself through its own
 * address (the JobManager's REST endpoint fetches through the blob and metric query services at the
 * JobManager's advertised address), which a NetworkPolicy does not exempt, so each component's rules name
 * its own pods too.
 */
export const INGRESS_RULES: readonly IngressRule[] = [
  {
    to: ['jobmanager'],
    from: pods('jobmanager', 'taskmanager'),
    ports: p => [p.jobManagerRpcPort, p.blobPort],
    why: 'TaskManagers register with the resource manager and talk to the job masters over RPC, and download jars and large messages from the blob server; standby JobManagers call the leader (high availability)',
  },
  {
    to: ['jobmanager'],
    from: pods('jobmanager'),
    ports: p => [p.queryServicePort],
    why: 'the REST endpoint\'s MetricFetcher queries the JobManager\'s metric query service (the leader\'s, from a standby)',
  },
  {
    to: ['jobmanager'],
    from: (_cluster, p) => p.restPeers,
    ports: p => [p.restPort],
    why: 'the web UI and REST API: job submission, cancellation, savepoints; by default open to the pods of the namespace',
  },
  {
    to: ['taskmanager'],
    from: pods('jobmanager'),
    ports: p => [p.taskManagerRpcPort, p.queryServicePort],
    why: 'the job masters deploy and cancel tasks and trigger checkpoints over RPC, and the MetricFetcher queries each TaskManager\'s metric query service (TaskManager metrics in the web UI and REST API)',
  },
  {
    to: ['taskmanager'],
    from: pods('taskmanager'),
    ports: p => [p.dataPort],
    why: 'TaskManagers exchange records directly (taskmanager.network.bind-policy: ip), each requesting the partitions it consumes from the producer\'s data port',
  },
  {
    to: ['jobmanager', 'taskmanager'],
    from: (_cluster, p) => p.metricsPeers,
    ports: (_p, cluster) => (cluster.metricsPort === undefined ? [] : [cluster.metricsPort]),
    why: 'Prometheus scrapes the reporter\'s endpoint (prometheus); by default open to every source, as it only serves metrics',
  },
];

/**
 * The ingress NetworkPolicy of one component's pods: only the rules above, nothing else in. Native
 * TaskManager pods, which the JobManager creates at runtime, are selected by the labels Flink gives them.
 */
function networkPolicy(cluster: ResolvedCluster, policy: ResolvedNetworkPolicy, component: Component): Json {
  const ingress: Json[] = [];
  for (const rule of INGRESS_RULES) {
    if (!rule.to.includes(component)) continue;
    const from = rule.from(cluster, policy);
    if (from !== undefined && from.length === 0) continue; // an empty `from` would admit every source
    const ports = rule.ports(policy, cluster).map(port => ({ protocol: 'TCP', port }));
    if (ports.length === 0) continue;
    ingress.push(from === undefined ? { ports } : { from, ports });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `${cluster.clusterId}-${component}`, namespace: cluster.namespace, labels: commonLabels(cluster) },
    spec: { podSelector: { matchLabels: selectorOf(cluster, component) }, policyTypes: ['Ingress'], ingress },
  };
}

/** The JobManager's and the TaskManagers' NetworkPolicies, when on. */
export function networkPolicies(cluster: ResolvedCluster): { jobManager?: Json; taskManager?: Json } {
  const policy = cluster.networkPolicy;
  if (policy === undefined) return {};
  return { jobManager: networkPolicy(cluster, policy, 'jobmanager'), taskManager: networkPolicy(cluster, policy, 'taskmanager') };
}
