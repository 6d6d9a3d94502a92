import { BlockList, isIP } from 'net';
import type * as kplus from 'cdk8s-plus-28';
import { FlinkConfig, where } from './config';
import { Reader } from './config-reader';
import { labelValueLike, labelValueProblem, qualifiedNameProblem } from './kubernetes-syntax';
import { ResolvedNetworkPolicy } from './model';
import { Options, OptionSpec } from './options';
import { Json } from './pod';
import { FlinkNetworkPolicyOptions, RestServiceExposedType } from '../cluster-options';

/**
 * The TaskManagers' data port when the NetworkPolicies are on: Flink's default "0" is a random port
 * (`NettyShuffleEnvironmentOptions.DATA_PORT`), which no policy can name. Flink has no conventional one;
 * 6121 is the port its Kubernetes documentation declared on TaskManagers, as standalone mode pins it.
 */
export const DEFAULT_DATA_PORT = 6121;

/**
 * `metrics.internal.query-service.port` when the NetworkPolicies are on: Flink's default "0" is a random port
 * (`MetricOptions.QUERY_SERVICE_PORT`). 6126 is ours: next to Flink's 612x ports but not 6125, which the
 * 1.16/1.17 Kubernetes documentation gives queryable state, and outside Linux's ephemeral port range
 * (32768–60999), so no outgoing connection of the pod holds it when Flink binds it.
 */
export const DEFAULT_QUERY_SERVICE_PORT = 6126;

/** What resolving the NetworkPolicies needs from the rest of the cluster's resolution. */
export interface NetworkPolicyFacts {
  readonly hostNetwork: boolean;
  readonly zooKeeperHighAvailability: boolean;
  readonly restServiceType: RestServiceExposedType;
  readonly rpcPort: number;
  readonly blobPort: number;
  readonly restBindPort: number;
  readonly tmRpcPort: number;
}

const OFF = '\'networkPolicy.enabled: false\'';

/**
 * Whether the cluster gets NetworkPolicies and, if so, the ports they open: each Flink port a single fixed
 * number, the random ones pinned. Host-network pods are outside every NetworkPolicy ("A network policy does
 * not apply to the host network namespace") and Flink binds them to random ports
 * (`KubernetesEntrypointUtils.loadConfiguration`), so there is no policy with host networking, and asking for
 * one is an error.
 */
export function resolveNetworkPolicy(
  options: FlinkNetworkPolicyOptions | undefined,
  config: FlinkConfig,
  reader: Reader,
  facts: NetworkPolicyFacts,
): ResolvedNetworkPolicy | undefined {
  const peersProp = options?.restPeers !== undefined ? 'restPeers' : options?.metricsPeers !== undefined ? 'metricsPeers' : undefined;
  const asked = options?.enabled === true ? '\'networkPolicy.enabled\' is true'
    : peersProp !== undefined ? `'networkPolicy.${peersProp}' is set` : undefined;
  if (options?.enabled === false) {
    if (peersProp !== undefined) {
      throw new Error(`'networkPolicy.${peersProp}' has no effect with 'networkPolicy.enabled: false': no NetworkPolicy is created; remove one of them`);
    }
    return undefined;
  }
  if (facts.hostNetwork) {
    if (asked === undefined) return undefined;
    const by = where(config.entry(reader.key(Options.HOST_NETWORK)), reader.key(Options.HOST_NETWORK));
    throw new Error(`${asked}, but ${by} turns on host networking: no NetworkPolicy applies to host-network pods, and Flink binds them to random ports (KubernetesEntrypointUtils.loadConfiguration); remove 'networkPolicy', or turn host networking off`);
  }

  const port = (option: OptionSpec, example: number): number | undefined => reader.fixedPort(option,
    `the NetworkPolicies ('networkPolicy', on by default) open ports by number, but for 0, a list or a range Flink picks a port at random; set one port from 1 to 65535 (e.g. ${example}), or set ${OFF}`);
  const pinned = (option: OptionSpec, fallback: number): number => {
    const value = port(option, fallback);
    if (value === undefined) config.put(reader.key(option), String(fallback));
    return value ?? fallback;
  };
  const dataPort = pinned(Options.TASKMANAGER_DATA_PORT, DEFAULT_DATA_PORT);
  const queryServicePort = pinned(Options.QUERY_SERVICE_PORT, DEFAULT_QUERY_SERVICE_PORT);
  // ClusterEntrypoint.getRPCPortRange: with ZooKeeper HA the JobManager's RPC service takes the HA port, which
  // the client pins to jobmanager.rpc.port unless it is set; the bind ports, where set, are what the processes
  // listen on (RpcUtils.createRemoteRpcService, NettyConfig)
  const haPort = facts.zooKeeperHighAvailability ? port(Options.HA_JOBMANAGER_PORT, facts.rpcPort) : undefined;
  const jobManagerRpcPort = port(Options.JOBMANAGER_RPC_BIND_PORT, facts.rpcPort) ?? haPort ?? facts.rpcPort;
  const taskManagerRpcPort = port(Options.TASKMANAGER_RPC_BIND_PORT, facts.tmRpcPort) ?? facts.tmRpcPort;
  const dataListenPort = port(Options.TASKMANAGER_DATA_BIND_PORT, dataPort) ?? dataPort;

  // the option a listening port comes from, for messages: the bind port where set
  const from = (bind: OptionSpec, fallback: OptionSpec) => (reader.string(bind) !== undefined ? bind : fallback);
  checkDistinct(config, reader, 'JobManager', [
    [from(Options.JOBMANAGER_RPC_BIND_PORT, haPort !== undefined ? Options.HA_JOBMANAGER_PORT : Options.JOBMANAGER_RPC_PORT), jobManagerRpcPort],
    [Options.BLOB_SERVER_PORT, facts.blobPort],
    [from(Options.REST_BIND_PORT, Options.REST_PORT), facts.restBindPort],
    [Options.QUERY_SERVICE_PORT, queryServicePort],
  ]);
  checkDistinct(config, reader, 'TaskManager', [
    [from(Options.TASKMANAGER_RPC_BIND_PORT, Options.TASKMANAGER_RPC_PORT), taskManagerRpcPort],
    [from(Options.TASKMANAGER_DATA_BIND_PORT, Options.TASKMANAGER_DATA_PORT), dataListenPort],
    [Options.QUERY_SERVICE_PORT, queryServicePort],
  ]);

  return {
    jobManagerRpcPort,
    blobPort: facts.blobPort,
    restPort: facts.restBindPort,
    taskManagerRpcPort,
    dataPort: dataListenPort,
    queryServicePort,
    restPeers: restPeers(options?.restPeers, facts.restServiceType),
    restPeersGiven: options?.restPeers !== undefined,
    metricsPeers: options?.metricsPeers?.map((peer, i) => peerJson(peer, `networkPolicy.metricsPeers[${i}]`)),
  };
}

