import { isOfficialFlinkImage } from './checks';
import { FlinkConfig, where } from './config';
import type { Reader } from './config-reader';
import { MASTER_ENV_PREFIX, Options, TASKMANAGER_ENV_PREFIX } from './options';
import { FlinkPod, Json } from './pod';

/**
 * Where a cluster keeps state that must outlive its pods — the HA storage directory, the checkpoint and
 * savepoint directories — checked against the file systems its pods have. Every path goes through
 * `FileSystem.get` (`FileSystem.getUnguardedFileSystem`): a path without scheme is put on
 * `fs.default-scheme`, by default the local file system, and a scheme is served by a plugin in
 * `/opt/flink/plugins` or, if Hadoop is on the classpath, by Hadoop.
 */

/**
 * The schemes of the file-system plugins in the official images' `/opt/flink/opt`, by artifact id (their
 * `META-INF/services/org.apache.flink.core.fs.FileSystemFactory`; `FileSystem.DIRECTLY_SUPPORTED_FILESYSTEM`).
 */
const PLUGIN_SCHEMES: Record<string, { readonly schemes: readonly string[]; readonly prop: string }> = {
  'flink-s3-fs-hadoop': { schemes: ['s3', 's3a'], prop: 'FlinkPlugin.S3_HADOOP' },
  'flink-s3-fs-presto': { schemes: ['s3', 's3p'], prop: 'FlinkPlugin.S3_PRESTO' },
  'flink-gs-fs-hadoop': { schemes: ['gs'], prop: 'FlinkPlugin.GCS' },
  'flink-azure-fs-hadoop': { schemes: ['wasb', 'wasbs', 'abfs', 'abfss'], prop: 'FlinkPlugin.AZURE' },
  'flink-oss-fs-hadoop': { schemes: ['oss'], prop: 'FlinkPlugin.OSS' },
};

/** Volume types that many pods mount as one shared directory (a pod-local path on them is not pod-local). */
const SHARED_VOLUME_TYPES = ['persistentVolumeClaim', 'nfs', 'cephfs', 'glusterfs', 'azureFile'];

/** The state directories, with what each holds; HA's only counts with high availability. */
const STATE_PATHS: ReadonlyArray<{ readonly keys: readonly string[]; readonly holds: string; readonly ha?: boolean }> = [
  { keys: [], holds: 'the HA state (job graphs, checkpoint pointers, blobs)', ha: true },
  // CheckpointingOptions.CHECKPOINTS_DIRECTORY (state.checkpoints.dir until 1.19) and its deprecated keys
  { keys: ['execution.checkpointing.dir', 'state.checkpoints.dir', 'state.backend.fs.checkpointdir'], holds: 'the checkpoints' },
  // CheckpointingOptions.SAVEPOINT_DIRECTORY (state.savepoints.dir until 1.19) and its deprecated keys
  { keys: ['execution.checkpointing.savepoint-dir', 'state.savepoints.dir', 'savepoints.state.backend.fs.dir'], holds: 'the savepoints' },
];

/** One kind of pod: its image, its template (Flink's decorators add nothing that matters here) and its env prefix. */
export interface StoragePod {
  readonly image: string;
  readonly pod: FlinkPod;
  readonly envPrefix: typeof MASTER_ENV_PREFIX | typeof TASKMANAGER_ENV_PREFIX;
}

/** `ENABLE_BUILT_IN_PLUGINS` of a pod (option or template env) as artifact ids: `flink-s3-fs-presto-1.20.4.jar` → `flink-s3-fs-presto`. */
function enabledPlugins(config: FlinkConfig, p: StoragePod): string[] {
  const value = config.get(`${p.envPrefix}ENABLE_BUILT_IN_PLUGINS`) ?? envValue(p.pod, 'ENABLE_BUILT_IN_PLUGINS') ?? '';
  return value.split(';').map(jar => jar.trim().replace(/-\d[^/]*\.jar$/, '').replace(/\.jar$/, '')).filter(id => id !== '');
}

function envValue(pod: FlinkPod, name: string): string | undefined {
  return (pod.mainContainer.env ?? []).find((e: Json) => e?.name === name)?.value;
}

/**
 * Whether the library knows which file systems the pod has: an official image (no Hadoop, the plugins of
 * /opt/flink/opt as enabled), with nothing mounted into its plugins or lib directory and no Hadoop classpath.
 */
