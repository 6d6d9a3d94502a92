/**
 * What the Kubernetes API server (and the kubelet, for images) checks of the names, labels, annotations and
 * quantities a prop puts into a manifest, so that a synth never emits an object the API server rejects — or,
 * for native TaskManager pods, that the JobManager's create call would be refused at runtime, visible in its
 * log only. Each function says why a value is not accepted, or returns undefined; the callers name the prop.
 *
 * Sources: `k8s.io/apimachinery/pkg/util/validation` (`IsDNS1123Label`, `IsDNS1123Subdomain`,
 * `IsQualifiedName`, `IsValidLabelValue`, `IsConfigMapKey`), `k8s.io/apimachinery/pkg/api/resource`
 * (`ParseQuantity`), `pkg/apis/core/validation` (`ValidateAnnotations`, `validateTolerations`,
 * `validateResourceRequirements`, `ValidateOwnerReferences`), and `github.com/distribution/reference` (the
 * image reference grammar the kubelet parses: `InvalidImageName`).
 */

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS_1123_LABEL = new RegExp(`^${LABEL}$`);
const DNS_1123_SUBDOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
/** `qualifiedNameFmt` and `labelValueFmt`: alphanumerics, '-', '_', '.', alphanumeric at both ends */
const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** An environment variable name the API server accepts (`IsEnvVarName`). */
export const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Why `name` is not a DNS-1123 label (namespaces, container and volume names), if it is not. */
export function dnsLabelProblem(name: string): string | undefined {
  if (name.length <= 63 && DNS_1123_LABEL.test(name)) return undefined;
  return 'a DNS-1123 label: at most 63 lowercase letters, digits and \'-\', starting and ending with a letter or digit';
}

/** Why `name` is not a DNS-1123 subdomain (names of ServiceAccounts, ConfigMaps, Secrets, classes), if it is not. */
export function dnsSubdomainProblem(name: string): string | undefined {
  if (name.length <= 253 && DNS_1123_SUBDOMAIN.test(name)) return undefined;
  return 'a DNS-1123 subdomain: at most 253 lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit';
}

/** Why `key` is not a qualified name (label and annotation keys: `IsQualifiedName`), if it is not. */
export function qualifiedNameProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.substring(0, slash);
  const name = key.substring(slash + 1);
  const prefixOk = prefix === undefined || (prefix.length <= 253 && DNS_1123_SUBDOMAIN.test(prefix));
  if (prefixOk && name.length <= 63 && NAME_PART.test(name)) return undefined;
  return 'an optional DNS subdomain prefix and \'/\', then a name of at most 63 letters, digits, \'-\', \'_\' or \'.\' that starts and ends with a letter or digit';
}

