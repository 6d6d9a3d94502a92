import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Pod } from 'kubernetes-models/v1';
import * as YAML from 'yaml';
import { ArtifactSpec, FuzzCase, HaSpec, IdentitySpec, MARKER_ANNOTATION, MARKER_LABEL, MARKER_VOLUME, TemplateSpec } from './arbitraries';
import {
  DeploymentMode, FlinkApplicationCluster, FlinkApplicationClusterProps, FlinkCluster, FlinkClusterProps, FlinkIngress, FlinkSessionCluster,
  HighAvailability, IngressController, JobArtifact, PodTemplate, RbacBinding, WorkloadIdentity,
} from '../../src';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateObject } = require('../../scripts/k8s-schemas');

/**
 * The fuzzer's property: whatever type-correct props a user gives, the library either throws a clear `Error`
 * (never a TypeError or other runtime fault, with a message that says something and prints no '[object …]') or
 * synthesizes manifests
 *
 * - that every Kubernetes schema accepts (Deployments, StatefulSets, Services, ConfigMaps, RBAC,
 *   NetworkPolicies, PodDisruptionBudgets, HorizontalPodAutoscalers, Ingresses, Traefik Middlewares, and the
 *   Prometheus operator's PodMonitor), and the checks the API server makes beyond the schemas (object names,
 *   label and annotation keys and values, unique container, volume and port names, mounts of existing volumes);
 *   the TaskManager pod template shipped for native TaskManagers is a valid Pod as well;
 * - whose names are unique per kind and namespace across the app;
 * - whose references hold: workload selectors match their pod templates, Services, PodDisruptionBudgets,
 *   NetworkPolicies and PodMonitors select pods of the app, autoscalers, Ingresses and RoleBindings name objects
 *   that exist, and pods mount the ConfigMaps the cluster ships and run as the accounts it creates;
 * - that are byte-identical when synthesized again, and when the same case is built again;
 * - in which every field of the user's pod templates that Flink does not own survives, and the labels,
 *   annotations, node selectors, env and tolerations of the typed props arrive as given;
 * - from which Flink reads back every `flinkConfiguration` option as given, and which the construct's attributes
 *   (restPort, restUrl, the pod selector labels, metricsPort, suspended, jobHash) describe.
 */

/** A violated property, as opposed to a clear error the library threw on purpose. */
export class FuzzFailure extends Error {}

const RUNTIME_FAULTS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

/** Service accounts a case brings (the library must not create them): any other must exist. */
const BROUGHT_ACCOUNTS = ['jm-account', 'tm-account', 'template-account'];

/** What one case built. */
interface Built {
  readonly app: App;
  readonly cluster: FlinkCluster;
  readonly clusters: FlinkCluster[];
  /** the template each component's pods got, as the library read it */
  readonly jobManagerTemplate?: PodTemplate;
  readonly taskManagerTemplate?: PodTemplate;
}

