import * as fs from 'fs';
import * as path from 'path';
import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { parse as parseYaml } from 'yaml';
import { ImagePullPolicy } from './cluster-options';
import { brand } from './private/brand';
import { Json } from './private/pod';
import { checkTemplateAlone, MAIN_CONTAINER, PodTemplateSource } from './private/pod-template';
import { checkArgs, constructPath } from './private/prop-schemas';
import { checkYamlVersionsAgree } from './private/yaml';

const k8s = kplus.k8s;

/**
 * Resources of the main container besides cpu and memory, which Flink always sets from the options.
 */
export interface PodTemplateResources {
  /**
   * Requests, e.g. `{ 'ephemeral-storage': '256Mi' }`.
   *
   * @default - none
   */
  readonly requests?: { [resource: string]: string };

  /**
   * Limits, e.g. `{ 'nvidia.com/gpu': '1' }`.
   *
   * @default - none
   */
  readonly limits?: { [resource: string]: string };
}

/**
 * The options of the main container (`flink-main-container`) a pod template may set: what Flink does not
 * define itself (its name, command, args, cpu and memory are Flink's).
 */
export interface PodTemplateMainContainerOptions {
  /**
   * The image, unless the cluster's `image` is set (Flink: the explicit option wins over the template).
   *
   * @default - the cluster's image
   */
  readonly image?: string;

  /**
   * The pull policy, unless the cluster's `imagePullPolicy` is set.
   *
   * @default - the cluster's pull policy
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * Environment variables, before Flink's own.
   *
   * @default - none
   */
  readonly env?: kplus.k8s.EnvVar[];

  /**
   * Environment variables from ConfigMaps or Secrets.
   *
   * @default - none
   */
  readonly envFrom?: kplus.k8s.EnvFromSource[];

  /**
   * Ports, before Flink's own (`rest`, `jobmanager-rpc`, `blobserver`, `taskmanager-rpc`).
   *
   * @default - none
   */
  readonly ports?: kplus.k8s.ContainerPort[];

  /**
   * Volume mounts, before Flink's own.
   *
   * @default - none
   */
  readonly volumeMounts?: kplus.k8s.VolumeMount[];

  /**
   * Resources other than cpu and memory (`ephemeral-storage`, GPUs).
   *
   * @default - none
   */
  readonly resources?: PodTemplateResources;

  /**
   * The container's security context.
   *
   * @default - none (with `runAsNonRoot`, the cluster's non-root defaults)
   */
  readonly securityContext?: kplus.k8s.SecurityContext;

  /** Liveness probe. @default - none */
  readonly livenessProbe?: kplus.k8s.Probe;
  /** Readiness probe. @default - none */
  readonly readinessProbe?: kplus.k8s.Probe;
  /** Startup probe. @default - none */
  readonly startupProbe?: kplus.k8s.Probe;
  /** Lifecycle hooks. @default - none */
  readonly lifecycle?: kplus.k8s.Lifecycle;
  /** Working directory. @default - the image's */
  readonly workingDir?: string;
}

/**
 * A pod template's typed fields: everything Flink lets a template decide. Fields Flink defines itself
 * (pod name, namespace, owner references, restart policy, host network, the main container's name,
 * command, args, cpu and memory) have no prop.
 */
export interface PodTemplateProps {
  /** Pod labels, merged with Flink's (Flink's win on the same key). @default - none */
  readonly labels?: { [key: string]: string };
  /** Pod annotations, merged with Flink's. @default - none */
  readonly annotations?: { [key: string]: string };
  /** The service account, unless the cluster sets one. @default - the cluster's */
  readonly serviceAccount?: kplus.IServiceAccount;
  /** Node selector, merged with Flink's. @default - none */
  readonly nodeSelector?: { [key: string]: string };
  /** Tolerations, before Flink's. @default - none */
  readonly tolerations?: kplus.k8s.Toleration[];
  /** Image pull secrets, before Flink's. @default - none */
  readonly imagePullSecrets?: kplus.ISecret[];
  /** Affinity. @default - none */
  readonly affinity?: kplus.k8s.Affinity;
  /** The pod's security context. @default - none (with `runAsNonRoot`, the cluster's non-root defaults) */
  readonly securityContext?: kplus.k8s.PodSecurityContext;
  /** Priority class. @default - none */
  readonly priorityClassName?: string;
  /** Scheduler. @default - the default scheduler */
  readonly schedulerName?: string;
  /** DNS policy (`ClusterFirstWithHostNet` with host networking, whatever this says). @default - `ClusterFirst` */
  readonly dnsPolicy?: string;
  /** DNS configuration. @default - none */
  readonly dnsConfig?: kplus.k8s.PodDnsConfig;
  /** Extra `/etc/hosts` entries. @default - none */
  readonly hostAliases?: kplus.k8s.HostAlias[];
  /** Topology spread constraints. @default - none */
  readonly topologySpreadConstraints?: kplus.k8s.TopologySpreadConstraint[];
  /** Grace period before a terminating pod is killed. @default - 30 seconds (Kubernetes) */
  readonly terminationGracePeriod?: Duration;
  /** Runtime class. @default - none */
  readonly runtimeClassName?: string;
  /** Volumes, before Flink's. @default - none */
  readonly volumes?: kplus.k8s.Volume[];
  /**
   * Init containers, never decorated by Flink; none may be named `flink-main-container`. With
   * `runAsNonRoot` they get the restricted security defaults under their own security context.
   * @default - none
   */
  readonly initContainers?: kplus.k8s.Container[];
  /**
   * Sidecar containers, placed before the main container and never decorated by Flink; none may be named
   * `flink-main-container`, which is Flink's. With `runAsNonRoot` they get the restricted security defaults
   * under their own security context. @default - none
   */
  readonly sidecars?: kplus.k8s.Container[];
  /** The main container's options. @default - none */
  readonly mainContainer?: PodTemplateMainContainerOptions;
}