/** Why `value` is not a label value (`IsValidLabelValue`), if it is not. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '' || (value.length <= 63 && NAME_PART.test(value))) return undefined;
  return 'empty, or at most 63 letters, digits, \'-\', \'_\' or \'.\' that start and end with a letter or digit';
}

/** A value close to `value` that Kubernetes accepts as a label value, for the fix in a message. */
export function labelValueLike(value: string): string {
  const cleaned = value.replace(/[^-A-Za-z0-9_.]+/g, '-').substring(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return cleaned === '' ? 'my-value' : cleaned;
}

/** Labels, annotations and node selectors: what the API server validates of each (`ValidateLabels`, `ValidateAnnotations`). */
export enum MetadataKind {
  LABELS = 'labels',
  ANNOTATIONS = 'annotations',
  NODE_SELECTOR = 'nodeSelector',
}

/**
 * Why an entry of a labels, annotations or node-selector map would be rejected, if it would: the key must be a
 * qualified name (annotation keys are checked in lower case), a label or node-selector value a label value.
 * The text says what is wrong, what is allowed, what the API server would reject (`objects`) and the fix.
 */
export function metadataEntryProblem(kind: MetadataKind, key: string, value: string, objects: string): string | undefined {
  const what = kind === MetadataKind.ANNOTATIONS ? 'annotation' : kind === MetadataKind.NODE_SELECTOR ? 'node-selector label' : 'label';
  const keyProblem = qualifiedNameProblem(kind === MetadataKind.ANNOTATIONS ? key.toLowerCase() : key);
  if (keyProblem !== undefined) {
    return `the ${what} key '${key}' is not one Kubernetes accepts (IsQualifiedName: ${keyProblem}), so the API server would reject ${objects}; rename it, e.g. 'team' or 'example.com/team'`;
  }
  if (kind === MetadataKind.ANNOTATIONS) return undefined;
  const valueProblem = labelValueProblem(value);
  if (valueProblem !== undefined) {
    return `the value '${value}' of the ${what} '${key}' is not one Kubernetes accepts (IsValidLabelValue: ${valueProblem}), so the API server would reject ${objects}; use e.g. '${labelValueLike(value)}'`;
  }
  return undefined;
}

/** The first problem of a whole map, with its key. */
export function metadataProblem(kind: MetadataKind, map: Record<string, string>, objects: string): { key: string; problem: string } | undefined {
  for (const [key, value] of Object.entries(map)) {
    const problem = metadataEntryProblem(kind, key, value, objects);
    if (problem !== undefined) return { key, problem };
  }
  return undefined;
}

/** Fails on the first entry of `map` the API server refuses, as `<at>: <problem>` (`at` names the prop). */
export function checkMetadata(kind: MetadataKind, map: Record<string, string>, objects: string, at: string): void {
  const found = metadataProblem(kind, map, objects);
  if (found !== undefined) throw new Error(`${at}: ${found.problem}`);
}

/** `type` and `app` are on every object of a cluster (`commonLabels`): a prop's labels may not set them. */
export function checkOwnLabels(prop: string, labels: Record<string, string>, fix: string): void {
  const own = Object.keys(labels).filter(k => k === 'type' || k === 'app');
  if (own.length > 0) throw new Error(`'${prop}' sets ${own.join(', ')}, which every object of the cluster carries as its own label; ${fix}`);
}

/** `IsConfigMapKey`: the keys of ConfigMaps and Secrets, as a `secretKeyRef.key` names them. */
export function configMapKeyProblem(key: string): string | undefined {
  if (key.length <= 253 && /^[-._a-zA-Z0-9]+$/.test(key) && key !== '.' && key !== '..') return undefined;
  return 'at most 253 letters, digits, \'-\', \'_\' or \'.\' (not \'.\' or \'..\')';
}

/**
 * `resource.ParseQuantity`'s grammar: a signed decimal number and an optional binary (`Ki` … `Ei`), decimal
 * (`m`, `k`, `M` … `E`) or exponent (`e3`, `E-2`) suffix.
 */
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const MULTIPLIERS: Record<string, number> = {
  '': 1,
  'm': 1e-3,
  'k': 1e3,
  'M': 1e6,
  'G': 1e9,
  'T': 1e12,
  'P': 1e15,
  'E': 1e18,
  'Ki': 2 ** 10,
  'Mi': 2 ** 20,
  'Gi': 2 ** 30,
  'Ti': 2 ** 40,
  'Pi': 2 ** 50,
  'Ei': 2 ** 60,
};

/** A quantity's value as a number (precise enough to compare two), or undefined if it does not parse. */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text);
  if (match === null) return undefined;
  const suffix = match[2] ?? '';
  const multiplier = /^[eE]/.test(suffix) ? 10 ** Number(suffix.substring(1)) : MULTIPLIERS[suffix];
  return Number(match[1]) * multiplier;
}

/**
 * The resource names a container may request (`validateContainerResourceName`): the standard ones, huge pages,
 * or an extended resource with a domain (`nvidia.com/gpu`).
 */
function resourceNameProblem(name: string): string | undefined {
  if (['cpu', 'memory', 'ephemeral-storage'].includes(name) || /^hugepages-/.test(name)) return undefined;
  if (name.includes('/') && qualifiedNameProblem(name) === undefined) return undefined;
  return `'${name}' is not a resource a container can request: use 'cpu', 'memory', 'ephemeral-storage', 'hugepages-<size>' or an extended resource with its domain, e.g. 'nvidia.com/gpu'`;
}

/**
 * Why a container's `resources` would be rejected (`validateResourceRequirements`), if they would: a resource
 * name Kubernetes does not know, a quantity that does not parse, a negative one, or a request above its limit.
 * `at` is the resources' path, for the message.
 */
