/**
 * What the API server checks of names, labels, annotations and tolerations beyond the OpenAPI schemas
 * (kubernetes `apimachinery/pkg/util/validation`: `IsQualifiedName`, `IsValidLabelValue`, `IsDNS1123Label`;
 * `apimachinery/pkg/api/validation.ValidateAnnotations`; `pkg/apis/core/validation.ValidateTolerations`). A
 * manifest that breaks them is refused at apply time, and for native TaskManagers only when the JobManager
 * creates their pods, visible in its log alone: each is an error at synth, naming the prop.
 *
 * `at` is the prop as the user wrote it, quoted as messages quote it: `'jobManager.labels'`,
 * `flinkConfiguration['kubernetes.jobmanager.labels']`, `PodTemplate 'chart/tm': 'metadata.labels'`.
 */

const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const KEY_RULE = 'an optional DNS-subdomain prefix and \'/\', then at most 63 letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit';
const VALUE_RULE = 'at most 63 letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit (or empty)';

/** `IsQualifiedName`: an optional DNS-subdomain prefix (at most 253 characters) and '/', then a name of at most 63. */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.substring(0, slash);
  const name = key.substring(slash + 1);
  return (prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix))) && name.length <= 63 && NAME_PART.test(name);
}

/** `IsValidLabelValue` */
export function isLabelValue(value: unknown): boolean {
  return typeof value === 'string' && (value === '' || (value.length <= 63 && NAME_PART.test(value)));
}

/** `IsDNS1123Label`: a namespace, a volume or container name. */
export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && DNS_LABEL.test(name);
}

/** A label key (`ValidateLabelName`), e.g. in a selector or a toleration; `prop` unquoted. */
export function checkLabelKey(key: string, prop: string): void {
  if (!isQualifiedName(key)) {
    throw new Error(`'${prop}' has the label key '${key}', which Kubernetes refuses: ${KEY_RULE}; e.g. 'team' or 'example.com/team'`);
  }
}

/** A label value (`IsValidLabelValue`); `prop` unquoted. */
export function checkLabelValue(value: unknown, prop: string): void {
  if (!isLabelValue(value)) {
    throw new Error(`'${prop}' is ${JSON.stringify(value)}, which Kubernetes refuses as a label value: ${VALUE_RULE}`);
  }
}

/** Labels or a node selector (`ValidateLabels`, `ValidateNodeSelector`): keys and values. */
export function checkLabels(labels: Record<string, unknown>, at: string): void {
  for (const [k, v] of Object.entries(labels)) {
    if (!isQualifiedName(k)) {
      throw new Error(`${at} has the label key '${k}', which Kubernetes refuses (IsQualifiedName): ${KEY_RULE}; use a key such as 'team' or 'example.com/team'`);
    }
    if (!isLabelValue(v)) {
      throw new Error(`${at} sets the label '${k}' to ${JSON.stringify(v)}, which Kubernetes refuses as a label value (IsValidLabelValue): ${VALUE_RULE}; keep free text in an annotation`);
    }
  }
}

/** `ValidateAnnotations`: keys are qualified names (case-insensitively), and all of them together at most 256 KiB. */
export function checkAnnotations(annotations: Record<string, unknown>, at: string): void {
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    if (!isQualifiedName(k.toLowerCase())) {
      throw new Error(`${at} has the annotation key '${k}', which Kubernetes refuses (ValidateAnnotations, IsQualifiedName): ${KEY_RULE}; use a key such as 'example.com/owner'`);
    }
    total += k.length + String(v).length;
  }
  if (total > 256 * 1024) {
    throw new Error(`${at} holds ${total} bytes of annotations, and Kubernetes refuses more than 262144 (256 KiB) on one object (ValidateAnnotations); keep large data in a ConfigMap`);
  }
}

/** A toleration's fields, as given or as Flink's `KubernetesToleration` reads them from its option. */
export interface TolerationFields {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
  readonly tolerationSeconds?: number;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/**
 * Why a toleration is refused by the API server (`ValidateTolerations`), or undefined: a key is a qualified
 * name; an empty key needs the operator `Exists`; `Equal` (or none) needs a label value, `Exists` no value;
 * `tolerationSeconds` only with the effect `NoExecute`; the effect one of Kubernetes' three.
 */
export function tolerationProblem(t: TolerationFields): string | undefined {
  const key = t.key ?? '';
  const operator = t.operator ?? '';
  if (key !== '' && !isQualifiedName(key)) return `the key '${key}' is not a label key (${KEY_RULE})`;
  if (key === '' && operator !== 'Exists') return 'without a key the operator must be \'Exists\' (a toleration of every taint)';
  if (operator === 'Equal' || operator === '') {
    if (!isLabelValue(t.value ?? '')) return `the value ${JSON.stringify(t.value)} is not a label value (${VALUE_RULE})`;
  } else if (operator === 'Exists') {
    if ((t.value ?? '') !== '') return `the value must be empty with the operator 'Exists', got ${JSON.stringify(t.value)}`;
  } else {
    return `the operator '${operator}' is none of 'Equal', 'Exists'`;
  }
  if (t.effect !== undefined && t.effect !== '' && !EFFECTS.includes(t.effect)) return `the effect '${t.effect}' is none of ${EFFECTS.map(e => `'${e}'`).join(', ')}`;
  if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') return 'tolerationSeconds needs the effect \'NoExecute\' (it bounds how long a pod stays on a node tainted NoExecute)';
  return undefined;
}

/** Tolerations as the API server validates them; `at` names the list, the index is added. */
export function checkTolerations(tolerations: readonly TolerationFields[], at: (index: number) => string): void {
  tolerations.forEach((t, i) => {
    const problem = tolerationProblem(t);
    if (problem !== undefined) throw new Error(`${at(i)} is refused by Kubernetes (ValidateTolerations): ${problem}; fix the toleration`);
  });
}
