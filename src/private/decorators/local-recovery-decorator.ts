import { ResolvedCluster } from '../model';
import { appendToPod, FlinkPod } from '../pod';

/** The volume claim template's name, and the volume the TaskManagers mount as their working directory. */
export const WORKING_DIR_VOLUME = 'working-dir';

/**
 * Local recovery (standalone reference §5.3): each TaskManager mounts its own persistent volume as its working
 * directory (`process.taskmanager.working-dir`), and learns its pod name, which is stable in a StatefulSet, to
 * be started with it as `taskmanager.resource-id`.
 */
export function localRecovery(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  const recovery = cluster.standalone?.localRecovery;
  if (recovery === undefined) return pod;
  const security = pod.spec.securityContext;
  // a volume is re-owned recursively at every mount unless its root already has the group (fsGroupChangePolicy)
  const spec = security?.fsGroup !== undefined && security.fsGroupChangePolicy === undefined
    ? { ...pod.spec, securityContext: { ...security, fsGroupChangePolicy: 'OnRootMismatch' } }
    : pod.spec;
  return appendToPod({ ...pod, spec }, {
    env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
    volumeMounts: [{ name: WORKING_DIR_VOLUME, mountPath: recovery.workingDir }],
  });
}
