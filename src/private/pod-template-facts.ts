import { CONFIG_HASH_ANNOTATION } from './config-hash';
import type { Reader } from './config-reader';
import { callsKubernetesApi } from './decorators/service-account-token-decorator';
import type { ResolvedCluster } from './model';
import { Options, OptionSpec, TASKMANAGER_ENV_PREFIX } from './options';
import { Component, emptyPod, FlinkPod, jobManagerSelector, taskManagerSelector } from './pod';
import { checkTemplateForCluster, ComponentFacts, NamedTemplate } from './pod-template';
import { RuleComponents } from './pod-template-rules';
import { DeploymentMode } from '../deployment-mode';
import { decorateNativeJobManagerPod } from './render/native';
import { decorateStandaloneJobManagerPod, decorateStandaloneTaskManagerPod } from './render/standalone';

/** Flink's entries in a merged map, each with the prop that set it (none for Flink's own). */
function mapFacts(reader: Reader, option: OptionSpec, own: Record<string, string> = {}) {
  const prop = reader.entryProp(option);
  const result: Record<string, { value?: string; prop?: string }> = {};
  for (const [k, v] of Object.entries(reader.map(option))) result[k] = { value: v, prop };
  for (const [k, v] of Object.entries(own)) result[k] = { value: v };
  return result;
}

/** The pod annotations: Flink's merged ones, and ours, whose value is known only once the cluster is rendered. */
function annotationFacts(reader: Reader, option: OptionSpec) {
  return {
    ...mapFacts(reader, option),
    [CONFIG_HASH_ANNOTATION]: { prop: 'this library (the hash of the configuration the pods read at start, which rolls them when it changes)' },
  };
}

/**
 * A template may not take the service-account token from pods that call the Kubernetes API: the native
 * JobManager always, every pod with Kubernetes high availability.
 */
function checkToken(cluster: ResolvedCluster, template: NamedTemplate, component: Component): void {
  if (template.json.spec?.automountServiceAccountToken === false && callsKubernetesApi(cluster, component)) {
    const why = cluster.mode === DeploymentMode.NATIVE && component === 'jobmanager'
      ? 'the native JobManager calls the Kubernetes API to create and watch its TaskManager pods'
      : `with Kubernetes high availability the ${component === 'jobmanager' ? 'JobManager calls' : 'TaskManagers call'} the Kubernetes API for leader election and retrieval`;
    throw new Error(`${template.where}: sets spec.automountServiceAccountToken: false, but ${why}, which needs the token; remove it`);
  }
}

function explicitFacts(reader: Reader, accountOptions: OptionSpec[]): ComponentFacts['explicit'] {
  const explicitValue = (options: OptionSpec[]) => {
    for (const option of options) {
      const prop = reader.explicitProp(option);
      if (prop !== undefined) return { value: reader.string(option)!, prop };
    }
    return undefined;
  };
  return {
    'main.image': explicitValue([Options.CONTAINER_IMAGE]),
    'main.imagePullPolicy': explicitValue([Options.IMAGE_PULL_POLICY]),
    'spec.serviceAccount, spec.serviceAccountName': explicitValue(accountOptions),
  };
}

/** The volumes of a decorated pod, and the volume claims its main container mounts (a StatefulSet's `working-dir`). */
function volumesOf(pod: FlinkPod): string[] {
  const names = [...(pod.spec.volumes ?? []).map((v: any) => v.name), ...(pod.mainContainer.volumeMounts ?? []).map((m: any) => m.name)];
  return names.filter((n, i) => names.indexOf(n) === i);
}

function namesOf(pod: FlinkPod) {
  return {
    'spec.volumes': (pod.spec.volumes ?? []).map((v: any) => v.name),
    'main.env': (pod.mainContainer.env ?? []).map((e: any) => e.name),
    'main.ports': (pod.mainContainer.ports ?? []).map((p: any) => p.name),
    'main.volumeMounts': (pod.mainContainer.volumeMounts ?? []).map((m: any) => m.mountPath),
  };
}

