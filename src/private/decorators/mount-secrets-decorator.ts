import { ResolvedCluster } from '../model';
import { appendToPod, FlinkPod } from '../pod';

/** Mirrors `D/MountSecretsDecorator`: volume `<secret>-volume` (no items) per `kubernetes.secrets` entry. */
export function mountSecrets(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  return appendToPod(pod, {
    volumes: cluster.secrets.map(([secret]) => ({ name: `${secret}-volume`, secret: { secretName: secret } })),
    volumeMounts: cluster.secrets.map(([secret, path]) => ({ name: `${secret}-volume`, mountPath: path })),
  });
}