/** Writes the template's manifest to a file and loads it with `PodTemplate.fromFile`, which reads it at once. */
function templateFromFile(scope: Construct, id: string, spec: TemplateSpec, json: unknown): PodTemplate {
  const pod = JSON.parse(JSON.stringify(json));
  if (spec.fileLabel !== undefined) pod.metadata.labels['fuzz.example.com/yaml'] = 'FUZZ_PLAIN_SCALAR';
  // a plain scalar, as a user would write it: YAML 1.1 (Flink 1.16/1.17) and 1.2 may read it differently
  const text = YAML.stringify(pod, { version: '1.1' }).replace('FUZZ_PLAIN_SCALAR', spec.fileLabel ?? '');
  const file = path.join(os.tmpdir(), `cdk8s-flink-fuzz-${process.pid}.yaml`);
  fs.writeFileSync(file, text);
  try {
    return PodTemplate.fromFile(scope, id, file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function template(scope: Construct, id: string, spec: TemplateSpec): PodTemplate {
  const props = {
    ...spec.props,
    serviceAccount: spec.serviceAccount === undefined ? undefined : kplus.ServiceAccount.fromServiceAccountName(scope, `${id}-sa`, spec.serviceAccount),
    imagePullSecrets: spec.imagePullSecrets?.map((name, i) => kplus.Secret.fromSecretName(scope, `${id}-pull-${i}`, name)),
  };
  const typed = new PodTemplate(scope, id, props);
  if (!spec.fromFile) return typed;
  scope.node.tryRemoveChild(id);
  return templateFromFile(scope, id, spec, typed._source.json);
}

function highAvailability(spec: HaSpec): HighAvailability {
  return spec.type === 'kubernetes'
    ? HighAvailability.kubernetes({ storageDir: spec.storageDir })
    : HighAvailability.zookeeper({ storageDir: spec.storageDir, quorum: spec.quorum!, rootPath: spec.rootPath });
}

function identity(spec: IdentitySpec): WorkloadIdentity {
  switch (spec[0]) {
    case 'aws': return WorkloadIdentity.fromAwsIamRole(spec[1]);
    case 'gcp': return WorkloadIdentity.fromGcpServiceAccount(spec[1]);
    default: return WorkloadIdentity.fromAzureClientId(spec[1], spec[2]);
  }
}

function artifact(spec: ArtifactSpec): JobArtifact {
  switch (spec[0]) {
    case 'image': return JobArtifact.fromImage(spec[1]);
    case 'url': return JobArtifact.fromUrl(spec[1]);
    default: return JobArtifact.systemClasspath();
  }
}

/** Builds the case in a fresh app; the library's own errors propagate. */
function build(c: FuzzCase): Built {
  const app = new App({ outdir: path.join(os.tmpdir(), 'cdk8s-flink-fuzz-out') });
  const chart = new Chart(app, 'fuzz', { namespace: 'fuzz' });
  const spec = c.cluster;
  const secret = (id: string, name: string) => kplus.Secret.fromSecretName(chart, id, name);
  const t = c.templates;
  const first = t ? template(chart, 'tpl', t.first) : undefined;
  const second = t?.placement === 'both' ? template(chart, 'tpl-tm', t.second) : undefined;
  const jobManagerTemplate = t?.placement === 'jobManager' || t?.placement === 'both' ? first : undefined;
  const taskManagerTemplate = t?.placement === 'taskManager' ? first : second;
  const props: FlinkClusterProps = {
    ...spec,
    imagePullSecrets: spec.imagePullSecrets?.map((name, i) => secret(`pull-${i}`, name)),
    serviceAccount: spec.serviceAccount === undefined ? undefined : kplus.ServiceAccount.fromServiceAccountName(chart, 'jm-sa', spec.serviceAccount),
    highAvailability: spec.highAvailability && highAvailability(spec.highAvailability),
    hadoopConfigMap: spec.hadoopConfigMap === undefined ? undefined : kplus.ConfigMap.fromConfigMapName(chart, 'hadoop', spec.hadoopConfigMap),
    secrets: spec.secrets?.map((m, i) => ({ secret: secret(`mount-${i}`, m.secret), mountPath: m.mountPath })),
    secretEnv: spec.secretEnv?.map((e, i) => ({ name: e.name, secret: secret(`env-${i}`, e.secret), key: e.key })),
    workloadIdentity: spec.workloadIdentity && identity(spec.workloadIdentity),
    podTemplate: t?.placement === 'podTemplate' ? first : undefined,
    jobManager: spec.jobManager || jobManagerTemplate ? { ...spec.jobManager, podTemplate: jobManagerTemplate } : undefined,
    taskManager: spec.taskManager || taskManagerTemplate
      ? {
        ...spec.taskManager,
        serviceAccount: spec.taskManager?.serviceAccount === undefined ? undefined
          : kplus.ServiceAccount.fromServiceAccountName(chart, 'tm-sa', spec.taskManager.serviceAccount),
        podTemplate: taskManagerTemplate,
      }
      : undefined,
  };
  let cluster: FlinkCluster;
  if (c.job) {
    const job: FlinkApplicationClusterProps['job'] = {
      ...c.job,
      artifact: artifact(c.job.artifact),
      additionalArtifacts: c.job.additionalArtifacts?.map(artifact),
    };
    cluster = new FlinkApplicationCluster(chart, 'cluster', { ...props, job });
  } else {
    cluster = new FlinkSessionCluster(chart, 'cluster', props);
  }
  const clusters = [cluster];
  c.ingresses.forEach((i, n) => new FlinkIngress(chart, `ingress-${n}`, {
    cluster,
    host: i.host,
    path: i.path,
    controller: i.controller && IngressController[i.controller],
    className: i.className,
    tlsSecret: i.tlsSecret === undefined ? undefined : secret(`tls-${n}`, i.tlsSecret),
    annotations: i.annotations,
    name: i.name,
  }));
  if (c.rbac) {
    const account = (id: string, name: string) => (c.rbac!.accounts ? kplus.ServiceAccount.fromServiceAccountName(chart, id, name) : undefined);
    new RbacBinding(chart, 'rbac', {
      cluster,
      bindJobManager: c.rbac.bindJobManager,
      bindTaskManager: c.rbac.bindTaskManager,
      jobManagerServiceAccount: account('rbac-jm', 'jm-account'),
      taskManagerServiceAccount: account('rbac-tm', 'tm-account'),
    });
  }
  if (c.second) {
    const s = c.second;
    const scope = s.otherNamespace ? new Chart(app, 'other', { namespace: 'other' }) : chart;
    const suffix: Record<string, string> = { same: '', rest: '-rest', taskmanager: '-taskmanager', jobmanager: '-jobmanager' };
    const clusterId = s.clusterId in suffix ? `${cluster.clusterId}${suffix[s.clusterId]}` : s.clusterId;
    clusters.push(new FlinkSessionCluster(scope, 'second', {
      version: spec.version,
      clusterId,
      mode: s.standalone ? DeploymentMode.STANDALONE : undefined,
    }));
  }
  return { app, cluster, clusters, jobManagerTemplate: t?.placement === 'podTemplate' ? first : jobManagerTemplate, taskManagerTemplate: t?.placement === 'podTemplate' ? first : taskManagerTemplate };
}

// --- what the API server checks beyond the schemas ------------------------------------------------------------------

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** `IsQualifiedName`: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'more than one /';
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `prefix '${prefix}' is not a DNS subdomain`;
  if (name.length > 63 || !QUALIFIED_NAME.test(name)) return `name '${name}' is not a qualified name`;
  return undefined;
}

/** Names, labels and annotations as `ValidateObjectMeta` checks them. */
function checkMetadata(m: any, where: string): void {
  const name: string = m.metadata?.name ?? '';
  // Services (and the namespace) are DNS-1035 / DNS-1123 labels; most other kinds DNS-1123 subdomains
  if (m.kind === 'Service' ? name.length > 63 || !DNS_1035_LABEL.test(name) : name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    throw new FuzzFailure(`${where}: the API server refuses the name '${name}'`);
  }
  const ns = m.metadata?.namespace;
  if (ns !== undefined && (ns.length > 63 || !DNS_LABEL.test(ns))) throw new FuzzFailure(`${where}: the API server refuses the namespace '${ns}'`);
  checkLabels(m.metadata?.labels, `${where} metadata.labels`);
  checkAnnotations(m.metadata?.annotations, `${where} metadata.annotations`);
}

function checkLabels(labels: Record<string, unknown> | undefined, where: string): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    const problem = qualifiedNameProblem(k);
    if (problem !== undefined) throw new FuzzFailure(`${where}: the API server refuses the label key '${k}' (${problem})`);
    if (typeof v !== 'string' || v.length > 63 || !LABEL_VALUE.test(v)) throw new FuzzFailure(`${where}: the API server refuses the value ${JSON.stringify(v)} of label '${k}'`);
  }
}

