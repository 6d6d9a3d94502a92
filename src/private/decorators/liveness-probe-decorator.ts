import { FlinkPod } from '../pod';

/**
 * The liveness probe of Flink's standalone Kubernetes documentation (standalone reference §2.3, §2.4): a TCP
 * connect to the component's RPC port, 30 seconds after start, every 60 seconds. Ours, not Flink's, so a
 * probe in the pod template replaces it.
 */
export function livenessProbe(port: number): (pod: FlinkPod) => FlinkPod {
  return pod => (pod.mainContainer.livenessProbe !== undefined ? pod : {
    ...pod,
    mainContainer: { ...pod.mainContainer, livenessProbe: { tcpSocket: { port }, initialDelaySeconds: 30, periodSeconds: 60 } },
  });
}
