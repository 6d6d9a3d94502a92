import { checkMetadata, dnsLabelProblem, dnsSubdomainProblem, MetadataKind, resourcesProblem, tolerationProblem } from './kubernetes-syntax';
import { FlinkPod, Json, MAIN_CONTAINER_NAME, nonEmpty } from './pod';
import { POD_TEMPLATE_RULES, PodTemplateRule, RuleCheck, RuleComponents, rulesFor } from './pod-template-rules';
import { sortedYaml } from './yaml';

export const MAIN_CONTAINER = MAIN_CONTAINER_NAME;

/** A pod template as a Pod manifest; `text` is the file's content when it came from one. */
export interface PodTemplateSource {
  readonly json: Json;
  readonly text?: string;
  /** how the user wrote it, for messages: `PodTemplate.fromFile('tm.yaml')` */
  readonly where: string;
}

/** A template as a cluster uses it, with the prop that holds it. */
export interface NamedTemplate extends PodTemplateSource {
  /** the prop that holds it */
  readonly prop: string;
}

/** What Flink adds to a component's pods, and what the user set explicitly, for the checks. */
export interface ComponentFacts {
  readonly component: RuleComponents.JOB_MANAGER | RuleComponents.TASK_MANAGER;
  /** standalone mode: the library, not Flink, applies the rules to the workloads it renders */
  readonly standalone: boolean;
  /** the props that hold it, e.g. `jobManager.podTemplate` */
  readonly prop: string;
  /** Flink's entries of merged lists, by rule field (`spec.volumes` → names) */
  readonly flinkNames: Record<string, string[]>;
  /** the volumes Flink (or the library) gives the pods, which the template's containers may mount too */
  readonly mountableVolumes: string[];
  /**
   * Flink's entries of merged maps, by rule field, with the prop that set each (or undefined for Flink's own);
   * an entry without a value is set at synth, so that any value of the template's conflicts, and its `prop`
   * says who sets it
   */
  readonly flinkMaps: Record<string, Record<string, { value?: string; prop?: string }>>;
  /** explicitly set options of user-defined fields, by rule field: the value and the prop */
  readonly explicit: Record<string, { value: string; prop: string } | undefined>;
}

function mainContainerOf(json: Json): Json | undefined {
  const containers: Json[] = json.spec?.containers ?? [];
  // loadPodFromTemplateFile: the last container of that name is the main container
  return containers.filter(c => c?.name === MAIN_CONTAINER).pop();
}

function valueAt(json: Json, rulePath: readonly string[]): any {
  let at: any = rulePath[0] === 'main' ? mainContainerOf(json) : json[rulePath[0]];
  for (const segment of rulePath.slice(1)) at = at?.[segment];
  return at;
}

function ruleValue(json: Json, rule: PodTemplateRule): any {
  return valueAt(json, rule.path) ?? (rule.fallbackPath ? valueAt(json, rule.fallbackPath) : undefined);
}

function field(rule: PodTemplateRule): string {
  return rule.path.map(p => (p === 'main' ? `spec.containers[${MAIN_CONTAINER}]` : p)).join('.');
}

function ruleError(source: PodTemplateSource, rule: PodTemplateRule, detail: string, fix = rule.fix): Error {
  return new Error(`${source.where}: '${field(rule)}' ${detail}. ${rule.category} (pod-template rules): ${rule.subject ?? 'Flink'} ${rule.flink}; ${fix}`);
}

/** Checks of the rules that need no cluster: fields Flink always defines, and the manifest's shape. */
export function checkTemplateAlone(source: PodTemplateSource): void {
  const json = source.json;
  if ((json.apiVersion !== undefined && json.apiVersion !== 'v1') || (json.kind !== undefined && json.kind !== 'Pod')) {
    throw new Error(`${source.where}: a pod template is a Pod manifest (apiVersion: v1, kind: Pod); got ${json.apiVersion}/${json.kind}: use a Pod, e.g. the pod spec of that ${json.kind ?? 'object'} under apiVersion: v1, kind: Pod`);
  }
  const containers: Json[] = json.spec?.containers ?? [];
  if (!Array.isArray(containers) || containers.some(c => typeof c?.name !== 'string')) {
    throw new Error(`${source.where}: every container in spec.containers needs a name; give each one, and the main container the name '${MAIN_CONTAINER}'`);
  }
  const initContainers: Json[] = Array.isArray(json.spec?.initContainers) ? json.spec.initContainers : [];
  const reserved = initContainers.findIndex(c => c?.name === MAIN_CONTAINER);
  if (reserved !== -1) {
    throw new Error(`${source.where}: the init container 'spec.initContainers[${reserved}]' is named '${MAIN_CONTAINER}', the name of Flink's main container (Constants.MAIN_CONTAINER_NAME), and the API server rejects two containers of one name in a pod; rename it`);
  }
  if (containers.filter(c => c.name === MAIN_CONTAINER).length > 1) {
    throw new Error(`${source.where}: more than one container is named '${MAIN_CONTAINER}'; Flink would keep the last and drop the others: keep one, and rename the others to run them as sidecars`);
  }
  if (mainContainerOf(json) === undefined) {
    const lookalike = containers.find(c => /main/i.test(c.name));
    if (lookalike) {
      throw new Error(`${source.where}: the container '${lookalike.name}' would be a sidecar: Flink takes only the container named '${MAIN_CONTAINER}' as its main container and decorates no other; rename it to '${MAIN_CONTAINER}'`);
    }
  }
  for (const rule of POD_TEMPLATE_RULES) {
    if (rule.components !== RuleComponents.BOTH) continue;
    checkForbidden(source, rule);
  }
  checkKubernetesSyntax(source);
}

