// The documentation's pod template as typed props (PodTemplateProps): the same pod as pod-template.yaml.
// Plain data without imports, so the tests can compare it with the file without the compiled library.
export const DOCS_TEMPLATE = {
  initContainers: [{
    name: 'artifacts-fetcher',
    image: 'busybox:latest',
    command: ['wget', 'https://path/of/StateMachineExample.jar', '-O', '/flink-artifact/myjob.jar'],
    volumeMounts: [{ mountPath: '/flink-artifact', name: 'flink-artifact' }],
  }],
  sidecars: [{
    name: 'sidecar-log-collector',
    image: 'sidecar-log-collector:latest',
    command: ['command-to-upload', '/remote/path/of/flink-logs/'],
    volumeMounts: [{ mountPath: '/flink-logs', name: 'flink-logs' }],
  }],
  mainContainer: {
    resources: { requests: { 'ephemeral-storage': '2048Mi' }, limits: { 'ephemeral-storage': '2048Mi' } },
    volumeMounts: [
      { mountPath: '/opt/flink/volumes/hostpath', name: 'flink-volume-hostpath' },
      { mountPath: '/opt/flink/artifacts', name: 'flink-artifact' },
      { mountPath: '/opt/flink/log', name: 'flink-logs' },
    ],
  },
  volumes: [
    { name: 'flink-volume-hostpath', hostPath: { path: '/tmp', type: 'Directory' } },
    { name: 'flink-artifact', emptyDir: {} },
    { name: 'flink-logs', emptyDir: {} },
  ],
};
