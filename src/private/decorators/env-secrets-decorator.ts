import { ResolvedCluster } from '../model';
import { appendToPod, FlinkPod } from '../pod';

/** Mirrors `D/EnvSecretsDecorator`: one env var per `kubernetes.env.secretKeyRef` entry. */
export function envSecrets(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  return appendToPod(pod, {
    env: cluster.envSecretKeyRefs.map(ref => ({ name: ref.env, valueFrom: { secretKeyRef: { name: ref.secret, key: ref.key } } })),
  });
}
