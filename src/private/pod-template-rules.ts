/**
 * Flink's pod-template override rules — "defined by Flink", "defined by the user", "merged with Flink" —
 * as one table of data, following what Flink's code does (reference §4: `KubernetesUtils.loadPodFromTemplateFile`,
 * `resolveUserDefinedValue`, `resolveDNSPolicy`, `getResourceRequirements`, `InitJobManagerDecorator`,
 * `InitTaskManagerDecorator`, `KubernetesJobManagerFactory`, `KubernetesTaskManagerFactory`).
 * The template checks, the precedence, the merge and README's rules table all derive from it.
 */

export enum RuleCategory {
  /** Flink always sets it: a template value is overwritten or ignored. */
  FLINK = 'Defined by Flink',
  /** The template's value is used unless the option is set explicitly; the option's default comes last. */
  USER = 'Defined by the user',
  /** Flink adds its entries to the template's. */
  MERGED = 'Merged with Flink',
}

/** How a rule is checked against a template. */
export enum RuleCheck {
  /** the field must be absent (Flink would overwrite or ignore it) */
  FORBIDDEN = 'forbidden',
  /** the field may only hold `allowed` (what Flink produces anyway) */
  ONLY_VALUE = 'only-value',
  /** the option, when set explicitly, must not disagree with the template */
  PRECEDENCE = 'precedence',
  /** map entries: a key Flink also sets must not have another value */
  MAP_MERGE = 'map-merge',
  /** list entries: a name (or mount path) Flink also adds is an error */
  LIST_NAMES = 'list-names',
  /** appended as they are */
  APPEND = 'append',
  /** kept verbatim */
  KEEP = 'keep',
}

export enum RuleComponents {
  BOTH = 'both',
  JOB_MANAGER = 'JobManager',
  TASK_MANAGER = 'TaskManager',
}

export interface PodTemplateRule {
  /** the field; `main` is the container named `flink-main-container` */
  readonly field: string;
  /** the path in a Pod manifest, `main` standing for the main container */
  readonly path: readonly string[];
  /** where Flink looks when `path` is absent */
  readonly fallbackPath?: readonly string[];
  readonly category: RuleCategory;
  readonly components: RuleComponents;
  /** the related Flink options; `<c>` is `jobmanager` or `taskmanager` */
  readonly options: readonly string[];
  /** what Flink does */
  readonly flink: string;
  readonly check: RuleCheck;
  /** for `ONLY_VALUE`: the value Flink's result allows */
  readonly allowed?: string;
  /** for `LIST_NAMES`: the entry key compared (`name` or `mountPath`) */
  readonly entryKey?: string;
  /** for `FORBIDDEN` on a map: only these dotted sub-keys are forbidden */
  readonly forbiddenKeys?: readonly string[];
  /** what to do instead, for errors */
  readonly fix: string;
  /** what differs in standalone mode, where the library applies the rule to the workloads it renders */
  readonly standalone?: { readonly flink: string; readonly fix: string };
  /** who does what `flink` says: Flink, unless a standalone override says otherwise */
  readonly subject?: string;
}

const BOTH = RuleComponents.BOTH;

