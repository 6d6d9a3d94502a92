import { explicit, FlinkConfig, where } from './config';
import { Reader } from './config-reader';
import { encodeMap } from './encoding';
import { checkMetadata, checkOwnLabels, MetadataKind } from './kubernetes-syntax';
import { ResolvedServiceAccountMetadata } from './model';
import { Options } from './options';
import type { FlinkClusterProps, FlinkComponentOptions } from '../cluster-options';

/**
 * The service accounts' metadata and the pod labels of a cloud identity (`workloadIdentity`,
 * `<component>.serviceAccountAnnotations`, `<component>.serviceAccountLabels`).
 */

/** A component's service account: whether we create it, and where it comes from otherwise. */
export interface AccountSource {
  /** `jobManager` or `taskManager` */
  readonly component: string;
  readonly name: string;
  readonly create: boolean;
  /** the prop, option or template that names a service account we do not create */
  readonly from?: string;
}

/** The metadata of the service accounts we create; on one we do not create, any of it is an error. */
export function serviceAccountMetadata(props: FlinkClusterProps, jobManager: AccountSource, taskManager: AccountSource) {
  return {
    jobManager: componentAccount(props, props.jobManager ?? {}, jobManager),
    taskManager: componentAccount(props, props.taskManager ?? {}, taskManager),
  };
}

function componentAccount(props: FlinkClusterProps, options: FlinkComponentOptions, account: AccountSource): ResolvedServiceAccountMetadata {
  const c = account.component;
  const asked = [
    ...(props.workloadIdentity !== undefined ? ['workloadIdentity'] : []),
    ...(options.serviceAccountAnnotations !== undefined ? [`${c}.serviceAccountAnnotations`] : []),
    ...(options.serviceAccountLabels !== undefined ? [`${c}.serviceAccountLabels`] : []),
  ];
  if (!account.create) {
    if (asked.length > 0) {
      throw new Error(`'${asked[0]}' sets metadata of the service account the cluster creates, but the ${c === 'jobManager' ? 'JobManager' : 'TaskManagers'} run${c === 'jobManager' ? 's' : ''} as '${account.name}' from ${account.from}, which you bring; annotate and label that ServiceAccount yourself (for Azure, also set the pod label 'azure.workload.identity/use: "true"' in '${c}.labels'), or remove ${account.from}`);
    }
    return { labels: {}, annotations: {} };
  }
  const identity = props.workloadIdentity?.serviceAccountAnnotations ?? {};
  const annotations: Record<string, string> = { ...identity };
  for (const [k, v] of Object.entries(options.serviceAccountAnnotations ?? {})) {
    if (k in identity && identity[k] !== v) {
      throw new Error(`'${c}.serviceAccountAnnotations' sets '${k}: ${v}', but 'workloadIdentity' sets '${k}: ${identity[k]}'; set it in one place only`);
    }
    annotations[k] = v;
  }
  const labels = { ...options.serviceAccountLabels };
  checkOwnLabels(`${c}.serviceAccountLabels`, labels, 'use other keys');
  const objects = `the ServiceAccount '${account.name}'`;
  checkMetadata(MetadataKind.LABELS, labels, objects, `'${c}.serviceAccountLabels'`);
  checkMetadata(MetadataKind.ANNOTATIONS, options.serviceAccountAnnotations ?? {}, objects, `'${c}.serviceAccountAnnotations'`);
  return { labels, annotations };
}

/**
 * The pod labels a cloud identity needs (Azure: `azure.workload.identity/use`), added to
 * `kubernetes.jobmanager.labels` and `kubernetes.taskmanager.labels` beside the user's: the JobManager's
 * pods get them from its Deployment, native TaskManager pods from the JobManager
 * (`InitTaskManagerDecorator`), standalone TaskManagers from their workload.
 */
export function addIdentityPodLabels(config: FlinkConfig, reader: Reader, props: FlinkClusterProps): void {
  const podLabels = props.workloadIdentity?.podLabels ?? {};
  if (Object.keys(podLabels).length === 0) return;
  for (const option of [Options.JM_LABELS, Options.TM_LABELS]) {
    const key = reader.key(option);
    const labels = reader.map(option);
    for (const [k, v] of Object.entries(podLabels)) {
      if (k in labels && labels[k] !== v) {
        throw new Error(`${where(config.entry(key), key)} sets the pod label '${k}: ${labels[k]}', but 'workloadIdentity' needs '${k}: ${v}' (the webhook mutates only pods that carry it); remove it`);
      }
    }
    const merged = encodeMap({ ...labels, ...podLabels });
    // keeps the provenance of the user's labels, whose other keys the message of a conflict would name
    if (config.has(key)) config.put(key, merged);
    else config.set(key, merged, explicit('workloadIdentity'));
  }
}