const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

/**
 * What the API server validates of the fields a template keeps (`ValidatePodSpec`, `ValidateObjectMeta`), so
 * that neither the JobManager Deployment nor a TaskManager pod the JobManager creates from it is refused.
 */
function checkKubernetesSyntax(source: PodTemplateSource): void {
  const json = source.json;
  const fail = (at: string, problem: string) => {
    throw new Error(`${source.where}: '${at}' ${problem}`);
  };
  for (const [path, kind, map] of [
    ['metadata.labels', MetadataKind.LABELS, json.metadata?.labels],
    ['metadata.annotations', MetadataKind.ANNOTATIONS, json.metadata?.annotations],
    ['spec.nodeSelector', MetadataKind.NODE_SELECTOR, json.spec?.nodeSelector],
  ] as Array<[string, MetadataKind, Record<string, string> | undefined]>) {
    if (map !== undefined && map !== null) checkMetadata(kind, map, 'the pods', `${source.where}: '${path}'`);
  }
  const containerNames = new Set<string>();
  for (const list of ['initContainers', 'containers']) {
    const containers: unknown = json.spec?.[list];
    (Array.isArray(containers) ? containers : []).forEach((c: Json, i: number) => {
      const at = `spec.${list}[${i}]`;
      const problem = typeof c?.name === 'string' ? dnsLabelProblem(c.name) : 'missing';
      if (problem !== undefined) fail(`${at}.name`, `is ${JSON.stringify(c?.name)}: a container name is ${problem}; rename it, e.g. 'log-shipper'`);
      if (containerNames.has(c.name)) fail(`${at}.name`, `is '${c.name}', the name of another container of the pod, which the API server rejects; rename one of them`);
      containerNames.add(c.name);
      const resources = resourcesProblem(c.resources, `${at}.resources`);
      if (resources !== undefined) throw new Error(`${source.where}: ${resources}`);
      const mountPaths: unknown[] = (Array.isArray(c?.volumeMounts) ? c.volumeMounts : []).map((m: Json) => m?.mountPath);
      const twice = mountPaths.find((path, j) => mountPaths.indexOf(path) !== j);
      if (twice !== undefined) fail(`${at}.volumeMounts`, `mounts two volumes at '${twice}', which the API server rejects (mount paths are unique per container); remove one`);
    });
  }
  const volumes: unknown = json.spec?.volumes;
  const volumeNames = new Set<string>();
  (Array.isArray(volumes) ? volumes : []).forEach((v: Json, i: number) => {
    const problem = typeof v?.name === 'string' ? dnsLabelProblem(v.name) : 'missing';
    if (problem !== undefined) fail(`spec.volumes[${i}].name`, `is ${JSON.stringify(v?.name)}: a volume name is ${problem}; rename it`);
    if (volumeNames.has(v.name)) fail(`spec.volumes[${i}].name`, `is '${v.name}', the name of another volume of the template, which the API server rejects; rename one of them`);
    volumeNames.add(v.name);
  });
  const tolerations: unknown = json.spec?.tolerations;
  (Array.isArray(tolerations) ? tolerations : []).forEach((t: Json, i: number) => {
    const seconds = t?.tolerationSeconds;
    const problem = tolerationProblem({
      key: t?.key, operator: t?.operator, value: t?.value, effect: t?.effect, tolerationseconds: seconds === undefined ? undefined : String(seconds),
    });
    if (problem !== undefined) fail(`spec.tolerations[${i}]`, `is refused by the API server (validateTolerations): ${problem.what}; ${problem.fix}`);
  });
  const dnsPolicy = json.spec?.dnsPolicy;
  if (dnsPolicy !== undefined && !DNS_POLICIES.includes(dnsPolicy)) {
    fail('spec.dnsPolicy', `is ${JSON.stringify(dnsPolicy)}, which Kubernetes does not know; use one of ${DNS_POLICIES.join(', ')} (they are case-sensitive), or leave it out for ClusterFirst`);
  }
  const priorityClass = json.spec?.priorityClassName;
  const priorityProblem = typeof priorityClass === 'string' ? dnsSubdomainProblem(priorityClass) : undefined;
  if (priorityProblem !== undefined) fail('spec.priorityClassName', `is '${priorityClass}': a PriorityClass name is ${priorityProblem}; give the PriorityClass's real name`);
}