export const POD_TEMPLATE_RULES: readonly PodTemplateRule[] = [
  {
    field: 'metadata.name',
    path: ['metadata', 'name'],
    category: RuleCategory.FLINK,
    components: BOTH,
    options: ['kubernetes.cluster-id'],
    flink: 'names the pods: the Deployment `<clusterId>` names the JobManager pods, the JobManager names TaskManagers `<clusterId>-taskmanager-<attempt>-<index>` (the documentation\'s `<clusterId>-<attempt>-<index>` is wrong); a template\'s name, as in the documentation\'s example, is harmless and kept',
    check: RuleCheck.KEEP,
    fix: '',
  },
  {
    field: 'metadata.namespace',
    path: ['metadata', 'namespace'],
    category: RuleCategory.FLINK,
    components: BOTH,
    options: ['kubernetes.namespace'],
    flink: 'creates every pod in `kubernetes.namespace`',
    check: RuleCheck.FORBIDDEN,
    fix: 'remove it; set the cluster\'s `namespace` prop',
  },
  {
    field: 'metadata.ownerReferences',
    path: ['metadata', 'ownerReferences'],
    category: RuleCategory.FLINK,
    components: BOTH,
    options: ['kubernetes.jobmanager.owner.reference'],
    flink: 'sets TaskManagers\' owner to the JobManager Deployment, and the Deployment\'s owners from `kubernetes.jobmanager.owner.reference`',
    check: RuleCheck.FORBIDDEN,
    fix: 'remove it; set `kubernetes.jobmanager.owner.reference` in `flinkConfiguration`',
  },
  {
    field: 'metadata.labels',
    path: ['metadata', 'labels'],
    category: RuleCategory.MERGED,
    components: BOTH,
    options: ['kubernetes.<c>.labels'],
    flink: 'adds `kubernetes.<c>.labels`, then `type`, `app` and `component`; Flink\'s value wins on the same key',
    check: RuleCheck.MAP_MERGE,
    fix: 'set the label in one place',
  },
  {
    field: 'metadata.annotations',
    path: ['metadata', 'annotations'],
    category: RuleCategory.MERGED,
    components: BOTH,
    options: ['kubernetes.<c>.annotations'],
    flink: 'adds `kubernetes.<c>.annotations`; Flink\'s value wins on the same key',
    check: RuleCheck.MAP_MERGE,
    fix: 'set the annotation in one place',
  },
  {
    field: 'spec.restartPolicy',
    path: ['spec', 'restartPolicy'],
    category: RuleCategory.FLINK,
    components: RuleComponents.TASK_MANAGER,
    options: [],
    flink: 'sets `Never` on TaskManagers (the documentation\'s table is right here)',
    check: RuleCheck.FORBIDDEN,
    fix: 'remove it; a failed TaskManager is replaced by a new pod',
    standalone: { flink: 'renders the TaskManagers as a Deployment or StatefulSet, whose pods accept only `Always`', fix: 'remove it' },
  },
  {
    field: 'spec.restartPolicy',
    path: ['spec', 'restartPolicy'],
    category: RuleCategory.FLINK,
    components: RuleComponents.JOB_MANAGER,
    options: [],
    flink: 'keeps the template\'s value (the documentation says it sets `Always`; the code does not), and a Deployment accepts only `Always`',
    check: RuleCheck.ONLY_VALUE,
    allowed: 'Always',
    fix: 'remove it, or set `Always`',
  },
  {
    field: 'spec.hostNetwork',
    path: ['spec', 'hostNetwork'],
    category: RuleCategory.FLINK,
    components: BOTH,
    options: ['kubernetes.hostnetwork.enabled'],
    flink: 'always sets it from `kubernetes.hostnetwork.enabled`',
    check: RuleCheck.FORBIDDEN,
    fix: 'remove it; set `kubernetes.hostnetwork.enabled` in `flinkConfiguration`',
  },
  {
    field: 'spec.serviceAccount, spec.serviceAccountName',
    path: ['spec', 'serviceAccount'],
    fallbackPath: ['spec', 'serviceAccountName'],
    category: RuleCategory.USER,
    components: BOTH,
    options: ['kubernetes.<c>.service-account', 'kubernetes.service-account'],
    flink: 'uses the explicitly set option, else the template\'s (`serviceAccount`, else `serviceAccountName`), else `default`; writes both fields',
    check: RuleCheck.PRECEDENCE,
    fix: 'set the service account in one place',
  },
  {
    field: 'spec.dnsPolicy',
    path: ['spec', 'dnsPolicy'],
    category: RuleCategory.USER,
    components: BOTH,
    options: ['kubernetes.hostnetwork.enabled'],
    flink: 'keeps the template\'s value, else `ClusterFirst`; `ClusterFirstWithHostNet` with host networking',
    check: RuleCheck.KEEP,
    fix: '',
  },
  {
    field: 'spec.nodeSelector',
    path: ['spec', 'nodeSelector'],
    category: RuleCategory.MERGED,
    components: BOTH,
    options: ['kubernetes.<c>.node-selector'],
    flink: 'adds `kubernetes.<c>.node-selector`; Flink\'s value wins on the same key',
    check: RuleCheck.MAP_MERGE,
    fix: 'set the node selector key in one place',
  },
  {
    field: 'spec.tolerations',
    path: ['spec', 'tolerations'],
    category: RuleCategory.MERGED,
    components: BOTH,
    options: ['kubernetes.<c>.tolerations'],
    flink: 'appends `kubernetes.<c>.tolerations`',
    check: RuleCheck.APPEND,
    fix: '',
  },
  {
    field: 'spec.imagePullSecrets',
    path: ['spec', 'imagePullSecrets'],
    category: RuleCategory.MERGED,
    components: BOTH,
    options: ['kubernetes.container.image.pull-secrets'],
    flink: 'appends `kubernetes.container.image.pull-secrets`',
    check: RuleCheck.APPEND,
    fix: '',
  },
  {
    field: 'spec.volumes',
    path: ['spec', 'volumes'],
    category: RuleCategory.MERGED,
    components: BOTH,
    options: ['kubernetes.secrets', 'kubernetes.hadoop.conf.config-map.name'],
    flink: 'appends its volumes (`flink-config-volume`, `pod-template-volume`, `user-artifacts-volume`, `hadoop-config-volume`, `<secret>-volume`, …); the API server rejects duplicate names',
    check: RuleCheck.LIST_NAMES,
    entryKey: 'name',
    fix: 'rename the template\'s volume',
  },
  {
    field: 'spec.containers[].name',
    path: ['spec', 'containers'],
    category: RuleCategory.FLINK,
    components: BOTH,
    options: [],
    flink: 'takes the container named `flink-main-container` as the main container; any other container is a sidecar, started before it and never decorated',
    check: RuleCheck.KEEP,
    fix: '',
  },
  {
    field: 'main.command',
    path: ['main', 'command'],
    category: RuleCategory.FLINK,
    components: BOTH,
    options: ['kubernetes.entry.path', 'kubernetes.<c>.entrypoint.args'],
    flink: 'always sets `[kubernetes.entry.path]`',
    check: RuleCheck.FORBIDDEN,
    fix: 'remove it; set `kubernetes.entry.path` in `flinkConfiguration`',
  },
  {
    field: 'main.args',
    path: ['main', 'args'],
    category: RuleCategory.FLINK,
    components: BOTH,
    options: ['kubernetes.<c>.entrypoint.args'],
    flink: 'always sets `bash -c kubernetes-<c>.sh …`',
    check: RuleCheck.FORBIDDEN,
    fix: 'remove it; set `kubernetes.<c>.entrypoint.args` in `flinkConfiguration`',
    standalone: { flink: 'always sets `jobmanager`, `standalone-job …` or `taskmanager …`', fix: 'remove it; set Flink options in `flinkConfiguration`' },
  },
  {
    field: 'main.resources (cpu, memory)',
    path: ['main', 'resources'],
    category: RuleCategory.FLINK,
    components: BOTH,
    options: ['kubernetes.<c>.cpu.amount', '<c>.memory.process.size', 'kubernetes.<c>.{cpu,memory}.limit-factor'],
    flink: 'overwrites `requests` and `limits` of `cpu` and `memory`; other resources (`ephemeral-storage`, GPUs) and `claims` are kept',
    check: RuleCheck.FORBIDDEN,
    forbiddenKeys: ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'],
    fix: 'remove them; set `jobManager.cpu`/`jobManager.memory` or `taskManager.cpu`/`taskManager.memory` (and their limit factors) instead',
  },
  {
    field: 'main.image',
    path: ['main', 'image'],
    category: RuleCategory.USER,
    components: BOTH,
    options: ['kubernetes.container.image.ref'],
    flink: 'uses the explicitly set option, else the template\'s, else the default image',
    check: RuleCheck.PRECEDENCE,
    fix: 'set the image in one place',
  },
  {
    field: 'main.imagePullPolicy',
    path: ['main', 'imagePullPolicy'],
    category: RuleCategory.USER,
    components: BOTH,
    options: ['kubernetes.container.image.pull-policy'],
    flink: 'uses the explicitly set option, else the template\'s, else `IfNotPresent`',
    check: RuleCheck.PRECEDENCE,
    fix: 'set the pull policy in one place',
  },
  {
    field: 'main.env',
    path: ['main', 'env'],
    category: RuleCategory.MERGED,
    components: BOTH,
    options: ['containerized.<master|taskmanager>.env.*', 'kubernetes.env.secretKeyRef'],
    flink: 'appends its variables (`_POD_IP_ADDRESS`, `_POD_NODE_ID`, `FLINK_TM_JVM_MEM_OPTS`, `containerized.*.env.*`, …); the later entry wins',
    check: RuleCheck.LIST_NAMES,
    entryKey: 'name',
    fix: 'set the variable in one place',
  },
  {
    field: 'main.ports',
    path: ['main', 'ports'],
    category: RuleCategory.MERGED,
    components: BOTH,
    options: ['rest.port', 'jobmanager.rpc.port', 'blob.server.port', 'taskmanager.rpc.port'],
    flink: 'appends `rest`, `jobmanager-rpc`, `blobserver` (JobManager) or `taskmanager-rpc` (TaskManager); the API server rejects duplicate names',
    check: RuleCheck.LIST_NAMES,
    entryKey: 'name',
    fix: 'rename the template\'s port',
  },
  {
    field: 'main.volumeMounts',
    path: ['main', 'volumeMounts'],
    category: RuleCategory.MERGED,
    components: BOTH,
    options: ['kubernetes.flink.conf.dir', 'kubernetes.secrets', 'user.artifacts.base-dir'],
    flink: 'appends its mounts (`/opt/flink/conf`, `/opt/flink/pod-template`, `/opt/flink/artifacts`, secrets, …); the API server rejects duplicate mount paths',
    check: RuleCheck.LIST_NAMES,
    entryKey: 'mountPath',
    fix: 'mount the template\'s volume elsewhere',
  },
  {
    field: 'everything else (initContainers, sidecars, affinity, securityContext, probes, priorityClassName, …)',
    path: [],
    category: RuleCategory.USER,
    components: BOTH,
    options: [],
    flink: 'kept verbatim; sidecars and init containers are never decorated (TaskManager `affinity.nodeAffinity` is replaced while nodes are blocked)',
    check: RuleCheck.KEEP,
    fix: '',
  },
];

/** The rules that apply to `component`, with their standalone wording in standalone mode. */
export function rulesFor(component: RuleComponents.JOB_MANAGER | RuleComponents.TASK_MANAGER, standalone = false): PodTemplateRule[] {
  return POD_TEMPLATE_RULES
    .filter(r => r.components === RuleComponents.BOTH || r.components === component)
    .map(r => (standalone && r.standalone ? { ...r, ...r.standalone, subject: 'in standalone mode the library' } : r));
}

/** README's rules table, generated from the data. */
export function renderRulesTable(): string {
  const rows = POD_TEMPLATE_RULES.map(r => {
    const components = r.components === RuleComponents.BOTH ? 'both' : r.components;
    const options = r.options.map(o => `\`${o}\``).join(', ') || '–';
    const field = r.path.length ? `\`${r.field}\`` : r.field;
    const standalone = r.standalone ? ` Standalone: the library ${r.standalone.flink}.` : '';
    return `| ${field} | ${components} | ${r.category} | ${options} | ${r.flink}${standalone} |`;
  });
  return ['| field | pods | category | related options | what Flink does |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