/**
 * Typed props → the Pod manifest they describe; one JSON round trip at the end drops the unset fields. The
 * L1 structs were checked at their top level on entry; a conversion that still fails on a field deeper down
 * names the prop.
 */
function toPodManifest(props: PodTemplateProps, where: string): Json {
  const json = <T>(prop: string, value: T | undefined, toJson: (v: T) => unknown): any => {
    try {
      return toJson(value as T);
    } catch (e) {
      throw new Error(`${where}: '${prop}' has a field of the wrong type, which the conversion to a Kubernetes object fails on (${(e as Error).message}); compare it with the Kubernetes API reference`);
    }
  };
  const list = <T>(prop: string, items: T[] | undefined, toJson: (item: T) => unknown): unknown[] | undefined =>
    items?.map((item, i) => json(`${prop}[${i}]`, item, toJson));
  const main = props.mainContainer;
  const mainJson = main === undefined ? undefined : {
    name: MAIN_CONTAINER,
    image: main.image,
    imagePullPolicy: main.imagePullPolicy,
    env: list('mainContainer.env', main.env, k8s.toJson_EnvVar),
    envFrom: list('mainContainer.envFrom', main.envFrom, k8s.toJson_EnvFromSource),
    ports: list('mainContainer.ports', main.ports, k8s.toJson_ContainerPort),
    volumeMounts: list('mainContainer.volumeMounts', main.volumeMounts, k8s.toJson_VolumeMount),
    resources: main.resources,
    securityContext: json('mainContainer.securityContext', main.securityContext, k8s.toJson_SecurityContext),
    livenessProbe: json('mainContainer.livenessProbe', main.livenessProbe, k8s.toJson_Probe),
    readinessProbe: json('mainContainer.readinessProbe', main.readinessProbe, k8s.toJson_Probe),
    startupProbe: json('mainContainer.startupProbe', main.startupProbe, k8s.toJson_Probe),
    lifecycle: json('mainContainer.lifecycle', main.lifecycle, k8s.toJson_Lifecycle),
    workingDir: main.workingDir,
  };
  const containers = [...(list('sidecars', props.sidecars, k8s.toJson_Container) ?? []), ...(mainJson ? [mainJson] : [])];
  return clean({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: props.labels || props.annotations ? { labels: props.labels, annotations: props.annotations } : undefined,
    spec: {
      serviceAccountName: props.serviceAccount?.name,
      nodeSelector: props.nodeSelector,
      tolerations: list('tolerations', props.tolerations, k8s.toJson_Toleration),
      imagePullSecrets: props.imagePullSecrets?.map(s => ({ name: s.name })),
      affinity: json('affinity', props.affinity, k8s.toJson_Affinity),
      securityContext: json('securityContext', props.securityContext, k8s.toJson_PodSecurityContext),
      priorityClassName: props.priorityClassName,
      schedulerName: props.schedulerName,
      dnsPolicy: props.dnsPolicy,
      dnsConfig: json('dnsConfig', props.dnsConfig, k8s.toJson_PodDnsConfig),
      hostAliases: list('hostAliases', props.hostAliases, k8s.toJson_HostAlias),
      topologySpreadConstraints: list('topologySpreadConstraints', props.topologySpreadConstraints, k8s.toJson_TopologySpreadConstraint),
      terminationGracePeriodSeconds: gracePeriodSeconds(props.terminationGracePeriod, where),
      runtimeClassName: props.runtimeClassName,
      volumes: list('volumes', props.volumes, k8s.toJson_Volume),
      initContainers: list('initContainers', props.initContainers, k8s.toJson_Container),
      containers: containers.length > 0 ? containers : undefined,
    },
  });
}