export function resourcesProblem(resources: unknown, at: string): string | undefined {
  if (resources === undefined || resources === null) return undefined;
  if (typeof resources !== 'object' || Array.isArray(resources)) return `'${at}' is not an object of requests and limits`;
  const values: Record<string, Record<string, number>> = {};
  for (const section of ['requests', 'limits']) {
    const map: unknown = (resources as Record<string, unknown>)[section];
    if (map === undefined || map === null) continue;
    if (typeof map !== 'object' || Array.isArray(map)) return `'${at}.${section}' is not a map of resource names to quantities`;
    values[section] = {};
    for (const [name, raw] of Object.entries(map)) {
      const nameProblem = resourceNameProblem(name);
      if (nameProblem !== undefined) return `'${at}.${section}' has ${nameProblem}`;
      const text = String(raw).trim();
      const quantity = typeof raw === 'number' || typeof raw === 'string' ? parseQuantity(text) : undefined;
      if (quantity === undefined) {
        return `'${at}.${section}.${name}' is ${JSON.stringify(raw)}, which is not a Kubernetes quantity (resource.ParseQuantity); write a number with an optional unit, e.g. '512Mi', '2Gi' or '500m'`;
      }
      if (quantity < 0) return `'${at}.${section}.${name}' is '${text}': a resource quantity must not be negative; give a positive one`;
      values[section][name] = quantity;
    }
  }
  for (const [name, request] of Object.entries(values.requests ?? {})) {
    const limit = values.limits?.[name];
    if (limit !== undefined && request > limit) {
      return `'${at}.requests.${name}' is above '${at}.limits.${name}': a request must not exceed its limit (validateResourceRequirements); lower the request or raise the limit`;
    }
  }
  return undefined;
}

/** The image reference grammar of `distribution/reference` (`ReferenceRegexp`), which the kubelet parses. */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const IMAGE_REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);

/**
 * Why `image` is not an image reference the kubelet can pull, if it is not: the API server accepts any string
 * without surrounding spaces, and the pod then never starts (`InvalidImageName`: "couldn't parse image reference").
 */
export function imageReferenceProblem(image: string): string | undefined {
  // a first component is a registry only with '.' or ':' (or as localhost); otherwise it is a lowercase path
  const first = image.split('/')[0];
  const registry = image.includes('/') && (/[.:]/.test(first) || first === 'localhost');
  if (IMAGE_REFERENCE.test(image) && (registry || !/[A-Z]/.test(first) || !image.includes('/'))) return undefined;
  return 'it is not an image reference the kubelet can parse, so the pods would never start (InvalidImageName); write [registry[:port]/]repository[:tag][@digest], the repository in lowercase, without spaces, e.g. \'registry.example.com/team/flink:1.20.3\'';
}

const TOLERATION_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** What the API server refuses of a toleration (`validateTolerations`), if anything, and the fix. */
export function tolerationProblem(t: Record<string, string | undefined>): { what: string; fix: string } | undefined {
  const operator = t.operator ?? 'Equal';
  const keyProblem = t.key === undefined || t.key === '' ? undefined : qualifiedNameProblem(t.key);
  if (keyProblem !== undefined) return { what: `the toleration key '${t.key}' is not a label key (${keyProblem})`, fix: 'use the taint\'s key' };
  if (!['Equal', 'Exists'].includes(operator)) {
    return { what: `the toleration operator '${operator}' is neither 'Equal' nor 'Exists'`, fix: 'use one of them (they are case-sensitive)' };
  }
  if ((t.key === undefined || t.key === '') && operator !== 'Exists') {
    return { what: 'a toleration without a key must use the operator \'Exists\' (it then matches every taint)', fix: 'set \'operator: Exists\', or give the taint\'s key' };
  }
  if (operator === 'Exists' && t.value !== undefined && t.value !== '') {
    return { what: `a toleration with the operator 'Exists' takes no value, but has '${t.value}'`, fix: 'remove the value, or use \'operator: Equal\'' };
  }
  if (t.effect !== undefined && t.effect !== '' && !TOLERATION_EFFECTS.includes(t.effect)) {
    return { what: `the toleration effect '${t.effect}' is not one of ${TOLERATION_EFFECTS.join(', ')}`, fix: 'use one of them, or leave it out to tolerate every effect' };
  }
  if (t.tolerationseconds !== undefined && t.effect !== 'NoExecute') {
    return { what: 'tolerationSeconds applies to the effect \'NoExecute\' only', fix: 'set \'effect: NoExecute\', or remove tolerationSeconds' };
  }
  return undefined;
}
