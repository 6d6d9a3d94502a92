import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as YAML from 'yaml';
import { chart, find, mainContainer, shippedConfig, synth } from './util';
import { DOCS_TEMPLATE } from '../examples/pod-template/docs-template';
import { DeploymentMode, FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion, ImagePullPolicy, PodSecurityStandard, PodTemplate } from '../src';
import { POD_SECURITY_RULES } from '../src/private/pod-security';

const ID = 'tpl';

function templateFile(content: object | string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pod-template-')), 'pod-template.yaml');
  fs.writeFileSync(file, typeof content === 'string' ? content : YAML.stringify(content));
  return file;
}

function fromFile(scope: Chart, content: object | string): PodTemplate {
  return PodTemplate.fromFile(scope, `t${scope.node.children.length}`, templateFile(content));
}

function cluster(c: Chart, props: Partial<FlinkSessionClusterProps>, version = FlinkVersion.V1_20) {
  return new FlinkSessionCluster(c, 'session', { version, clusterId: ID, ...props });
}

function pod(spec: object, metadata: object = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

const main = (fields: object) => ({ name: 'flink-main-container', ...fields });

describe('the documentation\'s pod template (examples/pod-template)', () => {
  const c = chart();
  const template = PodTemplate.fromFile(c, 'template', path.join(__dirname, '..', 'examples', 'pod-template', 'pod-template.yaml'));
  cluster(c, {
    podTemplate: template,
    // its hostPath volume breaks the baseline and restricted profiles
    podSecurity: PodSecurityStandard.PRIVILEGED,
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    flinkConfiguration: { 'user.artifacts.base-dir': '/opt/flink/user-artifacts' },
  });
  const manifests = synth(c);
  const deployment = find(manifests, 'Deployment', ID);
  const container = mainContainer(deployment);

  test('§1.8: ephemeral-storage is kept, cpu and memory come from the options (KubernetesUtils.getResourceRequirements)', () => {
    expect(container.resources).toStrictEqual({
      requests: { 'ephemeral-storage': '2048Mi', 'cpu': '1.0', 'memory': '2048Mi' },
      limits: { 'ephemeral-storage': '2048Mi', 'cpu': '1.0', 'memory': '2048Mi' },
    });
  });

  test('§4.1/§4.2: sidecars before the main container, init containers undecorated by Flink; both with the restricted container defaults under them', () => {
    expect(deployment.spec.template.spec.containers.map((x: any) => x.name)).toStrictEqual(['sidecar-log-collector', 'flink-main-container']);
    expect(deployment.spec.template.spec.containers[0]).toStrictEqual({
      name: 'sidecar-log-collector',
      image: 'sidecar-log-collector:latest',
      command: ['command-to-upload', '/remote/path/of/flink-logs/'],
      volumeMounts: [{ mountPath: '/flink-logs', name: 'flink-logs' }],
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    });
    expect(deployment.spec.template.spec.initContainers.map((x: any) => x.name)).toStrictEqual(['artifacts-fetcher']);
    expect(deployment.spec.template.spec.initContainers[0].securityContext).toStrictEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  test('§4.6: template volumes and mounts first, Flink\'s appended', () => {
    expect(deployment.spec.template.spec.volumes.map((v: any) => v.name)).toStrictEqual([
      'flink-volume-hostpath', 'flink-artifact', 'flink-logs', 'user-artifacts-volume', 'flink-config-volume', 'pod-template-volume',
    ]);
    expect(container.volumeMounts.map((m: any) => m.mountPath)).toStrictEqual([
      '/opt/flink/volumes/hostpath', '/opt/flink/artifacts', '/opt/flink/log', '/opt/flink/user-artifacts', '/opt/flink/conf', '/opt/flink/pod-template',
    ]);
  });

  test('§1.7: the TaskManagers get the template through pod-template-<clusterId>, with the non-root defaults under it', () => {
    const shipped = YAML.parse(find(manifests, 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml']);
    expect(shipped.spec.initContainers[0].name).toBe('artifacts-fetcher');
    expect(shipped.spec.containers.map((x: any) => x.name)).toStrictEqual(['sidecar-log-collector', 'flink-main-container']);
    expect(shipped.spec.containers[1].resources).toStrictEqual({ requests: { 'ephemeral-storage': '2048Mi' }, limits: { 'ephemeral-storage': '2048Mi' } });
    expect(shipped.spec.securityContext.runAsUser).toBe(9999);
    expect(shippedConfig(manifests, ID)['kubernetes.pod-template-file.taskmanager']).toBe('/opt/flink/pod-template/taskmanager-pod-template.yaml');
  });

  test('without moving user.artifacts.base-dir, its /opt/flink/artifacts mount collides with Flink 1.19+\'s user-artifacts-volume', () => {
    const c2 = chart();
    const podTemplate = PodTemplate.fromFile(c2, 't', path.join(__dirname, '..', 'examples', 'pod-template', 'pod-template.yaml'));
    expect(() => cluster(c2, { podTemplate, podSecurity: PodSecurityStandard.PRIVILEGED }))
      .toThrow("'spec.containers[flink-main-container].volumeMounts' has an entry with mountPath '/opt/flink/artifacts', which Flink adds for podTemplate too");
  });
});

describe('defined by Flink (reference §4.3)', () => {
  test.each([
    ['metadata.namespace', pod({}, { namespace: 'other' })],
    ['metadata.ownerReferences', pod({}, { ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: '1' }] })],
    ['spec.hostNetwork', pod({ hostNetwork: true })],
    ['spec.containers[flink-main-container].command', pod({ containers: [main({ command: ['/bin/sh'] })] })],
    ['spec.containers[flink-main-container].args', pod({ containers: [main({ args: ['x'] })] })],
  ])('fails on %s in a loaded file, quoting the rule and the fix', (field, content) => {
    expect(() => fromFile(chart(), content)).toThrow(new RegExp(`'${field.replace(/[[\].]/g, '\\$&')}' is set \\(.*\\), which Flink overwrites or ignores\\. Defined by Flink \\(pod-template rules\\): Flink .*; remove it`));
  });

  test('fails on cpu and memory of the main container, pointing to the options', () => {
    expect(() => fromFile(chart(), pod({ containers: [main({ resources: { requests: { 'cpu': '2', 'memory': '1Gi', 'ephemeral-storage': '1Gi' } } })] })))
      .toThrow("'spec.containers[flink-main-container].resources' sets requests.cpu, requests.memory, which Flink overwrites. Defined by Flink (pod-template rules): Flink overwrites `requests` and `limits` of `cpu` and `memory`; other resources (`ephemeral-storage`, GPUs) and `claims` are kept; remove them; set `jobManager.cpu`/`jobManager.memory` or `taskManager.cpu`/`taskManager.memory`");
    expect(() => new PodTemplate(chart(), 't', { mainContainer: { resources: { limits: { memory: '1Gi' } } } })).toThrow('sets limits.memory, which Flink overwrites');
  });

  test('fails on a TaskManager restartPolicy (always Never); the JobManager accepts only Always (Deployment)', () => {
    const c = chart();
    expect(() => cluster(c, { taskManager: { podTemplate: fromFile(c, pod({ restartPolicy: 'OnFailure' })) } }))
      .toThrow("'spec.restartPolicy' is set (\"OnFailure\"), which Flink overwrites or ignores. Defined by Flink (pod-template rules): Flink sets `Never` on TaskManagers");
    const c2 = chart();
    expect(() => cluster(c2, { jobManager: { podTemplate: fromFile(c2, pod({ restartPolicy: 'Never' })) } }))
      .toThrow("'spec.restartPolicy' is 'Never'. Defined by Flink (pod-template rules): Flink keeps the template's value (the documentation says it sets `Always`; the code does not)");
    const c3 = chart();
    expect(() => cluster(c3, { jobManager: { podTemplate: fromFile(c3, pod({ restartPolicy: 'Always' })) } })).not.toThrow();
  });

  test('fails on a main container that is not named flink-main-container, which Flink would run as a sidecar', () => {
    expect(() => fromFile(chart(), pod({ containers: [{ name: 'main', image: 'x' }] })))
      .toThrow("the container 'main' would be a sidecar: Flink takes only the container named 'flink-main-container' as its main container and decorates no other; rename it to 'flink-main-container'");
  });

  test('fails on a typed sidecar named flink-main-container, which Flink would take as its main container (Constants.MAIN_CONTAINER_NAME)', () => {
    expect(() => new PodTemplate(chart(), 't', { sidecars: [{ name: 'log-shipper', image: 'x' }, { name: 'flink-main-container', image: 'busybox' }] }))
      .toThrow("PodTemplate 'test/t': 'sidecars[1]' is named 'flink-main-container', the name Flink reserves for its own container (Constants.MAIN_CONTAINER_NAME): Flink would take it as the main container and run Flink's command in the sidecar's image; give the sidecar another name, and set the main container's options with 'mainContainer'");
  });

  test('fails on an init container named flink-main-container, typed or in a file (two containers of one name)', () => {
    expect(() => new PodTemplate(chart(), 't', { initContainers: [{ name: 'flink-main-container', image: 'busybox' }] }))
      .toThrow("PodTemplate 'test/t': the init container 'spec.initContainers[0]' is named 'flink-main-container', the name of Flink's main container (Constants.MAIN_CONTAINER_NAME), and the API server rejects two containers of one name in a pod; rename it");
    expect(() => fromFile(chart(), pod({ initContainers: [{ name: 'fetch', image: 'a' }, { name: 'flink-main-container', image: 'b' }] })))
      .toThrow("the init container 'spec.initContainers[1]' is named 'flink-main-container'");
  });

  test('fails on a manifest that is not a Pod, or a missing file', () => {
    expect(() => fromFile(chart(), { apiVersion: 'apps/v1', kind: 'Deployment' })).toThrow('a pod template is a Pod manifest (apiVersion: v1, kind: Pod); got apps/v1/Deployment');
    expect(() => PodTemplate.fromFile(chart(), 't', '/nonexistent/pod.yaml')).toThrow("PodTemplate.fromFile('/nonexistent/pod.yaml'): the file does not exist");
    expect(() => fromFile(chart(), 'a: [')).toThrow('not valid YAML');
  });

  test('metadata.name, as in the documentation\'s example, is kept: harmless, Flink ignores or overwrites it', () => {
    const c = chart();
    cluster(c, { podTemplate: fromFile(c, pod({}, { name: 'jobmanager-pod-template' })) });
    expect(find(synth(c), 'Deployment', ID).spec.template.metadata.name).toBe('jobmanager-pod-template');
  });
});

describe('templates Kubernetes or Flink would reject', () => {
  test('fails on a root template while runAsNonRoot is on', () => {
    const c = chart();
    expect(() => cluster(c, { podTemplate: fromFile(c, pod({ securityContext: { runAsUser: 0 } })) }))
      .toThrow("runs as root (runAsUser: 0), but 'runAsNonRoot' is on by default and Kubernetes would refuse to start the pod; set 'runAsNonRoot: false'");
    const c2 = chart();
    expect(() => cluster(c2, { runAsNonRoot: false, podTemplate: fromFile(c2, pod({ securityContext: { runAsUser: 0 } })) })).not.toThrow();
  });

  test('fails on HADOOP_CONF_DIR in the JobManager template\'s main container without hadoopConfigMap (HadoopConfMountDecorator)', () => {
    const c = chart();
    expect(() => cluster(c, { jobManager: { podTemplate: fromFile(c, pod({ containers: [main({ env: [{ name: 'HADOOP_CONF_DIR', value: '/etc/hadoop' }] })] })) } }))
      .toThrow(/PodTemplate.fromFile\('.*'\): the main container sets HADOOP_CONF_DIR; the JobManager would create every TaskManager pod with a volume of ConfigMap 'hadoop-config-tpl'/);
    const c2 = chart();
    expect(() => cluster(c2, { taskManager: { podTemplate: fromFile(c2, pod({ containers: [main({ env: [{ name: 'HADOOP_CONF_DIR', value: '/etc/hadoop' }] })] })) } })).not.toThrow();
  });

  test('fails on a dnsPolicy that host networking overrides (KubernetesUtils.resolveDNSPolicy)', () => {
    const c = chart();
    expect(() => cluster(c, { hostNetwork: true, podTemplate: fromFile(c, pod({ dnsPolicy: 'Default' })) }))
      .toThrow("sets dnsPolicy 'Default', but with host networking Flink sets ClusterFirstWithHostNet");
  });

  test('fails on two main containers, of which Flink keeps the last', () => {
    expect(() => fromFile(chart(), pod({ containers: [main({ image: 'a' }), main({ image: 'b' })] })))
      .toThrow("more than one container is named 'flink-main-container'; Flink would keep the last and drop the others");
  });

  test('fails on a pull policy Kubernetes does not accept, which TaskManagers would get as is', () => {
    const c = chart();
    expect(() => cluster(c, { podTemplate: fromFile(c, pod({ containers: [main({ imagePullPolicy: 'always' })] })) }))
      .toThrow("the main container's imagePullPolicy is 'always'; Kubernetes accepts exactly IfNotPresent, Always, Never");
  });

  test('numbers and booleans in string fields become strings, as fabric8 reads them', () => {
    const c = chart();
    cluster(c, { podTemplate: fromFile(c, 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    version: 1\nspec:\n  containers:\n    - name: flink-main-container\n      env:\n        - name: WORKERS\n          value: 4\n') });
    const deployment = find(synth(c), 'Deployment', ID);
    expect(deployment.spec.template.metadata.labels.version).toBe('1');
    expect(mainContainer(deployment).env[0]).toStrictEqual({ name: 'WORKERS', value: '4' });
  });
});

describe('Pod Security Standards: user containers get the restricted defaults, and pods that break the profile are errors (podSecurity)', () => {
  const HARDENED = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
  const side = (securityContext: object = {}, extra: object = {}) => ({ name: 'side', image: 'side:1', securityContext, ...extra });

  test('sidecars and init containers get the container defaults under their own fields, in the Deployment and the shipped TaskManager template', () => {
    const c = chart();
    cluster(c, {
      podTemplate: new PodTemplate(c, 't', {
        initContainers: [{ name: 'init', image: 'busybox', securityContext: { readOnlyRootFilesystem: true } }],
        sidecars: [{ name: 'side', image: 'side:1', securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }],
      }),
    });
    const manifests = synth(c);
    const shipped = YAML.parse(find(manifests, 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml']);
    for (const spec of [find(manifests, 'Deployment', ID).spec.template.spec, shipped.spec]) {
      expect(spec.initContainers[0].securityContext).toStrictEqual({ ...HARDENED, readOnlyRootFilesystem: true });
      // capabilities are merged one level deeper: adding one keeps drop: [ALL]
      expect(spec.containers.find((x: any) => x.name === 'side').securityContext).toStrictEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } });
    }
  });

  test('no allowPrivilegeEscalation: false under privileged: true or CAP_SYS_ADMIN, which the API server rejects together (ValidateSecurityContext)', () => {
    const c = chart();
    cluster(c, {
      podSecurity: PodSecurityStandard.PRIVILEGED,
      podTemplate: fromFile(c, pod({ containers: [side({ privileged: true }), { ...side({ capabilities: { add: ['CAP_SYS_ADMIN'] } }), name: 'admin' }] })),
    });
    const containers = find(synth(c), 'Deployment', ID).spec.template.spec.containers;
    expect(containers[0].securityContext).toStrictEqual({ privileged: true, capabilities: { drop: ['ALL'] } });
    expect(containers[1].securityContext).toStrictEqual({ capabilities: { drop: ['ALL'], add: ['CAP_SYS_ADMIN'] } });
  });

  test.each([
    ['hostNamespaces', pod({ hostPID: true }), 'the pod sets hostPID: true', 'PRIVILEGED'],
    ['privileged', pod({ containers: [side({ privileged: true })] }), "container 'side' sets securityContext.privileged: true", 'PRIVILEGED'],
    ['capabilities_baseline', pod({ containers: [side({ capabilities: { add: ['NET_ADMIN'] } })] }), "container 'side' adds capabilities beyond Docker's default set (securityContext.capabilities.add)", 'PRIVILEGED'],
    ['hostPathVolumes', pod({ volumes: [{ name: 'host', hostPath: { path: '/var/log' } }] }), "the pod has the hostPath volume 'host'", 'PRIVILEGED'],
    ['hostPorts', pod({ containers: [side({}, { ports: [{ containerPort: 80, hostPort: 8080 }] })] }), "container 'side' sets a hostPort", 'PRIVILEGED'],
    ['appArmorProfile', pod({}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/side': 'unconfined' } }), 'the pod sets the AppArmor annotation container.apparmor.security.beta.kubernetes.io/side: unconfined', 'PRIVILEGED'],
    ['seLinuxOptions', pod({ containers: [side({ seLinuxOptions: { user: 'system_u' } })] }), "container 'side' sets securityContext.seLinuxOptions with a custom type, user or role", 'PRIVILEGED'],
    ['procMount', pod({ containers: [side({ procMount: 'Unmasked' })] }), "container 'side' sets securityContext.procMount other than Default", 'PRIVILEGED'],
    ['seccompProfile_baseline', pod({ containers: [side({ seccompProfile: { type: 'Unconfined' } })] }), "container 'side' sets securityContext.seccompProfile.type: Unconfined", 'PRIVILEGED'],
    ['sysctls', pod({ securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } }), 'the pod sets the sysctl kernel.msgmax, outside the safe set', 'PRIVILEGED'],
    ['windowsHostProcess', pod({ containers: [side({ windowsOptions: { hostProcess: true } })] }), "container 'side' sets securityContext.windowsOptions.hostProcess: true", 'PRIVILEGED'],
    ['hostProbesAndhostLifecycle', pod({ containers: [side({}, { livenessProbe: { httpGet: { host: 'example.com', port: 80 } } })] }), "container 'side' sets a host in a probe or lifecycle handler (httpGet.host, tcpSocket.host)", 'PRIVILEGED'],
    ['restrictedVolumes', pod({ volumes: [{ name: 'shared', nfs: { server: 'nfs', path: '/x' } }] }), "the pod has the volume 'shared' (nfs), not one of configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret", 'BASELINE'],
    ['allowPrivilegeEscalation', pod({ initContainers: [{ ...side({ allowPrivilegeEscalation: true }), name: 'init' }] }), "container 'init' does not set securityContext.allowPrivilegeEscalation: false", 'BASELINE'],
    ['runAsNonRoot', pod({ containers: [side({ runAsNonRoot: false })] }), "container 'side' sets securityContext.runAsNonRoot: false", 'BASELINE'],
    ['seccompProfile_baseline', pod({ securityContext: { seccompProfile: { type: 'Unconfined' } } }), 'the pod sets securityContext.seccompProfile.type: Unconfined', 'PRIVILEGED'],
    ['capabilities_restricted', pod({ containers: [side({ capabilities: { add: ['CHOWN'] } })] }), "container 'side' does not drop ALL capabilities, or adds others than NET_BIND_SERVICE", 'BASELINE'],
  ])('fails on a template that breaks %s (kubernetes/pod-security-admission), naming the profile it needs', (id, content, detail, needs) => {
    const c = chart();
    const template = fromFile(c, content);
    expect(() => cluster(c, { jobManager: { podTemplate: template } }))
      .toThrow(`${template._source.where}: the JobManager pods would break the Pod Security Standards' restricted profile: ${detail} (check '${id}' of the PodSecurity admission controller), and a namespace that enforces it would reject them; remove it, or lower the profile with 'podSecurity: PodSecurityStandard.${needs}' if the namespace allows it`);
    const c2 = chart();
    expect(() => cluster(c2, { jobManager: { podTemplate: fromFile(c2, content) }, podSecurity: PodSecurityStandard[needs as 'BASELINE'] })).not.toThrow();
  });

  test('restricted rules the defaults satisfy, with runAsNonRoot: false: runAsUser, seccompProfile, runAsNonRoot', () => {
    // a restricted template for an image whose user is uid 1000
    const restricted = (podContext: object = {}, container: object = {}) => pod({
      securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' }, ...podContext },
      containers: [main({ securityContext: { ...HARDENED, ...container } })],
    });
    const build = (content: object) => {
      const c = chart();
      return () => cluster(c, { runAsNonRoot: false, podSecurity: PodSecurityStandard.RESTRICTED, podTemplate: fromFile(c, content) });
    };
    expect(build(restricted())).not.toThrow();
    expect(build(restricted({}, { runAsUser: 0 }))).toThrow("container 'flink-main-container' sets securityContext.runAsUser: 0 (check 'runAsUser'");
    expect(build(restricted({ seccompProfile: undefined }))).toThrow("container 'flink-main-container' does not set securityContext.seccompProfile.type RuntimeDefault or Localhost, nor does the pod (check 'seccompProfile_restricted'");
    expect(build(restricted({ runAsNonRoot: undefined })))
      .toThrow("container 'flink-main-container' does not set securityContext.runAsNonRoot: true, nor does the pod (check 'runAsNonRoot' of the PodSecurity admission controller), and a namespace that enforces it would reject them; set it in the JobManager's pod template ('runAsNonRoot: true', the default, sets it for the official images' flink user), or lower the profile with 'podSecurity: PodSecurityStandard.BASELINE' if the namespace allows it");
  });

  test('fails on podSecurity RESTRICTED with runAsNonRoot: false and no template that sets the fields', () => {
    expect(() => cluster(chart(), { runAsNonRoot: false, podSecurity: PodSecurityStandard.RESTRICTED }))
      .toThrow("'podSecurity' (restricted) with 'runAsNonRoot: false': the JobManager pods would break the Pod Security Standards' restricted profile: container 'flink-main-container' does not set securityContext.allowPrivilegeEscalation: false (check 'allowPrivilegeEscalation'");
  });

  test('runAsNonRoot: false lowers the default profile to baseline, whose pods may run as root', () => {
    const c = chart();
    expect(() => cluster(c, { runAsNonRoot: false, podTemplate: fromFile(c, pod({ containers: [side({ runAsUser: 0 })] })) })).not.toThrow();
    const c2 = chart();
    expect(() => cluster(c2, { runAsNonRoot: false, podTemplate: fromFile(c2, pod({ containers: [side({ privileged: true })] })) }))
      .toThrow("the JobManager pods would break the Pod Security Standards' baseline profile: container 'side' sets securityContext.privileged: true");
  });

  test('fails on a root sidecar under runAsNonRoot, which the kubelet refuses whatever the profile', () => {
    const c = chart();
    const root = fromFile(c, pod({ initContainers: [side({ runAsUser: 0 })] }));
    expect(() => cluster(c, { podSecurity: PodSecurityStandard.PRIVILEGED, podTemplate: root }))
      .toThrow("the container 'side' runs as root (runAsUser: 0), but 'runAsNonRoot' is on by default and Kubernetes would refuse to start it "
        + "(\"container's runAsUser breaks non-root policy\"); set 'runAsNonRoot: false' on the cluster to run it as root");
    const c2 = chart();
    const rootOptedOut = fromFile(c2, pod({ containers: [side({ runAsUser: 0, runAsNonRoot: false })] }));
    expect(() => cluster(c2, { podSecurity: PodSecurityStandard.BASELINE, podTemplate: rootOptedOut })).not.toThrow();
  });

  test('native TaskManager pods: the error says the refusal would show in the JobManager\'s log only', () => {
    const c = chart();
    expect(() => cluster(c, { taskManager: { podTemplate: fromFile(c, pod({ containers: [side({ privileged: true })] })) } }))
      .toThrow("the TaskManager pods would break the Pod Security Standards' restricted profile: container 'side' sets securityContext.privileged: true (check 'privileged' of the PodSecurity admission controller), and a namespace that enforces it would reject them when the JobManager creates them (the refusal shows in its log only)");
  });

  test('fails on host networking under baseline or restricted (hostNamespaces), as the typed prop or the option', () => {
    expect(() => cluster(chart(), { hostNetwork: true }))
      .toThrow("hostNetwork is 'true': host networking breaks the Pod Security Standards' restricted profile (hostNamespaces: the pods would set hostNetwork: true), and a namespace that enforces it would reject the JobManager and TaskManager pods; lower the profile with 'podSecurity: PodSecurityStandard.PRIVILEGED' if the namespace allows it");
    expect(() => cluster(chart(), { podSecurity: PodSecurityStandard.BASELINE, flinkConfiguration: { 'kubernetes.hostnetwork.enabled': 'true' } }))
      .toThrow("flinkConfiguration['kubernetes.hostnetwork.enabled'] is 'true': host networking breaks the Pod Security Standards' baseline profile");
    expect(() => cluster(chart(), { hostNetwork: true, podSecurity: PodSecurityStandard.PRIVILEGED })).not.toThrow();
  });

  test('standalone TaskManagers get the defaults under their sidecars too, in their workload', () => {
    const c = chart();
    cluster(c, { mode: DeploymentMode.STANDALONE, taskManager: { podTemplate: new PodTemplate(c, 't', { sidecars: [{ name: 'side', image: 'side:1' }] }) } });
    const workload = find(synth(c), 'Deployment', `${ID}-taskmanager`);
    expect(workload.spec.template.spec.containers.find((x: any) => x.name === 'side').securityContext).toStrictEqual(HARDENED);
  });

  test('every check of the rules table has a test above', () => {
    const tested = ['hostNamespaces', 'privileged', 'capabilities_baseline', 'hostPathVolumes', 'hostPorts', 'appArmorProfile', 'seLinuxOptions', 'procMount',
      'seccompProfile_baseline', 'sysctls', 'windowsHostProcess', 'hostProbesAndhostLifecycle', 'restrictedVolumes', 'allowPrivilegeEscalation', 'runAsNonRoot',
      'runAsUser', 'seccompProfile_restricted', 'capabilities_restricted'];
    expect(POD_SECURITY_RULES.map(r => r.id).sort()).toStrictEqual(tested.sort());
  });

  test('fails on a podSecurity that is not a profile (from JavaScript)', () => {
    expect(() => cluster(chart(), { podSecurity: 'strict' as any }))
      .toThrow("'podSecurity' is \"strict\": expected one of PodSecurityStandard.RESTRICTED, PodSecurityStandard.BASELINE, PodSecurityStandard.PRIVILEGED ('restricted', 'baseline', 'privileged')");
  });
});

describe('YAML 1.1 and 1.2 read the shipped TaskManager template alike (Flink 1.16/1.17: fabric8 5.12, SnakeYAML\'s YAML 1.1 resolver)', () => {
  test('the rendered template quotes strings YAML 1.1 reads as booleans or numbers', () => {
    const c = chart();
    cluster(c, {
      taskManager: {
        podTemplate: new PodTemplate(c, 't', {
          labels: { canary: 'on', tier: '010' },
          mainContainer: { env: [{ name: 'VERBOSE', value: 'yes' }, { name: 'TIMEOUT', value: '1:30' }, { name: 'LIMIT', value: '1_000' }] },
        }),
      },
    }, FlinkVersion.V1_16);
    const text = find(synth(c), 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml'];
    for (const line of ['canary: "on"', 'tier: "010"', 'value: "yes"', 'value: "1:30"', 'value: "1_000"']) expect(text).toContain(line);
    expect(YAML.parse(text, { version: '1.1' })).toStrictEqual(YAML.parse(text));
  });

  test.each([
    ['value: yes', "line 8 has the plain scalar yes, which YAML 1.1 reads as the boolean true and YAML 1.2 as the string 'yes'"],
    ['value: 010', 'line 8 has the plain scalar 010, which YAML 1.1 reads as the number 8 and YAML 1.2 as the number 10'],
    ['value: 1:30', "line 8 has the plain scalar 1:30, which YAML 1.1 reads as the number 90 and YAML 1.2 as the string '1:30'"],
    ['value: Off', "line 8 has the plain scalar Off, which YAML 1.1 reads as the boolean false and YAML 1.2 as the string 'Off'"],
  ])('fails on a file with a plain scalar the two read differently (%s), which would be shipped verbatim', (line, message) => {
    const text = `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: flink-main-container\n      env:\n        - name: X\n          ${line}\n`;
    expect(() => fromFile(chart(), text))
      .toThrow(new RegExp(`^PodTemplate.fromFile\\('.*'\\): ${message.replace(/[()[\]]/g, '\\$&')}; Flink 1.16 and 1.17 read pod templates as YAML 1.1 \\(fabric8 5.12\\), this library as YAML 1.2, so the JobManager and the TaskManagers would differ: quote it`));
  });

  test('accepts quoted values, and y/n and timestamps, which Flink\'s YAML 1.1 loader reads as strings too (SnakeYAML Resolver.BOOL; Jackson)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    flag: "yes"\n    short: y\n    since: 2024-01-31\nspec:\n  priorityClassName: "on"\n';
    const c = chart();
    cluster(c, { runAsNonRoot: false, taskManager: { podTemplate: fromFile(c, text) } });
    // re-rendered with the TaskManagers' token choice under it, and read alike by both YAML versions
    const shipped = find(synth(c), 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml'];
    expect(YAML.parse(shipped, { version: '1.1' })).toStrictEqual(YAML.parse(shipped));
    expect(YAML.parse(shipped)).toStrictEqual({ ...YAML.parse(text), spec: { priorityClassName: 'on', automountServiceAccountToken: false } });
  });
});

test('examples/pod-template: the file and the typed props synthesize identical objects', () => {
  const build = (template: (c: Chart) => PodTemplate) => {
    const c = chart();
    cluster(c, { podTemplate: template(c), podSecurity: PodSecurityStandard.PRIVILEGED, flinkConfiguration: { 'user.artifacts.base-dir': '/opt/flink/user-artifacts' } });
    return synth(c);
  };
  const file = build(c => PodTemplate.fromFile(c, 't', path.join(__dirname, '..', 'examples', 'pod-template', 'pod-template.yaml')));
  const typed = build(c => new PodTemplate(c, 't', DOCS_TEMPLATE));
  expect(typed).toStrictEqual(file);
});

describe('defined by the user: explicit option > template > default (resolveUserDefinedValue, reference §4.4)', () => {
  test('the template\'s image and pull policy are used when the options are not set; TaskManagers keep their template\'s', () => {
    const c = chart();
    cluster(c, { podTemplate: fromFile(c, pod({ containers: [main({ image: 'my/flink:1', imagePullPolicy: 'Always' })] })) });
    const manifests = synth(c);
    const container = mainContainer(find(manifests, 'Deployment', ID));
    expect([container.image, container.imagePullPolicy]).toStrictEqual(['my/flink:1', 'Always']);
    // not shipped: the TaskManagers' template decides for them, as with Flink's client
    expect(shippedConfig(manifests, ID)['kubernetes.container.image.ref']).toBeUndefined();
  });

  test('a JobManager-only template image is shipped for the TaskManagers too', () => {
    const c = chart();
    cluster(c, { jobManager: { podTemplate: fromFile(c, pod({ containers: [main({ image: 'my/flink:1' })] })) } });
    expect(shippedConfig(synth(c), ID)['kubernetes.container.image.ref']).toBe('my/flink:1');
  });

  test('the template\'s service account is used and counts as brought: no ServiceAccount or RBAC of ours', () => {
    const c = chart();
    cluster(c, { podTemplate: fromFile(c, pod({ serviceAccountName: 'flink-sa' })) });
    const manifests = synth(c);
    expect(find(manifests, 'Deployment', ID).spec.template.spec.serviceAccount).toBe('flink-sa');
    expect(find(manifests, 'Deployment', ID).spec.template.spec.serviceAccountName).toBe('flink-sa');
    expect(manifests.filter(m => ['ServiceAccount', 'Role'].includes(m.kind))).toHaveLength(0);
    expect(shippedConfig(manifests, ID)['kubernetes.taskmanager.service-account']).toBeUndefined();
  });

  test('fails when the option and the template set different values, naming both', () => {
    const c = chart();
    expect(() => cluster(c, { image: 'a/flink:1', podTemplate: fromFile(c, pod({ containers: [main({ image: 'b/flink:1' })] })) }))
      .toThrow("'spec.containers[flink-main-container].image' is 'b/flink:1' but image sets 'a/flink:1'. Defined by the user (pod-template rules)");
    const c2 = chart();
    expect(() => cluster(c2, { imagePullPolicy: ImagePullPolicy.NEVER, podTemplate: fromFile(c2, pod({ containers: [main({ imagePullPolicy: 'Always' })] })) }))
      .toThrow("'spec.containers[flink-main-container].imagePullPolicy' is 'Always' but imagePullPolicy sets 'Never'");
    const c3 = chart();
    expect(() => cluster(c3, { flinkConfiguration: { 'kubernetes.service-account': 'x' }, podTemplate: fromFile(c3, pod({ serviceAccount: 'y' })) }))
      .toThrow("'spec.serviceAccount' is 'y' but flinkConfiguration['kubernetes.service-account'] sets 'x'");
  });

  test('the same value in both places is fine', () => {
    const c = chart();
    expect(() => cluster(c, { image: 'a/flink:1', podTemplate: fromFile(c, pod({ containers: [main({ image: 'a/flink:1' })] })) })).not.toThrow();
  });
});

describe('merged with Flink (reference §4.5, §4.6)', () => {
  test('labels, annotations and node selectors are merged; tolerations and pull secrets appended', () => {
    const c = chart();
    cluster(c, {
      jobManager: { labels: { team: 'data' }, nodeSelector: { pool: 'flink' }, tolerations: [{ key: 'a', operator: 'Exists' }] },
      imagePullSecrets: [kplus.Secret.fromSecretName(c, 's', 'flink-registry')],
      podTemplate: fromFile(c, pod(
        { nodeSelector: { zone: 'a' }, tolerations: [{ key: 'b', operator: 'Exists' }], imagePullSecrets: [{ name: 'template-registry' }] },
        { labels: { tier: 'streaming' }, annotations: { note: 'x' } },
      )),
    });
    const spec = find(synth(c), 'Deployment', ID).spec.template;
    expect(spec.metadata.labels).toStrictEqual({ tier: 'streaming', team: 'data', type: 'flink-native-kubernetes', app: ID, component: 'jobmanager' });
    expect(spec.metadata.annotations).toStrictEqual({ 'note': 'x', 'cdk8s-flink.dev/config-hash': expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(spec.spec.nodeSelector).toStrictEqual({ zone: 'a', pool: 'flink' });
    expect(spec.spec.tolerations).toStrictEqual([{ key: 'b', operator: 'Exists' }, { key: 'a', operator: 'Exists' }]);
    expect(spec.spec.imagePullSecrets).toStrictEqual([{ name: 'template-registry' }, { name: 'flink-registry' }]);
  });

  test.each([
    ['a volume named like Flink\'s', pod({ volumes: [{ name: 'flink-config-volume', emptyDir: {} }] }), "'spec.volumes' has an entry with name 'flink-config-volume', which Flink adds"],
    ['a port named like Flink\'s', pod({ containers: [main({ ports: [{ name: 'rest', containerPort: 9000 }] })] }), "has an entry with name 'rest', which Flink adds"],
    ['a mount at Flink\'s conf dir', pod({ volumes: [{ name: 'c', emptyDir: {} }], containers: [main({ volumeMounts: [{ name: 'c', mountPath: '/opt/flink/conf' }] })] }), "has an entry with mountPath '/opt/flink/conf', which Flink adds"],
    ['an env var Flink sets', pod({ containers: [main({ env: [{ name: '_POD_IP_ADDRESS', value: 'x' }] })] }), "has an entry with name '_POD_IP_ADDRESS', which Flink adds"],
    ['a label Flink owns', pod({}, { labels: { component: 'x' } }), "'metadata.labels' has 'component: x' but Flink sets 'component: jobmanager'"],
  ])('fails on %s in the JobManager template (the API server would reject it, or it would be lost)', (_what, content, message) => {
    const c = chart();
    expect(() => cluster(c, { jobManager: { podTemplate: fromFile(c, content) } })).toThrow(message);
  });

  test('fails on a label set by the template and the option to different values', () => {
    const c = chart();
    expect(() => cluster(c, { jobManager: { labels: { team: 'a' } }, podTemplate: fromFile(c, pod({}, { labels: { team: 'b' } })) }))
      .toThrow("'metadata.labels' has 'team: b' but jobManager.labels sets 'team: a'");
  });

  test.each([
    ['the taskmanager-rpc port', pod({ containers: [main({ ports: [{ name: 'taskmanager-rpc', containerPort: 1 }] })] }), "name 'taskmanager-rpc'"],
    ['_POD_NODE_ID', pod({ containers: [main({ env: [{ name: '_POD_NODE_ID', value: 'x' }] })] }), "name '_POD_NODE_ID'"],
    ['a secret volume', pod({ volumes: [{ name: 'db-volume', emptyDir: {} }] }), "name 'db-volume'"],
    ['the TaskManager component label', pod({}, { labels: { component: 'jobmanager' } }), "Flink sets 'component: taskmanager'"],
  ])('fails on %s in the TaskManager template (InitTaskManagerDecorator)', (_what, content, message) => {
    const c = chart();
    expect(() => cluster(c, { flinkConfiguration: { 'kubernetes.secrets': 'db:/opt/db' }, taskManager: { podTemplate: fromFile(c, content) } })).toThrow(message);
  });
});

describe('wiring: podTemplate for both, jobManager/taskManager.podTemplate in its place (kubernetes.pod-template-file.<c> falls back to .default)', () => {
  test('a TaskManager template is shipped, not applied to the JobManager', () => {
    const c = chart();
    cluster(c, { taskManager: { podTemplate: fromFile(c, pod({ priorityClassName: 'tm-priority' })) } });
    const manifests = synth(c);
    expect(find(manifests, 'Deployment', ID).spec.template.spec.priorityClassName).toBeUndefined();
    expect(YAML.parse(find(manifests, 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml']).spec.priorityClassName).toBe('tm-priority');
  });

  test('a file that needs nothing layered under it is shipped verbatim, comments included', () => {
    const text = '# our TaskManagers\napiVersion: v1\nkind: Pod\nspec:\n  automountServiceAccountToken: false\n  priorityClassName: tm-priority\n';
    const c = chart();
    cluster(c, { runAsNonRoot: false, taskManager: { podTemplate: fromFile(c, text) } });
    expect(find(synth(c), 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml']).toBe(text);
  });

  test('a file without automountServiceAccountToken gets it (false without Kubernetes HA), its own fields kept', () => {
    const text = '# our TaskManagers\napiVersion: v1\nkind: Pod\nspec:\n  priorityClassName: tm-priority\n';
    const c = chart();
    cluster(c, { runAsNonRoot: false, taskManager: { podTemplate: fromFile(c, text) } });
    expect(YAML.parse(find(synth(c), 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml']))
      .toStrictEqual({ apiVersion: 'v1', kind: 'Pod', spec: { automountServiceAccountToken: false, priorityClassName: 'tm-priority' } });
  });

  test('the template\'s own security context wins over the non-root defaults, field by field', () => {
    const c = chart();
    cluster(c, { podTemplate: fromFile(c, pod({ securityContext: { runAsUser: 1000, runAsGroup: 1000 } })) });
    const manifests = synth(c);
    const expected = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' } };
    expect(find(manifests, 'Deployment', ID).spec.template.spec.securityContext).toStrictEqual(expected);
    expect(YAML.parse(find(manifests, 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml']).spec.securityContext).toStrictEqual(expected);
  });
});

// A property test: random templates keep every field the rules do not own (nothing the user wrote is lost).
describe('nothing the user wrote is lost', () => {
  function random(seed: number) {
    let x = seed;
    return () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
  }
  const keepable: Array<[string, (r: () => number) => unknown]> = [
    ['affinity', r => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: `k${Math.floor(r() * 100)}`, operator: 'Exists' }] }] } } })],
    ['priorityClassName', r => `p${Math.floor(r() * 1000)}`],
    ['schedulerName', r => `s${Math.floor(r() * 1000)}`],
    ['terminationGracePeriodSeconds', r => Math.floor(r() * 300)],
    ['topologySpreadConstraints', r => [{ maxSkew: 1 + Math.floor(r() * 3), topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }]],
    ['hostAliases', r => [{ ip: `10.0.0.${Math.floor(r() * 250)}`, hostnames: ['a.example'] }]],
    ['initContainers', r => [{ name: `init${Math.floor(r() * 9)}`, image: 'busybox', command: ['true'] }]],
    ['someFutureField', r => ({ nested: { value: r() } })],
  ];
  const mainKeepable: Array<[string, (r: () => number) => unknown]> = [
    ['workingDir', r => `/w${Math.floor(r() * 9)}`],
    ['livenessProbe', r => ({ httpGet: { path: '/overview', port: 8081 }, periodSeconds: 1 + Math.floor(r() * 30) })],
    ['envFrom', () => [{ configMapRef: { name: 'extra' } }]],
    ['lifecycle', () => ({ preStop: { exec: { command: ['sleep', '5'] } } })],
  ];

  test.each(Array.from({ length: 40 }, (_, i) => i + 1))('random template #%d keeps its fields in the Deployment and in the shipped template', seed => {
    const r = random(seed);
    const spec: Record<string, unknown> = {};
    for (const [k, gen] of keepable) if (r() < 0.6) spec[k] = gen(r);
    const mainFields: Record<string, unknown> = {};
    for (const [k, gen] of mainKeepable) if (r() < 0.6) mainFields[k] = gen(r);
    const sidecars = r() < 0.5 ? [{ name: 'side', image: 'side:1', args: ['--x', String(seed)] }] : [];
    spec.containers = [...sidecars, main(mainFields)];
    const c = chart();
    cluster(c, { podTemplate: fromFile(c, pod(spec)) });
    const manifests = synth(c);
    const deployment = find(manifests, 'Deployment', ID);
    const shipped = YAML.parse(find(manifests, 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml']);
    // user containers get the restricted container defaults under their own fields (runAsNonRoot)
    const hardened = (containers: any[]) => containers.map(x => ({ ...x, securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }));
    for (const [k, v] of Object.entries(spec)) {
      if (k === 'containers') continue;
      const expected = k === 'initContainers' ? hardened(v as any[]) : v;
      expect(deployment.spec.template.spec[k]).toStrictEqual(expected);
      expect(shipped.spec[k]).toStrictEqual(expected);
    }
    for (const [k, v] of Object.entries(mainFields)) {
      expect(mainContainer(deployment)[k]).toStrictEqual(v);
      expect(shipped.spec.containers.find((x: any) => x.name === 'flink-main-container')[k]).toStrictEqual(v);
    }
    expect(deployment.spec.template.spec.containers.slice(0, -1)).toStrictEqual(hardened(sidecars));
  });
});

describe('found by the fuzzer: what the API server refuses in a pod template is an error at synth (Flink copies it unchecked)', () => {
  test('fails on label, annotation and node-selector keys and values, and tolerations, Kubernetes refuses', () => {
    const c = chart();
    expect(() => new PodTemplate(c, 'a', { labels: { 'bad key': 'x' } })).toThrow(
      "PodTemplate 'test/a': 'metadata.labels': the label key 'bad key' is not one Kubernetes accepts (IsQualifiedName",
    );
    expect(() => new PodTemplate(c, 'b', { nodeSelector: { pool: 'a b' } })).toThrow("PodTemplate 'test/b': 'spec.nodeSelector': the value 'a b' of the node-selector label 'pool' is not one Kubernetes accepts");
    expect(() => new PodTemplate(c, 'c', { annotations: { '-x': 'y' } })).toThrow("PodTemplate 'test/c': 'metadata.annotations': the annotation key '-x' is not one Kubernetes accepts");
    expect(() => new PodTemplate(c, 'd', { tolerations: [{ effect: 'NoSchedule' }] }))
      .toThrow("PodTemplate 'test/d': 'spec.tolerations[0]' is refused by the API server (validateTolerations): a toleration without a key must use the operator 'Exists' (it then matches every taint); set 'operator: Exists', or give the taint's key");
    expect(() => fromFile(c, pod({}, { labels: { team: 'a b' } }))).toThrow("'metadata.labels': the value 'a b' of the label 'team' is not one Kubernetes accepts");
  });

  test('fails on two volumes of one name, two mounts at one path, or two containers of one name', () => {
    const c = chart();
    expect(() => new PodTemplate(c, 'a', { volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }] }))
      .toThrow("PodTemplate 'test/a': 'spec.volumes[1].name' is 'v', the name of another volume of the template, which the API server rejects; rename one of them");
    expect(() => new PodTemplate(c, 'b', { volumes: [{ name: 'Bad_Name', emptyDir: {} }] }))
      .toThrow("PodTemplate 'test/b': 'spec.volumes[0].name' is \"Bad_Name\": a volume name is");
    expect(() => new PodTemplate(c, 'c', { volumes: [{ name: 'v', emptyDir: {} }], mainContainer: { volumeMounts: [{ name: 'v', mountPath: '/a' }, { name: 'v', mountPath: '/a' }] } }))
      .toThrow("'spec.containers[0].volumeMounts' mounts two volumes at '/a', which the API server rejects (mount paths are unique per container); remove one");
    expect(() => new PodTemplate(c, 'd', { initContainers: [{ name: 'x', image: 'busybox' }], sidecars: [{ name: 'x', image: 'busybox' }] }))
      .toThrow("PodTemplate 'test/d': 'spec.containers[0].name' is 'x', the name of another container of the pod, which the API server rejects; rename one of them");
  });

  test('fails on a mount of a volume neither the template nor Flink has; Flink\'s own volumes may be mounted', () => {
    const mounting = (c: Chart, name: string) => new PodTemplate(c, 't', { sidecars: [{ name: 'agent', image: 'busybox', volumeMounts: [{ name, mountPath: '/x' }] }] });
    for (const placement of ['podTemplate', 'taskManager'] as const) {
      for (const mode of [DeploymentMode.NATIVE, DeploymentMode.STANDALONE]) {
        const c = chart();
        const template = mounting(c, 'missing');
        const props = placement === 'podTemplate' ? { podTemplate: template } : { taskManager: { podTemplate: template } };
        expect(() => cluster(c, { mode, ...props })).toThrow(
          "PodTemplate 'test/t': 'spec.containers[agent].volumeMounts[0]' mounts the volume 'missing', which the pod does not have (it has ",
        );
      }
    }
    const c = chart();
    expect(() => cluster(c, { podTemplate: mounting(c, 'flink-config-volume') })).not.toThrow();
    // a standalone TaskManager with local recovery has the volume claim working-dir
    const s = chart();
    expect(() => cluster(s, { mode: DeploymentMode.STANDALONE, taskManager: { podTemplate: mounting(s, 'working-dir'), localRecovery: { storage: Size.gibibytes(1) } } })).not.toThrow();
  });

  test('fails on a terminationGracePeriod of a fraction of a second, naming the prop (Duration.toSeconds would not)', () => {
    expect(() => new PodTemplate(chart(), 't', { terminationGracePeriod: Duration.millis(1500) }))
      .toThrow("PodTemplate 'test/t': 'terminationGracePeriod' is 1500 ms, but Kubernetes takes a whole number of seconds (terminationGracePeriodSeconds); use e.g. Duration.seconds(30)");
  });
});
