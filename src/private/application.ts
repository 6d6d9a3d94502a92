import { savepointPathProblem } from './checks';
import { FlinkConfig, Origin } from './config';
import { encodeMap, encodeStringList } from './encoding';
import { keyOf, Options, OptionSpec } from './options';
import { DeploymentMode } from '../deployment-mode';
import { FlinkVersion } from '../flink-version';
import { JobArtifact } from '../job-artifact';
import { FlinkJobOptions, RecoveryClaimMode } from '../job-options';

/**
 * Application mode. Native: the keys `flink run-application` (1.x) / `flink run --target
 * kubernetes-application` (2.x) put into the shipped configuration (`CliFrontend`,
 * `ProgramOptions.applyToConfiguration`, `ApplicationConfiguration.applyToConfiguration`,
 * `SavepointRestoreSettings.toConfiguration`), and the jar rules of the client and the JobManager
 * entrypoint (reference §5). Standalone: the command line of `standalone-job`
 * (`StandaloneApplicationClusterConfigurationParserFactory`, standalone reference §3.2), which carries the
 * job instead of the configuration.
 */

/** What the CLI always writes, before the job's props (research: application-mode §1). */
export function applicationDefaults(version: FlinkVersion, mode: DeploymentMode): Array<[string, string]> {
  const key = (o: OptionSpec) => keyOf(o, version.ordinal);
  // our default, unlike Flink's: a GitOps reconciler would re-create a self-deleted Deployment, and a
  // standalone JobManager's Deployment would restart the exited process, which runs the job again
  const shutdown: [string, string] = [key(Options.SHUTDOWN_ON_APPLICATION_FINISH), 'false'];
  if (mode === DeploymentMode.STANDALONE) return [shutdown];
  return [
    [key(Options.EXECUTION_ATTACHED), 'true'],
    [key(Options.SHUTDOWN_ON_ATTACHED_EXIT), 'false'],
    [key(Options.SAVEPOINT_IGNORE_UNCLAIMED), 'false'],
    [key(Options.SAVEPOINT_CLAIM_MODE), 'NO_CLAIM'],
    shutdown,
  ];
}

/** `KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM`: no operator runs with more parallel instances. */
const MAX_PARALLELISM = 32768;

/** `^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$`: a binary class name such as `com.example.Main` or `a.Outer$Inner`. */
const JAVA_CLASS_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/**
 * Where the standalone entrypoints find user jars: `<parent of $FLINK_LIB_DIR>/usrlib`
 * (`ClusterEntrypointUtils.tryFindUserLibDirectory`), every jar of which goes on the job's classpath
 * (`DefaultPackagedProgramRetriever`; standalone reference §3.3).
 */
const USRLIB = '/opt/flink/usrlib';

/** A jar in the image's usrlib, which the standalone entrypoint finds by itself. */
function inUsrlib(artifact: JobArtifact): boolean {
  return artifact.uri?.startsWith(`local://${USRLIB}/`) ?? false;
}

function explicit(prop: string): Origin {
  return { prop, explicit: true };
}

function checkArtifact(artifact: JobArtifact, prop: string, job: FlinkJobOptions, version: FlinkVersion, mode: DeploymentMode): void {
  const scheme = artifact.scheme;
  if (scheme === undefined) return;
  if (mode === DeploymentMode.STANDALONE) {
    // 1.19+ runs any jar given to --jars (local:// in place); before, only usrlib or the system classpath
    if (!version.isAtLeast(FlinkVersion.V1_19) && !inUsrlib(artifact)) {
      const where = scheme === 'local'
        ? `looks for the job's jar in ${USRLIB} (ClusterEntrypointUtils.tryFindUserLibDirectory, DefaultPackagedProgramRetriever) or on the system classpath`
        : 'runs only jars in the image';
      throw new Error(`'${prop}' is '${artifact.uri}': the standalone entrypoint of Flink ${version.minorVersion} has no '--jars' (StandaloneApplicationClusterConfigurationParserFactory, FLINK-28915 in 1.19) and ${where}; copy the jar to ${USRLIB}/ in the image (JobArtifact.fromImage('${USRLIB}/my-flink-job.jar')), or to /opt/flink/lib/ (JobArtifact.systemClasspath() with 'job.entryClass'), or use Flink 1.19+`);
    }
  } else if (scheme !== 'local' && !version.isAtLeast(FlinkVersion.V1_19)) {
    throw new Error(`'${prop}' is '${artifact.uri}': Flink ${version.minorVersion} runs only jars inside the image ("Only "local" is supported as schema for application mode.", KubernetesUtils.checkJarFileForApplicationMode); build the jar into the image and use JobArtifact.fromImage(), or use Flink 1.19+, which fetches remote jars`);
  }
  if (scheme === 'http' && job.allowRawHttp !== true) {
    throw new Error(`'${prop}' is '${artifact.uri}': Flink fetches plain http:// only with 'user.artifacts.raw-http-enabled' (ArtifactFetchManager); use https://, or set 'job.allowRawHttp: true' if the network path is trusted`);
  }
}

