import { ResolvedCluster } from '../model';
import { FlinkPod } from '../pod';

/**
 * Standalone pods call the Kubernetes API only for Kubernetes high availability (derived, standalone reference
 * §4.4, §8.1): they mount the service account token exactly then, whatever the account's own
 * `automountServiceAccountToken` says. A pod template's explicit choice is kept.
 */
export function serviceAccountToken(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  if (pod.spec.automountServiceAccountToken !== undefined) return pod;
  return { ...pod, spec: { ...pod.spec, automountServiceAccountToken: cluster.kubernetesHighAvailability } };
}
