import { DeploymentMode } from '../../deployment-mode';
import { ResolvedCluster } from '../model';
import { Component, FlinkPod } from '../pod';

/**
 * Whether a component's pods call the Kubernetes API: a native JobManager always (it creates, watches and
 * deletes TaskManager pods; reference §6.3), every other pod only for Kubernetes high availability (leader
 * election and retrieval through ConfigMaps; standalone reference §4.4, §8.1).
 */
export function callsKubernetesApi(cluster: Pick<ResolvedCluster, 'mode' | 'kubernetesHighAvailability'>, component: Component): boolean {
  return (cluster.mode === DeploymentMode.NATIVE && component === 'jobmanager') || cluster.kubernetesHighAvailability;
}

/**
 * Ours: the pod mounts the service-account token exactly where it calls the API, whatever the account's own
 * `automountServiceAccountToken` says — the pod's field wins, and cdk8s-plus creates accounts with `false`.
 * A pod template's explicit `true` is kept; its `false` where the token is needed is an error
 * (`checkPodTemplates`).
 */
export function serviceAccountToken(component: Component) {
  return (cluster: ResolvedCluster, pod: FlinkPod): FlinkPod => {
    if (pod.spec.automountServiceAccountToken !== undefined) return pod;
    return { ...pod, spec: { ...pod.spec, automountServiceAccountToken: callsKubernetesApi(cluster, component) } };
  };
}