/**
 * Peers for the Prometheus reporter's port, known once the reporter is resolved (after the ports the policy
 * pins), would be dropped silently without a reporter, so they are an error.
 */
export function checkMetricsPeers(
  policy: ResolvedNetworkPolicy | undefined,
  options: FlinkNetworkPolicyOptions | undefined,
  metricsPort: number | undefined,
): void {
  if (metricsPort === undefined && options?.metricsPeers !== undefined && policy !== undefined) {
    throw new Error('\'networkPolicy.metricsPeers\' is set, but the cluster has no Prometheus reporter, so there is no metrics port to open; set \'prometheus\' (or the reporter\'s keys in flinkConfiguration), or remove \'networkPolicy.metricsPeers\'');
  }
}

/** One process cannot listen twice on a port: the second bind fails at start ("Address already in use"). */
function checkDistinct(config: FlinkConfig, reader: Reader, component: string, ports: Array<[OptionSpec, number]>): void {
  ports.forEach(([option, value], i) => {
    const other = ports.slice(0, i).find(([, v]) => v === value);
    if (other === undefined) return;
    const name = (o: OptionSpec) => where(config.entry(reader.key(o)), reader.key(o));
    throw new Error(`${name(option)} and ${name(other[0])} are both ${value}: the ${component} would listen twice on one port and fail to start; give one of them another port`);
  });
}

/**
 * The REST port's peers: the user's, else the namespace's pods (`podSelector: {}`), else — for a Service
 * that exposes the REST API beyond the cluster — every source, which that Service already admits.
 */
function restPeers(peers: kplus.k8s.NetworkPolicyPeer[] | undefined, type: RestServiceExposedType): Json[] | undefined {
  if (peers === undefined) {
    const external = type === RestServiceExposedType.NODE_PORT || type === RestServiceExposedType.LOAD_BALANCER;
    return external ? undefined : [{ podSelector: {} }];
  }
  return peers.map((peer, i) => peerJson(peer, `networkPolicy.restPeers[${i}]`));
}