/** `terminationGracePeriodSeconds` is whole seconds; Duration.toSeconds() would throw without naming the prop. */
function gracePeriodSeconds(period: Duration | undefined, where: string): number | undefined {
  if (period === undefined) return undefined;
  const ms = period.toMilliseconds();
  if (!Number.isInteger(ms / 1000) || ms < 0) {
    throw new Error(`${where}: 'terminationGracePeriod' is ${ms} ms, but Kubernetes takes a whole number of seconds (terminationGracePeriodSeconds); use e.g. Duration.seconds(30)`);
  }
  return ms / 1000;
}

/**
 * Flink loads a template with fabric8, whose typed model turns YAML numbers and booleans in string fields
 * into strings (`value: 4` → `"4"`); the fields users write that way are label, annotation and node
 * selector values and env values.
 */
function stringifyScalars(pod: Json): Json {
  const strings = (m: unknown) => (m && typeof m === 'object' && !Array.isArray(m)
    ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === null || typeof v === 'object' ? v : String(v)]))
    : m);
  const container = (c: Json) => (Array.isArray(c?.env)
    ? { ...c, env: c.env.map((e: Json) => (e && e.value !== undefined && e.value !== null && typeof e.value !== 'object' ? { ...e, value: String(e.value) } : e)) }
    : c);
  const result: Json = { ...pod };
  if (pod.metadata) result.metadata = { ...pod.metadata, labels: strings(pod.metadata.labels), annotations: strings(pod.metadata.annotations) };
  if (pod.spec) {
    result.spec = { ...pod.spec, nodeSelector: strings(pod.spec.nodeSelector) };
    for (const field of ['containers', 'initContainers']) {
      if (Array.isArray(pod.spec[field])) result.spec[field] = pod.spec[field].map(container);
    }
  }
  return JSON.parse(JSON.stringify(result));
}

function clean(value: unknown): any {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * A Flink pod template: the pod the JobManager's or the TaskManagers' pods start from
 * (`kubernetes.pod-template-file.default/.jobmanager/.taskmanager`), with Flink's override rules checked
 * when it is built and again when a cluster uses it. Give it to a cluster as `podTemplate`,
 * `jobManager.podTemplate` or `taskManager.podTemplate`.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/native_kubernetes/#pod-template
 */
export class PodTemplate extends Construct {
  /**
   * An existing pod-template file, as `kubernetes.pod-template-file.*` would name it, unchanged. Fields
   * Flink defines itself are errors that quote the rule and the fix.
   *
   * @param file the file's path, relative to the working directory of the synth
   */
  public static fromFile(scope: Construct, id: string, file: string): PodTemplate {
    checkArgs('PodTemplate.fromFile', [scope, id, file], 'PodTemplate.fromFile()');
    const where = `PodTemplate.fromFile('${file}')`;
    const resolved = path.resolve(file);
    if (!fs.existsSync(resolved)) {
      throw new Error(`${where}: the file does not exist (looked for ${resolved}); give the path of an existing file (paths are relative to the directory cdk8s synth runs in)`);
    }
    return PodTemplate.fromYaml(scope, id, fs.readFileSync(resolved, 'utf8'), where);
  }

  private static fromYaml(scope: Construct, id: string, text: string, where: string): PodTemplate {
    let json: unknown;
    try {
      json = parseYaml(text);
    } catch (e) {
      throw new Error(`${where}: not valid YAML (${(e as Error).message.trim()}); fix the file, or give a Pod manifest in YAML`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new Error(`${where}: expected a Pod manifest (apiVersion: v1, kind: Pod, metadata, spec); give the file of a pod template`);
    }
    // the TaskManagers get the file verbatim when nothing is layered under it: it must read the same as YAML 1.1
    checkYamlVersionsAgree(text, where);
    const template = new PodTemplate(scope, id);
    template.source = { json: stringifyScalars(json as Json), text, where };
    checkTemplateAlone(template.source);
    return template;
  }

  private source: PodTemplateSource;

  constructor(scope: Construct, id: string, props: PodTemplateProps = {}) {
    checkArgs('PodTemplate.constructor', [scope, id, props], constructPath('PodTemplate', scope, id));
    super(scope, id);
    brand(this, 'PodTemplate');
    const where = `PodTemplate '${this.node.path}'`;
    const reserved = (props.sidecars ?? []).findIndex(c => c?.name === MAIN_CONTAINER);
    if (reserved !== -1) {
      throw new Error(`${where}: 'sidecars[${reserved}]' is named '${MAIN_CONTAINER}', the name Flink reserves for its own container (Constants.MAIN_CONTAINER_NAME): Flink would take it as the main container and run Flink's command in the sidecar's image; give the sidecar another name, and set the main container's options with 'mainContainer'`);
    }
    this.source = { json: toPodManifest(props, where), where };
    checkTemplateAlone(this.source);
  }

  /** The template as a Pod manifest, with where it came from. @internal */
  public get _source(): PodTemplateSource {
    return this.source;
  }
}