/**
 * The job's props onto their options; every rule Flink would enforce at deploy or start time is checked
 * here. In standalone mode the jar, the entry class, the arguments and the savepoint travel on the
 * JobManager's command line instead (`standaloneJobArgs`).
 */
export function setJobProps(config: FlinkConfig, job: FlinkJobOptions, version: FlinkVersion, mode: DeploymentMode): void {
  const ordinal = version.ordinal;
  const key = (o: OptionSpec) => keyOf(o, ordinal);
  const native = mode === DeploymentMode.NATIVE;
  const standardYaml = version.major >= 2;
  const since119 = (prop: string) => {
    if (!version.isAtLeast(FlinkVersion.V1_19)) {
      throw new Error(`'${prop}' needs Flink 1.19 or later (user.artifacts.*, FLINK-28915); this cluster runs ${version.minorVersion}: choose a newer 'version', or remove it`);
    }
  };

  // the job's jar: exactly one before 2.0, at most one from 2.0 (reference §5)
  if (job.artifact.uri === undefined) {
    // the standalone entrypoint has always fallen back to the system classpath (standalone reference §3.3), where
    // without --job-classname it scans every jar of lib/ for one manifest entry class (DefaultPackagedProgramRetriever)
    if (!native && job.entryClass === undefined) {
      throw new Error('\'job.artifact\' is JobArtifact.systemClasspath() without \'job.entryClass\': the standalone entrypoint would scan every jar in /opt/flink/lib for the one with a Main-Class (DefaultPackagedProgramRetriever), which the distribution\'s own jars make uncertain; set \'job.entryClass\'');
    }
    if (native && !version.isAtLeast(FlinkVersion.V2_0)) {
      throw new Error(`'job.artifact' is JobArtifact.systemClasspath(), but Flink ${version.minorVersion} needs exactly one job jar in application mode ("Should only have one jar"); use JobArtifact.fromImage('/opt/flink/usrlib/<your-job>.jar'), or Flink 2.0+`);
    }
  } else {
    checkArtifact(job.artifact, 'job.artifact', job, version, mode);
    if (native) config.set(key(Options.PIPELINE_JARS), encodeStringList([job.artifact.uri], standardYaml), explicit('job.artifact'));
  }

  if (job.additionalArtifacts !== undefined && job.additionalArtifacts.length > 0) {
    if (!native) {
      // (derived, ArtifactFetchManager.fetchArtifacts: two or more --jars designate no job jar)
      throw new Error('\'job.additionalArtifacts\' cannot take effect in standalone mode: with more than one jar in \'--jars\' the standalone entrypoint designates no job jar and ships none of them to the TaskManagers, which only get file: classpath entries they do not have (ArtifactFetchManager.fetchArtifacts, ApplicationClusterEntryPoint.configureExecution); build the libraries into the job\'s jar or the image, or use mode: DeploymentMode.NATIVE');
    }
    since119('job.additionalArtifacts');
    if (job.artifact.uri === undefined) {
      throw new Error('\'job.additionalArtifacts\' with JobArtifact.systemClasspath(): Flink fetches additional artifacts only together with a job jar (FLINK-33926), so they would be ignored; put them into the image');
    }
    const uris = job.additionalArtifacts.map((a, i) => {
      if (a.uri === undefined) throw new Error(`'job.additionalArtifacts[${i}]' is JobArtifact.systemClasspath(), which is not an artifact; remove it`);
      checkArtifact(a, `job.additionalArtifacts[${i}]`, job, version, mode);
      return a.uri;
    });
    if (native) config.set(key(Options.USER_ARTIFACTS_ARTIFACT_LIST), encodeStringList(uris, standardYaml), explicit('job.additionalArtifacts'));
  }
  // no headers are none: an empty option value cannot be shipped
  if (job.artifactHttpHeaders !== undefined && Object.keys(job.artifactHttpHeaders).length > 0) {
    since119('job.artifactHttpHeaders');
    config.set(key(Options.USER_ARTIFACTS_HTTP_HEADERS), encodeMap(job.artifactHttpHeaders), explicit('job.artifactHttpHeaders'));
  }
  if (job.allowRawHttp !== undefined) {
    since119('job.allowRawHttp');
    config.set(key(Options.USER_ARTIFACTS_RAW_HTTP), String(job.allowRawHttp), explicit('job.allowRawHttp'));
  }

  if (job.entryClass !== undefined) {
    if (!JAVA_CLASS_NAME.test(job.entryClass)) {
      throw new Error(`'job.entryClass' is '${job.entryClass}': expected a Java class name such as 'com.example.StreamingJob' (nested classes as 'com.example.Outer$Inner'), without spaces`);
    }
    if (native) config.set(key(Options.APPLICATION_MAIN), job.entryClass, explicit('job.entryClass'));
  }

  const pythonFlag = job.args?.find(a => ['-py', '--python', '-pym', '--pyModule'].includes(a));
  if (pythonFlag !== undefined) {
    throw new Error(`'job.args' contains '${pythonFlag}', which makes Flink run the application as a PyFlink job (PackagedProgramUtils.isPython); PyFlink applications are not supported yet, rename the argument of your Java job`);
  }
  if (!native) {
    job.args?.forEach((arg, i) => {
      // standalone-job.sh sizes the JVM first, passing every argument to BashJavaUtils, whose FlinkConfigLoader
      // keeps each -D token whatever precedes it, `--` included (derived, standalone reference §6.6)
      if (arg.startsWith('-D')) {
        throw new Error(`'job.args[${i}]' is ${JSON.stringify(arg)}: standalone-job.sh reads every -D argument as a Flink option when it sizes the JobManager's memory (BashJavaUtils, FlinkConfigLoader.filterCmdArgs), even after '--', and a bare '-D' stops the JobManager; pass it another way (e.g. '--define', or a -D-free form), or use mode: DeploymentMode.NATIVE`);
      }
    });
  }
  if (native && job.args !== undefined && job.args.length > 0) {
    if (!standardYaml) {
      job.args.forEach((arg, i) => {
        if (/[#\r\n]/.test(arg)) {
          throw new Error(`'job.args[${i}]' is ${JSON.stringify(arg)}: Flink ${version.minorVersion} reads flink-conf.yaml line by line and cuts values at '#', so an argument cannot hold '#' or a line break; pass it another way (e.g. a file or an environment variable), or use Flink 2.x`);
        }
      });
    }
    config.set(key(Options.APPLICATION_ARGS), encodeStringList(job.args, standardYaml), explicit('job.args'));
  }

  if (job.parallelism !== undefined) {
    if (!Number.isInteger(job.parallelism) || job.parallelism < 1) {
      throw new Error(`'job.parallelism' is ${job.parallelism}: the parallelism must be a whole number of at least 1; set e.g. 1 or 4, or leave it out for the default`);
    }
    if (job.parallelism > MAX_PARALLELISM) {
      throw new Error(`'job.parallelism' is ${job.parallelism}: Flink schedules no operator above ${MAX_PARALLELISM} parallel instances ("Setting parallelism is not in valid bounds (1..${MAX_PARALLELISM})", DefaultVertexParallelismInfo, KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM), so the job would fail at submission; set at most ${MAX_PARALLELISM}`);
    }
    config.set(key(Options.PARALLELISM), String(job.parallelism), explicit('job.parallelism'));
  }

  const savepoint = job.savepoint;
  if (savepoint !== undefined) {
    if (savepoint.path.trim() === '') {
      throw new Error('\'job.savepoint.path\' is empty: give the savepoint\'s directory, e.g. \'s3://bucket/savepoints/savepoint-1a2b3c\'');
    }
    const problem = savepointPathProblem(savepoint.path);
    if (problem !== undefined) throw new Error(`'job.savepoint.path' is '${savepoint.path}': ${problem}`);
    if (!native && (savepoint.claimMode ?? RecoveryClaimMode.NO_CLAIM) !== RecoveryClaimMode.NO_CLAIM) {
      throw new Error(`'job.savepoint.claimMode' is ${savepoint.claimMode}, but the standalone entrypoint always restores in NO_CLAIM mode (its command line has no claim-mode option, and SavepointRestoreSettings.toConfiguration overwrites the option); remove it, or use mode: DeploymentMode.NATIVE`);
    }
    if (native) {
      config.set(key(Options.SAVEPOINT_PATH), savepoint.path, explicit('job.savepoint.path'));
      if (savepoint.allowNonRestoredState !== undefined) {
        config.set(key(Options.SAVEPOINT_IGNORE_UNCLAIMED), String(savepoint.allowNonRestoredState), explicit('job.savepoint.allowNonRestoredState'));
      }
      if (savepoint.claimMode !== undefined) {
        config.set(key(Options.SAVEPOINT_CLAIM_MODE), savepoint.claimMode, explicit('job.savepoint.claimMode'));
      }
    }
  }

  if (job.shutdownOnFinish !== undefined) {
    if (!native && job.shutdownOnFinish) {
      throw new Error('\'job.shutdownOnFinish\' is true, but a standalone JobManager is a Deployment, which would restart the exited JobManager and run the job again; remove it (the JobManager then stays up showing the finished job), or use mode: DeploymentMode.NATIVE, where the JobManager deletes its own Deployment');
    }
    config.set(key(Options.SHUTDOWN_ON_APPLICATION_FINISH), String(job.shutdownOnFinish), explicit('job.shutdownOnFinish'));
  }
  if (job.reactiveMode === true) config.set(key(Options.SCHEDULER_MODE), 'reactive', explicit('job.reactiveMode'));
}

/**
 * Kubernetes expands `$(VAR)` in container args and reduces `$$` to `$`
 * (`third_party/forked/golang/expansion`): doubling every `$` keeps a user's text verbatim.
 */
function literal(arg: string): string {
  return arg.replace(/\$/g, '$$$$');
}

/**
 * The `standalone-job` command line (standalone reference §3.2): Flink's options first, then `--`, which
 * ends commons-cli's option parsing, so that no job argument can be taken for a Flink option (with
 * `stopAtNonOption` an argument such as `--from` would otherwise abbreviate `--fromSavepoint`).
 * `podIpArg` is the HA JobManager's `-D jobmanager.rpc.address=…`, two tokens.
 */
export function standaloneJobArgs(job: FlinkJobOptions, podIpArgs: string[]): string[] {
  const args = ['standalone-job'];
  if (job.entryClass !== undefined) args.push('--job-classname', literal(job.entryClass));
  // FLINK-28915 (1.19+, checked above): the JobManager fetches the one jar (a local:// one in place) and ships it
  // to the TaskManagers through the blob server. --jars takes any number of values, so the next token must be an
  // option or `--` (derived, commons-cli DefaultParser)
  if (job.artifact.uri !== undefined && !inUsrlib(job.artifact)) args.push('--jars', literal(job.artifact.uri));
  if (job.savepoint !== undefined) {
    args.push('--fromSavepoint', literal(job.savepoint.path));
    // CliFrontendParser reads it only together with --fromSavepoint
    if (job.savepoint.allowNonRestoredState === true) args.push('--allowNonRestoredState');
  }
  args.push(...podIpArgs);
  if (job.args !== undefined && job.args.length > 0) args.push('--', ...job.args.map(literal));
  return args;
}