function checkAnnotations(annotations: Record<string, unknown> | undefined, where: string): void {
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    const problem = qualifiedNameProblem(k.toLowerCase());
    if (problem !== undefined) throw new FuzzFailure(`${where}: the API server refuses the annotation key '${k}' (${problem})`);
    total += k.length + String(v).length;
  }
  if (total > 256 * 1024) throw new FuzzFailure(`${where}: annotations over 256 KiB`);
}

/** What `ValidatePodSpec` checks beyond the schema: unique names, mounts of existing volumes, port names. */
function checkPodSpec(pod: any, where: string, claims: any[] = []): void {
  checkLabels(pod.metadata?.labels, `${where} metadata.labels`);
  checkAnnotations(pod.metadata?.annotations, `${where} metadata.annotations`);
  const spec = pod.spec ?? {};
  checkLabels(spec.nodeSelector, `${where} spec.nodeSelector`);
  const volumes: any[] = spec.volumes ?? [];
  // a StatefulSet's volume claim templates are volumes of its pods too
  const volumeNames = [...volumes.map(v => v.name), ...claims.map(c => c.metadata?.name)];
  const duplicate = (names: string[]) => names.find((n, i) => names.indexOf(n) !== i);
  const dv = duplicate(volumeNames);
  if (dv !== undefined) throw new FuzzFailure(`${where}: two volumes are named '${dv}'`);
  for (const name of volumeNames) if (name.length > 63 || !DNS_LABEL.test(name)) throw new FuzzFailure(`${where}: the volume name '${name}' is not a DNS label`);
  const containers: any[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  const dc = duplicate(containers.map(c => c.name));
  if (dc !== undefined) throw new FuzzFailure(`${where}: two containers are named '${dc}'`);
  for (const c of containers) {
    const at = `${where} container '${c.name}'`;
    if (!DNS_LABEL.test(c.name) || c.name.length > 63) throw new FuzzFailure(`${at}: the container name is not a DNS label`);
    for (const mount of c.volumeMounts ?? []) {
      if (!volumeNames.includes(mount.name)) throw new FuzzFailure(`${at}: mounts the volume '${mount.name}', which the pod does not have`);
    }
    const dm = duplicate((c.volumeMounts ?? []).map((m: any) => m.mountPath));
    if (dm !== undefined) throw new FuzzFailure(`${at}: two volumes are mounted at '${dm}'`);
    const portNames: string[] = (c.ports ?? []).map((p: any) => p.name).filter((n: unknown) => n !== undefined);
    const dp = duplicate(portNames);
    if (dp !== undefined) throw new FuzzFailure(`${at}: two ports are named '${dp}'`);
    for (const n of portNames) if (n.length > 15 || !IANA_SVC_NAME.test(n) || !/[a-z]/.test(n) || n.includes('--')) throw new FuzzFailure(`${at}: the port name '${n}' is not an IANA service name`);
    for (const e of c.env ?? []) if (!ENV_VAR_NAME.test(e.name)) throw new FuzzFailure(`${at}: the environment variable name '${e.name}' is invalid`);
  }
}

// --- references between the objects -------------------------------------------------------------------------------

function selects(selector: any, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector?.matchExpressions ?? []) {
    const has = e.key in l;
    if (e.operator === 'In' && !(has && e.values.includes(l[e.key]))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(l[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** A pod the app runs: a workload's template, or a native TaskManager as its JobManager labels it. */
interface PodOfApp {
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly pod?: any;
  readonly what: string;
}

function checkReferences(manifests: any[], pods: PodOfApp[]): void {
  const inNs = (kind: string, ns: string, name?: string) =>
    manifests.filter(m => m.kind === kind && m.metadata.namespace === ns && (name === undefined || m.metadata.name === name));
  const selectsSome = (m: any, selector: any, what: string) => {
    if (!pods.some(p => p.namespace === m.metadata.namespace && selects(selector, p.labels))) {
      throw new FuzzFailure(`${m.kind}/${m.metadata.name}: its ${what} ${JSON.stringify(selector)} selects no pod of the app (have: ${pods.map(p => `${p.what} ${JSON.stringify(p.labels)}`).join('; ')})`);
    }
  };
  for (const m of manifests) {
    const ns = m.metadata.namespace;
    switch (m.kind) {
      case 'Deployment':
      case 'StatefulSet':
        if (!selects(m.spec.selector, m.spec.template.metadata?.labels)) {
          throw new FuzzFailure(`${m.kind}/${m.metadata.name}: the selector does not match the template's labels, which the API server refuses`);
        }
        if (m.kind === 'StatefulSet' && m.spec.serviceName !== undefined && inNs('Service', ns, m.spec.serviceName).length === 0) {
          throw new FuzzFailure(`StatefulSet/${m.metadata.name}: its serviceName '${m.spec.serviceName}' names no Service`);
        }
        break;
      case 'Service':
        if (m.spec.selector !== undefined) selectsSome(m, { matchLabels: m.spec.selector }, 'selector');
        break;
      case 'PodDisruptionBudget':
        selectsSome(m, m.spec.selector, 'selector');
        break;
      case 'NetworkPolicy':
        selectsSome(m, m.spec.podSelector, 'podSelector');
        break;
      case 'PodMonitor': {
        selectsSome(m, m.spec.selector, 'selector');
        const ports: string[] = (m.spec.podMetricsEndpoints ?? []).map((e: any) => e.port);
        for (const p of pods.filter(x => x.namespace === ns && x.pod && selects(m.spec.selector, x.labels))) {
          const main = (p.pod.spec?.containers ?? []).find((c: any) => c.name === 'flink-main-container');
          for (const port of ports) {
            if (!(main?.ports ?? []).some((cp: any) => cp.name === port)) throw new FuzzFailure(`PodMonitor/${m.metadata.name}: scrapes port '${port}', which ${p.what} does not declare`);
          }
        }
        break;
      }
      case 'HorizontalPodAutoscaler': {
        const ref = m.spec.scaleTargetRef;
        if (inNs(ref.kind, ns, ref.name).length === 0) throw new FuzzFailure(`HorizontalPodAutoscaler/${m.metadata.name}: scales ${ref.kind} '${ref.name}', which does not exist`);
        break;
      }
      case 'Ingress':
        for (const rule of m.spec.rules ?? []) {
          for (const p of rule.http?.paths ?? []) {
            const svc = p.backend.service;
            const service = inNs('Service', ns, svc.name)[0];
            if (service === undefined) throw new FuzzFailure(`Ingress/${m.metadata.name}: routes to Service '${svc.name}', which does not exist`);
            const served = (service.spec.ports ?? [])
              .some((sp: any) => sp.port === svc.port.number || (svc.port.name !== undefined && sp.name === svc.port.name));
            if (!served) {
              throw new FuzzFailure(`Ingress/${m.metadata.name}: routes to port ${JSON.stringify(svc.port)} of Service '${svc.name}', which it does not have`);
            }
          }
        }
        break;
      case 'RoleBinding':
        if (m.roleRef.kind === 'Role' && inNs('Role', ns, m.roleRef.name).length === 0) throw new FuzzFailure(`RoleBinding/${m.metadata.name}: binds Role '${m.roleRef.name}', which does not exist`);
        for (const s of m.subjects ?? []) {
          if (s.kind === 'ServiceAccount' && !BROUGHT_ACCOUNTS.includes(s.name) && inNs('ServiceAccount', s.namespace ?? ns, s.name).length === 0) {
            throw new FuzzFailure(`RoleBinding/${m.metadata.name}: binds ServiceAccount '${s.name}', which does not exist`);
          }
        }
        break;
      default:
    }
  }
  for (const p of pods.filter(x => x.pod)) {
    const spec = p.pod.spec ?? {};
    const account = spec.serviceAccountName;
    if (account !== undefined && !BROUGHT_ACCOUNTS.includes(account) && inNs('ServiceAccount', p.namespace, account).length === 0) {
      throw new FuzzFailure(`${p.what}: runs as ServiceAccount '${account}', which does not exist`);
    }
    for (const v of spec.volumes ?? []) {
      const name: string | undefined = v.configMap?.name;
      if (name === undefined || !/^(flink-config|pod-template)-/.test(name)) continue;
      const cm = inNs('ConfigMap', p.namespace, name)[0];
      if (cm === undefined) throw new FuzzFailure(`${p.what}: mounts ConfigMap '${name}', which does not exist`);
      for (const item of v.configMap.items ?? []) {
        if (!(item.key in (cm.data ?? {}))) throw new FuzzFailure(`${p.what}: mounts key '${item.key}' of ConfigMap '${name}', which it does not have`);
      }
    }
  }
}

// --- the user's template fields ------------------------------------------------------------------------------------

/** Whether `actual` holds everything of `expected`: objects by key, arrays by an element holding each element. */
function contains(actual: any, expected: any): boolean {
  // an empty map or list is the same as none
  if (actual === undefined && expected !== null && typeof expected === 'object' && Object.keys(expected).length === 0) return true;
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.every(e => actual.some(a => contains(a, e)));
  if (expected !== null && typeof expected === 'object') {
    return actual !== null && typeof actual === 'object' && Object.entries(expected).every(([k, v]) => v === undefined || contains(actual[k], v));
  }
  return actual === expected;
}

/** Fields of a pod template that Flink does not own, which must reach the pods as the user wrote them. */
function expectTemplateFields(pod: any, tpl: PodTemplate, where: string, hostNetwork: boolean): void {
  if (pod === undefined || pod === null) throw new FuzzFailure(`${where}: not found, though a pod template applies`);
  const source = tpl._source.json;
  const spec = source.spec ?? {};
  const main = (spec.containers ?? []).filter((c: any) => c.name === 'flink-main-container').pop();
  const sidecars = (spec.containers ?? []).filter((c: any) => c.name !== 'flink-main-container');
  const podMain = (pod.spec?.containers ?? []).find((c: any) => c.name === 'flink-main-container');
  const expect = (field: string, actual: any, expected: any) => {
    if (expected !== undefined && !contains(actual, expected)) {
      throw new FuzzFailure(`${where}: the template's ${field} ${JSON.stringify(expected)} was lost or changed: ${JSON.stringify(actual)}`);
    }
  };
  if (source.metadata?.labels?.[MARKER_LABEL] !== 'kept' || source.metadata?.annotations?.[MARKER_ANNOTATION] !== 'kept') {
    throw new FuzzFailure(`${where}: the template as read lost its marker label or annotation`);
  }
  if (!(spec.volumes ?? []).some((v: any) => v.name === MARKER_VOLUME)) throw new FuzzFailure(`${where}: the template as read lost its marker volume`);
  expect('metadata.labels', pod.metadata?.labels, source.metadata?.labels);
  expect('metadata.annotations', pod.metadata?.annotations, source.metadata?.annotations);
  for (const field of ['nodeSelector', 'tolerations', 'imagePullSecrets', 'affinity', 'securityContext', 'priorityClassName', 'schedulerName',
    'dnsConfig', 'hostAliases', 'topologySpreadConstraints', 'terminationGracePeriodSeconds', 'runtimeClassName', 'volumes', 'initContainers']) {
    expect(`spec.${field}`, pod.spec?.[field], spec[field]);
  }
  if (!hostNetwork) expect('spec.dnsPolicy', pod.spec?.dnsPolicy, spec.dnsPolicy);
  expect('spec.serviceAccountName', pod.spec?.serviceAccountName, spec.serviceAccountName ?? spec.serviceAccount);
  expect('sidecars', pod.spec?.containers, sidecars.length > 0 ? sidecars : undefined);
  if (main !== undefined) {
    const { requests, limits } = main.resources ?? {};
    const others = (r: any) => (r === undefined ? undefined : Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'cpu' && k !== 'memory')));
    for (const field of ['env', 'envFrom', 'ports', 'volumeMounts', 'securityContext', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'workingDir']) {
      expect(`main container's ${field}`, podMain?.[field], main[field]);
    }
    const resources = { requests: others(requests), limits: others(limits) };
    if (Object.values(resources).some(r => r !== undefined && Object.keys(r).length > 0)) expect('main container\'s resources', podMain?.resources, resources);
  }
}

// --- the typed props ------------------------------------------------------------------------------------------------

/** Maps and lists given as typed props reach their objects as given: labels, annotations, node selectors, env, tolerations. */
function expectTypedProps(c: FuzzCase, cluster: FlinkCluster, find: (kind: string, name: string) => any): void {
  const expect = (where: string, actual: any, expected: any) => {
    if (expected !== undefined && !contains(actual, expected)) {
      throw new FuzzFailure(`${where}: ${JSON.stringify(expected)} did not arrive as given: ${JSON.stringify(actual)}`);
    }
  };
  const id = cluster.clusterId;
  const components: Array<[string, any, any]> = [['jobManager', c.cluster.jobManager, find('Deployment', id)?.spec.template]];
  if (cluster.mode === DeploymentMode.STANDALONE) {
    components.push(['taskManager', c.cluster.taskManager, (find('Deployment', `${id}-taskmanager`) ?? find('StatefulSet', `${id}-taskmanager`))?.spec.template]);
  }
  for (const [name, props, pod] of components) {
    if (props === undefined) continue;
    const main = (pod?.spec?.containers ?? []).find((x: any) => x.name === 'flink-main-container');
    expect(`${name}.labels on its pods`, pod?.metadata?.labels, props.labels);
    expect(`${name}.annotations on its pods`, pod?.metadata?.annotations, props.annotations);
    expect(`${name}.nodeSelector on its pods`, pod?.spec?.nodeSelector, props.nodeSelector);
    expect(`${name}.env on its main container`, main?.env, props.env && Object.entries(props.env).map(([k, v]) => ({ name: k, value: v })));
    expect(`${name}.tolerations on its pods`, pod?.spec?.tolerations, props.tolerations);
    const account = find('ServiceAccount', `${id}-${name.toLowerCase()}`);
    if (account !== undefined) {
      expect(`${name}.serviceAccountAnnotations`, account.metadata.annotations, props.serviceAccountAnnotations);
      expect(`${name}.serviceAccountLabels`, account.metadata.labels, props.serviceAccountLabels);
    }
  }
  const rest = find('Service', `${id}-rest`);
  expect('restService.annotations', rest?.metadata.annotations, c.cluster.restService?.annotations);
  expect('restService.labels', rest?.metadata.labels, c.cluster.restService?.labels);
  const monitor: { labels?: Record<string, string> } | undefined = c.cluster.podMonitor;
  if (monitor !== undefined) expect('podMonitor.labels', find('PodMonitor', id)?.metadata.labels, monitor.labels);
  c.ingresses.forEach(i => expect('the Ingress\'s annotations', find('Ingress', i.name ?? id)?.metadata.annotations, i.annotations));
}

// --- the construct's attributes and the shipped configuration ------------------------------------------------------

/** What Flink reads from the shipped file: flink-conf.yaml by its line parser (1.x), config.yaml as YAML 1.2 (2.x). */
function shippedConfiguration(cm: any): Record<string, string> {
  const legacy = cm?.data?.['flink-conf.yaml'];
  if (legacy !== undefined) {
    const result: Record<string, string> = {};
    for (const line of (legacy as string).split('\n')) {
      const at = line.indexOf(': ');
      if (at > 0) result[line.substring(0, at).trim()] = line.substring(at + 2).trim();
    }
    return result;
  }
  const parsed = YAML.parse(cm?.data?.['config.yaml'] ?? '{}', { version: '1.2' }) ?? {};
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

/** Keys whose value the library merges into (pod labels of a cloud identity) or extends (JVM options). */
const MERGED_OPTIONS = ['kubernetes.jobmanager.labels', 'kubernetes.taskmanager.labels', 'env.java.opts.jobmanager'];

/** The construct's public attributes name the objects it synthesized, and Flink reads back the options as given. */
function expectAttributes(c: FuzzCase, cluster: FlinkCluster, find: (kind: string, name: string) => any): void {
  const fail = (what: string) => {
    throw new FuzzFailure(`the cluster's ${what}`);
  };
  const rest = find('Service', cluster.restServiceName);
  if (!(rest?.spec.ports ?? []).some((p: any) => p.port === cluster.restPort)) fail(`restPort ${cluster.restPort} is not a port of Service '${cluster.restServiceName}'`);
  if (cluster.restUrl !== `http://${cluster.restServiceName}.${cluster.namespace}:${cluster.restPort}`) fail(`restUrl is ${cluster.restUrl}`);
  const jm = find('Deployment', cluster.clusterId)?.spec.template;
  if (jm === undefined) fail(`JobManager Deployment '${cluster.clusterId}' is missing`);
  if (!selects({ matchLabels: cluster.jobManagerPodSelectorLabels }, jm.metadata.labels)) fail('jobManagerPodSelectorLabels do not select the JobManager pods');
  if (!selects({ matchLabels: cluster.podSelectorLabels }, jm.metadata.labels)) fail('podSelectorLabels do not select the JobManager pods');
  const main = (jm.spec.containers ?? []).find((x: any) => x.name === 'flink-main-container');
  const metrics = (main?.ports ?? []).find((p: any) => p.name === 'metrics');
  // without a reporter a template may name a port of its own 'metrics'
  if (cluster.metricsPort !== undefined && cluster.metricsPort !== metrics?.containerPort) {
    fail(`metricsPort is ${cluster.metricsPort}, the JobManager's 'metrics' port ${metrics?.containerPort}`);
  }
  if (jm.spec.replicas !== undefined) fail('JobManager pod template has replicas');
  const deployment = find('Deployment', cluster.clusterId);
  if (cluster.suspended !== (deployment.spec.replicas === 0)) fail(`suspended is ${cluster.suspended}, the JobManager Deployment has ${deployment.spec.replicas} replicas`);
  if (cluster instanceof FlinkApplicationCluster && jm.metadata.annotations?.['cdk8s-flink.dev/job-hash'] !== cluster.jobHash) fail('jobHash is not the JobManager pods\' job-hash annotation');
  const shipped = shippedConfiguration(find('ConfigMap', cluster.configMapName));
  for (const [k, v] of Object.entries(c.cluster.flinkConfiguration ?? {})) {
    if (MERGED_OPTIONS.includes(k)) continue;
    if (shipped[k] !== v) throw new FuzzFailure(`flinkConfiguration['${k}'] is ${JSON.stringify(v)}, but Flink would read ${JSON.stringify(shipped[k])} from ${cluster.configMapName}`);
  }
}

// --- the property --------------------------------------------------------------------------------------------------

export type Outcome = { readonly outcome: 'error'; readonly message: string } | { readonly outcome: 'manifests'; readonly kinds: string[] };

/** Runs one case; throws `FuzzFailure` if the property does not hold. */
export function checkCase(c: FuzzCase): Outcome {
  let built: Built;
  try {
    built = build(c);
  } catch (e) {
    if (!(e instanceof Error) || RUNTIME_FAULTS.some(t => e instanceof t)) {
      throw new FuzzFailure(`not a clear error: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
    }
    if (e.message.trim().length < 20) throw new FuzzFailure(`an error that says too little: '${e.message}'`);
    if (/\[object \w+\]/.test(e.message)) throw new FuzzFailure(`an error that prints an object as '[object …]': ${e.message}`);
    return { outcome: 'error', message: e.message };
  }
  const { app, cluster } = built;
  const yaml = app.synthYaml();
  if (app.synthYaml() !== yaml) throw new FuzzFailure('two synths of the same app differ');
  if (build(c).app.synthYaml() !== yaml) throw new FuzzFailure('the same case built twice synthesizes differently');
  // read as cdk8s writes it (YAML 1.1, as kubectl reads it)
  const manifests = YAML.parseAllDocuments(yaml, { version: '1.1' }).map(d => d.toJS()).filter(m => m);
  const names = new Map<string, number>();
  for (const m of manifests) {
    const where = `${m.kind}/${m.metadata?.name}`;
    try {
      validateObject(m);
    } catch (e) {
      throw new FuzzFailure(`${where} is rejected by the Kubernetes schema: ${(e as Error).message}`);
    }
    checkMetadata(m, where);
    const group = m.apiVersion.includes('/') ? m.apiVersion.split('/')[0] : '';
    const key = `${group}|${m.kind}|${m.metadata.namespace ?? ''}|${m.metadata.name}`;
    names.set(key, (names.get(key) ?? 0) + 1);
    if (names.get(key)! > 1) throw new FuzzFailure(`two objects ${where} in namespace '${m.metadata.namespace}': one would replace the other`);
    if (m.kind === 'Deployment' || m.kind === 'StatefulSet') checkPodSpec(m.spec.template, `${where} pod template`, m.spec.volumeClaimTemplates);
  }

  const find = (kind: string, name: string, ns = cluster.namespace) =>
    manifests.find(m => m.kind === kind && m.metadata?.name === name && m.metadata.namespace === ns);
  const pods: PodOfApp[] = [];
  for (const m of manifests.filter(x => x.kind === 'Deployment' || x.kind === 'StatefulSet')) {
    pods.push({ namespace: m.metadata.namespace, labels: m.spec.template.metadata?.labels ?? {}, pod: m.spec.template, what: `the pods of ${m.kind}/${m.metadata.name}` });
  }
  for (const k of built.clusters.filter(x => x.mode === DeploymentMode.NATIVE)) {
    const shipped = find('ConfigMap', `pod-template-${k.clusterId}`, k.namespace)?.data?.['taskmanager-pod-template.yaml'];
    let pod: any;
    if (shipped !== undefined) {
      pod = YAML.parse(shipped, { version: '1.1' });
      // Flink 1.16/1.17 read it as YAML 1.1 (fabric8 5.12), later versions as YAML 1.2: both must read the same
      if (JSON.stringify(YAML.parse(shipped, { version: '1.2' })) !== JSON.stringify(pod)) {
        throw new FuzzFailure(`the TaskManager pod template shipped in pod-template-${k.clusterId} reads differently in YAML 1.1 and 1.2`);
      }
      try {
        // a template, not a Pod: the JobManager adds the main container when the template has none
        new Pod({ ...pod, spec: { containers: [], ...pod?.spec } }).validate();
      } catch (e) {
        throw new FuzzFailure(`the TaskManager pod template shipped in pod-template-${k.clusterId} is not a valid Pod: ${(e as Error).message}`);
      }
      checkPodSpec(pod, `the TaskManager pod template of ${k.clusterId}`);
    }
    // the JobManager labels native TaskManagers with their selector labels and kubernetes.taskmanager.labels
    pods.push({ namespace: k.namespace, labels: { ...pod?.metadata?.labels, ...k.taskManagerPodSelectorLabels }, what: `the native TaskManagers of ${k.clusterId}` });
  }
  checkReferences(manifests, pods);

  expectTypedProps(c, cluster, find);
  expectAttributes(c, cluster, find);
  const hostNetwork = c.cluster.hostNetwork === true;
  if (built.jobManagerTemplate) {
    expectTemplateFields(find('Deployment', cluster.clusterId)?.spec.template, built.jobManagerTemplate, 'the JobManager pod', hostNetwork);
  }
  if (built.taskManagerTemplate) {
    const workload = find('Deployment', `${cluster.clusterId}-taskmanager`) ?? find('StatefulSet', `${cluster.clusterId}-taskmanager`);
    const shipped = find('ConfigMap', `pod-template-${cluster.clusterId}`)?.data?.['taskmanager-pod-template.yaml'];
    const pod = cluster.mode === DeploymentMode.STANDALONE ? workload?.spec.template : shipped === undefined ? undefined : YAML.parse(shipped, { version: '1.1' });
    expectTemplateFields(pod, built.taskManagerTemplate, 'the TaskManager pod', hostNetwork);
  }
  return { outcome: 'manifests', kinds: [...new Set(manifests.map(m => m.kind as string))].sort() };
}
