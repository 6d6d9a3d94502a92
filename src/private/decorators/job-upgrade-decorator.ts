import { JOB_UPGRADE_CONTAINER, JOB_UPGRADE_SCRATCH } from '../job-upgrade-script';
import { ResolvedCluster } from '../model';
import { FlinkPod } from '../pod';

/** Small, fixed resources: a shell script and curl or wget, for a second or two. */
const RESOURCES = {
  requests: { cpu: '50m', memory: '64Mi' },
  limits: { cpu: '200m', memory: '64Mi' },
};

/**
 * Ours: with Kubernetes high availability, the init container that makes a changed job take effect before Flink
 * starts (`job-upgrade-script.ts`; job-lifecycle reference §10.3). It runs the JobManager's image with the main
 * container's security context, after any init container of the pod template (a template's init container that
 * fails then stops the pod before anything changed), with a scratch volume of its own so that a read-only root file
 * system works too. Init containers run when a pod is created, not when the JobManager container restarts in place.
 */
export function jobUpgrade(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  const upgrade = cluster.lifecycle?.upgrade;
  if (upgrade === undefined) return pod;
  const main = pod.mainContainer;
  const initContainer = {
    name: JOB_UPGRADE_CONTAINER,
    image: main.image,
    imagePullPolicy: main.imagePullPolicy,
    command: ['/bin/sh', '-c', upgrade.script],
    resources: RESOURCES,
    securityContext: main.securityContext,
    volumeMounts: [{ name: JOB_UPGRADE_CONTAINER, mountPath: JOB_UPGRADE_SCRATCH }],
  };
  return {
    ...pod,
    spec: {
      ...pod.spec,
      initContainers: [...(pod.spec.initContainers ?? []), initContainer],
      volumes: [...(pod.spec.volumes ?? []), { name: JOB_UPGRADE_CONTAINER, emptyDir: {} }],
    },
  };
}