function checkForbidden(source: PodTemplateSource, rule: PodTemplateRule): void {
  const value = valueAt(source.json, rule.path);
  if (value === undefined) return;
  if (rule.check === RuleCheck.FORBIDDEN) {
    if (rule.forbiddenKeys) {
      const present = rule.forbiddenKeys.filter(k => valueAt(value, k.split('.')) !== undefined);
      if (present.length > 0) throw ruleError(source, rule, `sets ${present.join(', ')}, which Flink overwrites`);
    } else {
      throw ruleError(source, rule, `is set (${JSON.stringify(value)}), which Flink overwrites or ignores`);
    }
  }
  if (rule.check === RuleCheck.ONLY_VALUE && value !== rule.allowed) {
    throw ruleError(source, rule, `is '${value}'`);
  }
}

/** Every rule for a template used by one component of a cluster (reference §4). */
export function checkTemplateForCluster(source: PodTemplateSource, facts: ComponentFacts): void {
  checkVolumeMounts(source, facts);
  for (const rule of rulesFor(facts.component, facts.standalone)) {
    checkForbidden(source, rule);
    const value = ruleValue(source.json, rule);
    if (value === undefined) continue;
    if (rule.check === RuleCheck.PRECEDENCE) {
      const option = facts.explicit[rule.field];
      if (option !== undefined && option.value !== value) {
        throw ruleError(source, rule, `is '${value}' but ${option.prop} sets '${option.value}'`, `${rule.fix} (the option would win)`);
      }
    }
    if (rule.check === RuleCheck.MAP_MERGE) {
      for (const [k, flink] of Object.entries(facts.flinkMaps[rule.field] ?? {})) {
        if (k in value && flink.value === undefined) {
          throw ruleError(source, rule, `has '${k}: ${value[k]}', which ${flink.prop} sets`, 'remove it');
        }
        if (k in value && String(value[k]) !== flink.value) {
          const by = flink.prop ? `${flink.prop} sets` : 'Flink sets';
          throw ruleError(source, rule, `has '${k}: ${value[k]}' but ${by} '${k}: ${flink.value}'`, `${rule.fix}; Flink's value would win`);
        }
      }
    }
    if (rule.check === RuleCheck.LIST_NAMES && Array.isArray(value)) {
      const flinkNames = facts.flinkNames[rule.field] ?? [];
      for (const entry of value) {
        const name = entry?.[rule.entryKey!];
        if (flinkNames.includes(name)) {
          throw ruleError(source, rule, `has an entry with ${rule.entryKey} '${name}', which Flink adds for ${facts.prop.replace(/\.podTemplate$/, '') || 'this component'} too`);
        }
      }
    }
  }
}

/** Every volume mount names a volume of the pod: the template's own, or one Flink adds (`ValidateVolumeMounts`). */
function checkVolumeMounts(source: PodTemplateSource, facts: ComponentFacts): void {
  const json = source.json;
  const volumes = new Set<string>([
    ...(Array.isArray(json.spec?.volumes) ? json.spec.volumes : []).map((v: Json) => v?.name),
    ...facts.mountableVolumes,
  ]);
  for (const list of ['initContainers', 'containers']) {
    const containers: unknown = json.spec?.[list];
    for (const c of Array.isArray(containers) ? containers as Json[] : []) {
      const mounts: unknown = c?.volumeMounts;
      (Array.isArray(mounts) ? mounts : []).forEach((m: Json, i: number) => {
        if (!volumes.has(m?.name)) {
          throw new Error(`${source.where}: 'spec.${list}[${c.name}].volumeMounts[${i}]' mounts the volume '${m?.name}', which the pod does not have (it has ${[...volumes].join(', ') || 'none'}), so the API server would reject it; add the volume to the template's 'volumes', or mount one the pod has`);
        }
      });
    }
  }
}