function knowsFileSystems(config: FlinkConfig, p: StoragePod): boolean {
  const mounts: Json[] = p.pod.mainContainer.volumeMounts ?? [];
  return isOfficialFlinkImage(p.image)
    && !mounts.some(m => /^\/opt\/flink\/(plugins|lib)(\/|$)/.test(m?.mountPath ?? ''))
    && config.get(`${p.envPrefix}HADOOP_CLASSPATH`) === undefined && envValue(p.pod, 'HADOOP_CLASSPATH') === undefined;
}

/** Whether `path` lies on a shared volume mounted into the pod's main container. */
function onSharedVolume(p: StoragePod, path: string): boolean {
  const volumes: Json[] = p.pod.spec.volumes ?? [];
  return (p.pod.mainContainer.volumeMounts ?? []).some((m: Json) => {
    const volume = volumes.find(v => v?.name === m?.name);
    const mountPath = String(m?.mountPath ?? '').replace(/\/+$/, '');
    return volume !== undefined && SHARED_VOLUME_TYPES.some(t => volume[t] !== undefined)
      && mountPath !== '' && (path === mountPath || path.startsWith(`${mountPath}/`));
  });
}

/**
 * The HA storage directory (with high availability) and the checkpoint and savepoint directories must be on
 * a file system that every JobManager and TaskManager shares and that outlives them: never the pods' own
 * disks, and, where the library knows the image, a file system it serves.
 */
export function checkStatePaths(config: FlinkConfig, reader: Reader, c: { highAvailability: boolean; pods: StoragePod[] }): void {
  const defaultScheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(config.get('fs.default-scheme')?.trim() ?? '')?.[1]?.toLowerCase() ?? 'file';
  for (const state of STATE_PATHS) {
    if (state.ha && !c.highAvailability) continue;
    const keys = state.ha ? [reader.key(Options.HA_STORAGE_DIR)] : state.keys;
    for (const key of keys) {
      const entry = config.entry(key);
      if (entry === undefined) continue;
      const fail = (message: string): never => {
        throw new Error(`${where(entry, key)} is '${entry.value}': ${message}`);
      };
      const value = entry.value.trim();
      const uri = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(value);
      const scheme = uri ? uri[1].toLowerCase() : defaultScheme;
      if (scheme === 'file') {
        // file:///x, file:/x and a path without scheme name the same local path
        const path = uri ? uri[2].replace(/^\/\/[^/]*/, '') : value;
        if (path.startsWith('/') && c.pods.every(p => onSharedVolume(p, path))) continue;
        const local = uri ? 'the local file system' : 'a path without scheme is on \'fs.default-scheme\', by default the local file system: FileSystem.getUnguardedFileSystem';
        fail(`${state.holds} would be on each pod's own disk (${local}): every JobManager and TaskManager would see a directory of its own, lost with the pod; use a durable file system that all pods share, e.g. 's3://bucket/flink' with plugins: [FlinkPlugin.S3_PRESTO], or mount a shared volume (persistentVolumeClaim, nfs) at that path into the JobManager's and the TaskManagers' main containers`);
      }
      if (!c.pods.every(p => knowsFileSystems(config, p))) continue;
      const serving = Object.entries(PLUGIN_SCHEMES).filter(([, plugin]) => plugin.schemes.includes(scheme));
      if (serving.length === 0) {
        fail(`the official Flink image serves no file system for '${scheme}://': it has no Hadoop (apache/flink-docker), only the local file system and the plugins of /opt/flink/opt (${Object.values(PLUGIN_SCHEMES).flatMap(p => p.schemes).filter((s, i, all) => all.indexOf(s) === i).join(', ')}), so Flink would fail with UnsupportedFileSystemSchemeException; use one of those, or an image of your own that has the file system`);
      }
      const enabled = c.pods.map(p => enabledPlugins(config, p));
      if (!serving.some(([id]) => enabled.every(ids => ids.includes(id)))) {
        const props = serving.map(([, plugin]) => plugin.prop).join(' or ');
        fail(`Flink serves '${scheme}://' only through the plugin ${serving.map(([id]) => id).join(' or ')} ("Could not find a file system implementation for scheme '${scheme}'", FileSystem.getUnguardedFileSystem), which is not enabled for both the JobManager and the TaskManagers; add ${props} to 'plugins'`);
      }
    }
  }
}