/**
 * What the JobManager adds to a native TaskManager pod (`InitTaskManagerDecorator`, `EnvSecretsDecorator`,
 * `MountSecretsDecorator`, `HadoopConfMountDecorator`, `FlinkConfMountDecorator`; reference §1.9).
 */
function nativeTaskManagerNames(cluster: ResolvedCluster) {
  const hadoop = cluster.hadoopConfigMap !== undefined;
  const envNames = [
    ...cluster.config.withPrefix(TASKMANAGER_ENV_PREFIX).map(e => e.key.substring(TASKMANAGER_ENV_PREFIX.length)),
    ...(cluster.config.get('env.java.home') !== undefined ? ['JAVA_HOME'] : []),
    '_POD_NODE_ID',
    ...(cluster.logDir !== undefined ? ['FLINK_LOG_DIR'] : []),
    ...cluster.envSecretKeyRefs.map(r => r.env),
    'FLINK_TM_JVM_MEM_OPTS',
    ...(hadoop ? ['HADOOP_CONF_DIR'] : []),
  ];
  return {
    'spec.volumes': [...cluster.secrets.map(([s]) => `${s}-volume`), ...(hadoop ? ['hadoop-config-volume'] : []), 'flink-config-volume'],
    'main.env': envNames,
    'main.ports': cluster.hostNetwork ? [] : ['taskmanager-rpc'],
    'main.volumeMounts': [...cluster.secrets.map(([, p]) => p), ...(hadoop ? ['/opt/hadoop/conf'] : []), cluster.confDir],
  };
}

/** Checks the JobManager's and the TaskManagers' templates against Flink's rules, with this cluster's facts. */
export function checkPodTemplates(cluster: ResolvedCluster, reader: Reader, jm: NamedTemplate | undefined, tm: NamedTemplate | undefined): void {
  const native = cluster.mode === DeploymentMode.NATIVE;
  if (jm !== undefined) {
    checkToken(cluster, jm, 'jobmanager');
    const decorate = native ? decorateNativeJobManagerPod : decorateStandaloneJobManagerPod;
    const flinkPod = decorate(cluster, emptyPod());
    checkTemplateForCluster(jm, {
      component: RuleComponents.JOB_MANAGER,
      standalone: !native,
      prop: jm.prop,
      flinkNames: namesOf(flinkPod),
      mountableVolumes: volumesOf(flinkPod),
      flinkMaps: {
        'metadata.labels': mapFacts(reader, Options.JM_LABELS, jobManagerSelector(cluster)),
        'metadata.annotations': annotationFacts(reader, Options.JM_ANNOTATIONS),
        'spec.nodeSelector': mapFacts(reader, Options.JM_NODE_SELECTOR),
      },
      explicit: explicitFacts(reader, [Options.JM_SERVICE_ACCOUNT, Options.SERVICE_ACCOUNT]),
    });
  }
  if (tm !== undefined) {
    checkToken(cluster, tm, 'taskmanager');
    const flinkPod = native ? undefined : decorateStandaloneTaskManagerPod(cluster, emptyPod());
    const flinkNames = flinkPod ? namesOf(flinkPod) : nativeTaskManagerNames(cluster);
    checkTemplateForCluster(tm, {
      component: RuleComponents.TASK_MANAGER,
      standalone: !native,
      prop: tm.prop,
      flinkNames,
      mountableVolumes: flinkPod ? volumesOf(flinkPod) : flinkNames['spec.volumes'],
      flinkMaps: {
        'metadata.labels': mapFacts(reader, Options.TM_LABELS, taskManagerSelector(cluster)),
        'metadata.annotations': annotationFacts(reader, Options.TM_ANNOTATIONS),
        'spec.nodeSelector': mapFacts(reader, Options.TM_NODE_SELECTOR),
      },
      explicit: explicitFacts(reader, [Options.TM_SERVICE_ACCOUNT, Options.SERVICE_ACCOUNT]),
    });
  }
}