/** The pod a template describes, split as Flink splits it: sidecars in `spec.containers`, the main container apart. */
export function toFlinkPod(json: Json): FlinkPod {
  const containers: Json[] = json.spec?.containers ?? [];
  const { containers: _, ...spec } = json.spec ?? {};
  return {
    metadata: { ...json.metadata },
    spec: { ...spec, containers: containers.filter(c => c.name !== MAIN_CONTAINER) },
    mainContainer: { ...(mainContainerOf(json) ?? {}), name: MAIN_CONTAINER },
  };
}

/**
 * Layers `defaults` under a pod: the pod's own security contexts win field by field, and the main container's
 * defaults go under every container, sidecars and init containers too; the pod's own
 * `automountServiceAccountToken` wins over the default's; the defaults' ports (the reporter's `metrics` port)
 * follow the main container's own, and Flink appends its ports after both. Fields neither sets stay absent.
 */
export function withDefaults(pod: FlinkPod, defaults: FlinkPod): FlinkPod {
  const base = defaults.mainContainer.securityContext;
  const container = (c: Json) => (c && typeof c === 'object' ? definedFields({ ...c, securityContext: containerSecurityContext(base, c.securityContext) }) : c);
  const token = pod.spec.automountServiceAccountToken ?? defaults.spec.automountServiceAccountToken;
  const ports = [...(pod.mainContainer.ports ?? []), ...(defaults.mainContainer.ports ?? [])];
  const spec: Json = definedFields({
    ...pod.spec,
    securityContext: pod.spec.securityContext || defaults.spec.securityContext
      ? { ...defaults.spec.securityContext, ...pod.spec.securityContext }
      : undefined,
    automountServiceAccountToken: token,
    containers: (pod.spec.containers ?? []).map(container),
  });
  if (Array.isArray(pod.spec.initContainers)) spec.initContainers = pod.spec.initContainers.map(container);
  const main = container(pod.mainContainer);
  return { metadata: pod.metadata, spec, mainContainer: ports.length > 0 ? { ...main, ports } : main };
}

/** The object without its undefined fields, which a manifest leaves out. */
function definedFields(json: Json): Json {
  return Object.fromEntries(Object.entries(json).filter(([, v]) => v !== undefined));
}

/**
 * A container's security context over the defaults: `capabilities` merged one level deeper (a container that
 * only adds one keeps `drop: [ALL]`), and no `allowPrivilegeEscalation: false` under `privileged: true` or an
 * added `CAP_SYS_ADMIN`, which the API server rejects together (`ValidateSecurityContext`).
 */
function containerSecurityContext(base: Json | undefined, own: Json | undefined): Json | undefined {
  if (base === undefined) return own;
  const merged: Json = { ...base, ...own };
  if (base.capabilities && own?.capabilities) merged.capabilities = { ...base.capabilities, ...own.capabilities };
  const escalates = own?.privileged === true || (own?.capabilities?.add ?? []).includes('CAP_SYS_ADMIN');
  if (escalates && own?.allowPrivilegeEscalation === undefined) delete merged.allowPrivilegeEscalation;
  return merged;
}

const defaultsTexts = new Map<string, string>();

/** The defaults alone as a template: the same text for every cluster, rendered once. */
function defaultsText(defaults: FlinkPod): string {
  const key = JSON.stringify(defaults);
  let text = defaultsTexts.get(key);
  if (text === undefined) {
    text = sortedYaml(toManifest(defaults));
    defaultsTexts.set(key, text);
  }
  return text;
}

/** A FlinkPod back as a Pod manifest (main container last, as Flink orders it). */
export function toManifest(pod: FlinkPod): Json {
  const main = Object.keys(pod.mainContainer).length > 1 ? [pod.mainContainer] : [];
  const containers = [...(pod.spec.containers ?? []), ...main];
  return { apiVersion: 'v1', kind: 'Pod', metadata: pod.metadata, spec: { ...pod.spec, containers: nonEmpty(containers) } };
}

/**
 * The file content shipped for TaskManagers: the user's file verbatim when the defaults add nothing to it,
 * else the manifest with the defaults (whose fields the user's win).
 */
export function taskManagerTemplateText(source: PodTemplateSource | undefined, defaults: FlinkPod): string {
  if (source === undefined) return defaultsText(defaults);
  const layered = toManifest(withDefaults(toFlinkPod(source.json), defaults));
  const original = toManifest(toFlinkPod(source.json));
  if (source.text !== undefined && JSON.stringify(layered) === JSON.stringify(original)) return source.text;
  // sidecars first and the main container last, as Flink reads them back
  return sortedYaml({ ...source.json, spec: layered.spec });
}