/** A peer as the API server validates it (`ValidateNetworkPolicyPeer`): exactly an ipBlock, or selectors. */
function peerJson(peer: kplus.k8s.NetworkPolicyPeer, prop: string): Json {
  const selects = peer?.podSelector !== undefined || peer?.namespaceSelector !== undefined;
  if (peer?.ipBlock !== undefined && selects) {
    throw new Error(`'${prop}' sets ipBlock and a selector, which Kubernetes refuses ("may not specify both podSelector/namespaceSelector and ipBlock"); give them as two peers`);
  }
  if (peer?.ipBlock === undefined && !selects) {
    throw new Error(`'${prop}' selects nothing, which Kubernetes refuses ("must specify a peer"); set podSelector, namespaceSelector or ipBlock`);
  }
  if (peer.ipBlock !== undefined) return { ipBlock: ipBlockJson(peer.ipBlock, `${prop}.ipBlock`) };
  const json: Json = {};
  if (peer.namespaceSelector !== undefined) json.namespaceSelector = selectorJson(peer.namespaceSelector, `${prop}.namespaceSelector`);
  if (peer.podSelector !== undefined) json.podSelector = selectorJson(peer.podSelector, `${prop}.podSelector`);
  return json;
}

/** A CIDR as the API server parses it (`ValidateIPBlock`, `ValidateService`); the message names `prop`. */
export function parseCidr(cidr: unknown, prop: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const [address, prefixText, ...rest] = typeof cidr === 'string' ? cidr.split('/') : [];
  const version = address === undefined ? 0 : isIP(address);
  const prefix = Number(prefixText);
  if (version === 0 || rest.length > 0 || !/^\d+$/.test(prefixText ?? '') || prefix > (version === 4 ? 32 : 128)) {
    throw new Error(`'${prop}' is ${JSON.stringify(cidr)}: expected a CIDR such as '10.0.0.0/8' or 'fd00::/8'`);
  }
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function ipBlockJson(block: kplus.k8s.IpBlock, prop: string): Json {
  const cidr = parseCidr(block.cidr, `${prop}.cidr`);
  const range = new BlockList();
  range.addSubnet(cidr.address, cidr.prefix, cidr.family);
  (block.except ?? []).forEach((text, i) => {
    const except = parseCidr(text, `${prop}.except[${i}]`);
    // ValidateIPBlock: "must be a strict subset of `cidr`"
    if (except.family !== cidr.family || except.prefix <= cidr.prefix || !range.check(except.address, except.family)) {
      throw new Error(`'${prop}.except[${i}]' is '${text}': it must lie strictly inside cidr '${block.cidr}', or Kubernetes refuses the policy; give an exception inside the CIDR, or remove it`);
    }
  });
  return block.except !== undefined && block.except.length > 0 ? { cidr: block.cidr, except: [...block.except] } : { cidr: block.cidr };
}

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function checkLabelKey(key: string, prop: string): void {
  if (qualifiedNameProblem(key) !== undefined) {
    throw new Error(`'${prop}' has the label key '${key}', which Kubernetes refuses: an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit; rename it, e.g. 'example.com/team'`);
  }
}

function checkLabelValue(value: unknown, prop: string): void {
  if (typeof value !== 'string' || labelValueProblem(value) !== undefined) {
    throw new Error(`'${prop}' is ${JSON.stringify(value)}, which Kubernetes refuses as a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or empty); use e.g. '${typeof value === 'string' ? labelValueLike(value) : 'my-value'}'`);
  }
}

/** A label selector as the API server validates it (`ValidateLabelSelector`); `{}` selects everything. */
function selectorJson(selector: kplus.k8s.LabelSelector, prop: string): Json {
  const json: Json = {};
  if (selector.matchLabels !== undefined) {
    for (const [k, v] of Object.entries(selector.matchLabels)) {
      checkLabelKey(k, `${prop}.matchLabels`);
      checkLabelValue(v, `${prop}.matchLabels['${k}']`);
    }
    json.matchLabels = { ...selector.matchLabels };
  }
  if (selector.matchExpressions !== undefined) {
    json.matchExpressions = selector.matchExpressions.map((e, i) => {
      const at = `${prop}.matchExpressions[${i}]`;
      checkLabelKey(e.key, `${at}.key`);
      if (!OPERATORS.includes(e.operator)) {
        throw new Error(`'${at}.operator' is ${JSON.stringify(e.operator)}: expected one of ${OPERATORS.join(', ')}`);
      }
      const values = e.values ?? [];
      const needsValues = e.operator === 'In' || e.operator === 'NotIn';
      if (needsValues !== values.length > 0) {
        throw new Error(`'${at}.values' ${needsValues ? 'must not be empty' : 'must be empty'} for the operator ${e.operator}, or Kubernetes refuses the selector`);
      }
      values.forEach((v, j) => checkLabelValue(v, `${at}.values[${j}]`));
      return needsValues ? { key: e.key, operator: e.operator, values: [...values] } : { key: e.key, operator: e.operator };
    });
  }
  return json;
}
