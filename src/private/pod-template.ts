import { checkAnnotations, checkLabels, checkTolerations, isDnsLabel } from './metadata';
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

/** What Flink adds to a component's pods, and what the user set explicitly, for the checks. */
export interface ComponentFacts {
  readonly component: RuleComponents.JOB_MANAGER | RuleComponents.TASK_MANAGER;
  /** standalone mode: the library, not Flink, applies the rules to the workloads it renders */
  readonly standalone: boolean;
  /** the props that hold it, e.g. `jobManager.podTemplate` */
  readonly prop: string;
  /** Flink's entries of merged lists, by rule field (`spec.volumes` → names) */
  readonly flinkNames: Record<string, string[]>;
  /**
   * Flink's entries of merged maps, by rule field, with the prop that set each (or undefined for Flink's own);
   * an entry without a value is set at synth, so that any value of the template's conflicts, and its `prop`
   * says who sets it
   */
  readonly flinkMaps: Record<string, Record<string, { value?: string; prop?: string }>>;
  /** explicitly set options of user-defined fields, by rule field: the value and the prop */
  readonly explicit: Record<string, { value: string; prop: string } | undefined>;
  /** the volumes Flink (or the library) adds to the pods, which the template's containers may mount too */
  readonly mountableVolumes?: string[];
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
    throw new Error(`${source.where}: a pod template is a Pod manifest (apiVersion: v1, kind: Pod); got ${json.apiVersion}/${json.kind}`);
  }
  const containers: Json[] = json.spec?.containers ?? [];
  if (!Array.isArray(containers) || containers.some(c => typeof c?.name !== 'string')) {
    throw new Error(`${source.where}: every container in spec.containers needs a name`);
  }
  const initContainers: Json[] = Array.isArray(json.spec?.initContainers) ? json.spec.initContainers : [];
  const reserved = initContainers.findIndex(c => c?.name === MAIN_CONTAINER);
  if (reserved !== -1) {
    throw new Error(`${source.where}: the init container 'spec.initContainers[${reserved}]' is named '${MAIN_CONTAINER}', the name of Flink's main container (Constants.MAIN_CONTAINER_NAME), and the API server rejects two containers of one name in a pod; rename it`);
  }
  if (containers.filter(c => c.name === MAIN_CONTAINER).length > 1) {
    throw new Error(`${source.where}: more than one container is named '${MAIN_CONTAINER}'; Flink would keep the last and drop the others`);
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
  checkApiServerRules(source);
}

const array = (v: unknown): Json[] => (Array.isArray(v) ? v : []);
const map = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});

/**
 * What the API server checks of a pod beyond its schema (`ValidateObjectMeta`, `ValidatePodSpec`; metadata.ts): label,
 * annotation and node-selector keys and values, tolerations, and names unique where a pod needs them. Flink copies
 * these fields into the pods unchecked, so a native TaskManager pod that breaks them fails only when the JobManager
 * creates it.
 */
function checkApiServerRules(source: PodTemplateSource): void {
  const json = source.json;
  const at = (path: string) => `${source.where}: '${path}'`;
  checkLabels(map(json.metadata?.labels), at('metadata.labels'));
  checkAnnotations(map(json.metadata?.annotations), at('metadata.annotations'));
  checkLabels(map(json.spec?.nodeSelector), at('spec.nodeSelector'));
  checkTolerations(array(json.spec?.tolerations), i => at(`spec.tolerations[${i}]`));
  const volumes = array(json.spec?.volumes).map(v => v?.name);
  volumes.forEach((name, i) => {
    if (typeof name !== 'string' || !isDnsLabel(name)) {
      throw new Error(`${at(`spec.volumes[${i}].name`)} is ${JSON.stringify(name)}, which Kubernetes refuses: a volume name is a DNS-1123 label (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit); rename it`);
    }
    if (volumes.indexOf(name) !== i) {
      throw new Error(`${at('spec.volumes')} has two volumes named '${name}', which Kubernetes refuses (a pod's volume names are unique); rename or remove one`);
    }
  });
  const containers = [...array(json.spec?.initContainers), ...array(json.spec?.containers)];
  const names = containers.map(c => c?.name);
  const twice = names.find((n, i) => n !== MAIN_CONTAINER && names.indexOf(n) !== i);
  if (twice !== undefined) {
    throw new Error(`${source.where}: two containers (init containers included) are named '${twice}', which Kubernetes refuses (a pod's container names are unique); rename one`);
  }
  for (const c of containers) {
    const paths = array(c?.volumeMounts).map(m => m?.mountPath);
    const path = paths.find((p, i) => paths.indexOf(p) !== i);
    if (path !== undefined) {
      throw new Error(`${source.where}: the container '${c.name}' mounts two volumes at '${path}', which Kubernetes refuses (mount paths are unique per container); remove one`);
    }
  }
}

/**
 * Every volume a container of the template mounts must be in the pod: the template's own, or one Flink adds
 * (`mountable`, e.g. `flink-config-volume`); else Kubernetes refuses the pod ("volumeMounts[].name: Not found").
 */
function checkMountedVolumes(source: PodTemplateSource, facts: ComponentFacts): void {
  if (facts.mountableVolumes === undefined) return;
  const own = array(source.json.spec?.volumes).map(v => v?.name);
  for (const c of [...array(source.json.spec?.initContainers), ...array(source.json.spec?.containers)]) {
    for (const m of array(c?.volumeMounts)) {
      if (own.includes(m?.name) || facts.mountableVolumes.includes(m?.name)) continue;
      const flink = facts.mountableVolumes.length > 0 ? `, nor is it one Flink adds (${facts.mountableVolumes.join(', ')})` : '';
      throw new Error(`${source.where}: the container '${c.name}' mounts the volume '${m?.name}' at '${m?.mountPath}', but the template's spec.volumes has no volume of that name${flink}, so Kubernetes would refuse the pod; add the volume to spec.volumes, or fix the mount's name`);
    }
  }
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
  checkMountedVolumes(source, facts);
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
