// The documentation's pod template (an artifacts-fetcher init container, a sidecar-log-collector, hostPath
// and emptyDir volumes, ephemeral-storage requests and limits), for the JobManager and the TaskManagers:
//   ./bin/kubernetes-session.sh -Dkubernetes.cluster-id=... -Dkubernetes.pod-template-file.default=pod-template.yaml
// once loaded from the unchanged file, once written with typed props; both charts synthesize the same objects.
//
// The template mounts its own volume at /opt/flink/artifacts, where Flink 1.19+ mounts its
// user-artifacts-volume: the API server would reject the JobManager pod, so Flink's is moved with
// user.artifacts.base-dir (without it, the synth fails and says so). Its hostPath volume breaks the Pod
// Security Standards' baseline and restricted profiles: the cluster runs only in a namespace that allows
// privileged pods, and says so with podSecurity (without it, the synth fails and says so).
import { App, Chart, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { DOCS_TEMPLATE } from './docs-template';
import { FlinkSessionCluster, FlinkVersion, PodSecurityStandard, PodTemplate } from '../../lib';

function cluster(scope: Construct, podTemplate: PodTemplate) {
  return new FlinkSessionCluster(scope, 'session', {
    version: FlinkVersion.V1_20,
    clusterId: 'pod-template-example',
    // cpu and memory come from the options: Flink overwrites them in the main container
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(4096), cpu: 2, taskSlots: 2 },
    podTemplate,
    podSecurity: PodSecurityStandard.PRIVILEGED,
    flinkConfiguration: { 'user.artifacts.base-dir': '/opt/flink/user-artifacts' },
  });
}

// two apps: the charts are alternatives with the same objects, which one app must not hold twice in a
// namespace (the synth says so); each writes its own file into dist/
const fileApp = new App();
const fromFile = new Chart(fileApp, 'from-file', { namespace: 'flink' });
cluster(fromFile, PodTemplate.fromFile(fromFile, 'template', 'pod-template.yaml'));
fileApp.synth();

const typedApp = new App();
const typed = new Chart(typedApp, 'typed', { namespace: 'flink' });
cluster(typed, new PodTemplate(typed, 'template', DOCS_TEMPLATE));
typedApp.synth();
