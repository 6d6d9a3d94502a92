import { ApiObject, ApiObjectProps, Chart, Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { FlinkClusterProps } from './cluster-options';
import { DeploymentMode } from './deployment-mode';
import { FlinkVersion } from './flink-version';
import { commonLabels } from './private/pod';
import { jobManagerRules, taskManagerRules } from './private/rbac-rules';
import { renderNative } from './private/render/native';
import { renderStandalone } from './private/render/standalone';
import { DeploymentTarget, resolveCluster, ResolvedCluster } from './private/resolve';
import { RbacBinding } from './rbac-binding';

/**
 * What a Flink cluster runs: `execution.target`, and with it the JobManager's entrypoint.
 */
export enum FlinkDeploymentTarget {
  /** A session cluster, which accepts job submissions (`kubernetes-session`). */
  SESSION = 'kubernetes-session',
  /** An application cluster, which runs one application's `main()` in the JobManager (`kubernetes-application`). */
  APPLICATION = 'kubernetes-application',
}

/**
 * A Flink cluster on Kubernetes, native or standalone, with its service accounts and least-privilege RBAC.
 *
 * Native: the objects Flink's client would create; the JobManager creates and deletes TaskManager pods
 * itself at runtime, from the configuration shipped in ConfigMap `flink-config-<clusterId>`. Standalone: the
 * JobManager and the TaskManagers are ordinary workloads reading that ConfigMap.
 */
export abstract class FlinkCluster extends Construct {
  /** Native or standalone. */
  public readonly mode: DeploymentMode;
  /** The cluster id (`kubernetes.cluster-id`), also the JobManager Deployment's name. */
  public readonly clusterId: string;
  /** The namespace of every object, and `kubernetes.namespace`. */
  public readonly namespace: string;
  /** The Flink version. */
  public readonly version: FlinkVersion;
  /** Session or application. */
  public readonly deploymentTarget: FlinkDeploymentTarget;
  /** The image the JobManager and the TaskManagers run. */
  public readonly image: string;
  /** The name of the REST Service (`<clusterId>-rest`): web UI and REST API. */
  public readonly restServiceName: string;
  /** The REST Service's port (`rest.port`). */
  public readonly restPort: number;
  /** The REST endpoint inside the Kubernetes cluster, `http://<clusterId>-rest.<namespace>:<rest.port>`. */
  public readonly restUrl: string;
  /** The name of the ConfigMap holding Flink's configuration (`flink-config-<clusterId>`). */
  public readonly configMapName: string;
  /** Whether high availability is on (`high-availability.type`). */
  public readonly highAvailability: boolean;
  /** Whether the cluster is suspended: JobManagers (and standalone TaskManagers) at zero replicas. */
  public readonly suspended: boolean;
  /** The name of the service account the JobManager runs as. */
  public readonly jobManagerServiceAccountName: string;
  /** The name of the service account TaskManager pods run as. */
  public readonly taskManagerServiceAccountName: string;
  /** The JobManager Deployment, e.g. for `addJsonPatch`. */
  public readonly deployment: ApiObject;
  /** The REST Service. */
  public readonly restService: ApiObject;
  /** The ConfigMap holding Flink's configuration and log configuration. */
  public readonly configMap: ApiObject;
  /** The ConfigMap `pod-template-<clusterId>` holding the TaskManager pod template, if there is one. */
  public readonly podTemplateConfigMap?: ApiObject;
  /** The headless internal Service `<clusterId>` (only without high availability). */
  public readonly internalService?: ApiObject;
  /**
   * Standalone mode: the TaskManagers' workload `<clusterId>-taskmanager`, a Deployment, or a StatefulSet
   * with local recovery.
   */
  public readonly taskManagerWorkload?: ApiObject;
  /** Standalone mode with local recovery: the TaskManager StatefulSet's headless Service. */
  public readonly taskManagerService?: ApiObject;
  /** Standalone mode with `taskManager.autoscaling`: the TaskManagers' HorizontalPodAutoscaler. */
  public readonly taskManagerAutoscaler?: ApiObject;
  /**
   * The RBAC created for the cluster's own service accounts (none for service accounts you bring, and none
   * in standalone mode without Kubernetes high availability, whose pods never call the API).
   */
  public readonly rbac?: RbacBinding;

  private readonly resolved: ResolvedCluster;

  protected constructor(scope: Construct, id: string, props: FlinkClusterProps, target: FlinkDeploymentTarget) {
    super(scope, id);
    this.resolved = resolveCluster(props, {
      target: target === FlinkDeploymentTarget.SESSION ? DeploymentTarget.SESSION : DeploymentTarget.APPLICATION,
      // computed only when no cluster id is given
      defaultClusterId: () => Names.toDnsLabel(this, { maxLen: 45 }),
      chartNamespace: Chart.of(this).namespace,
    });
    const r = this.resolved;
    this.mode = r.mode;
    this.clusterId = r.clusterId;
    this.namespace = r.namespace;
    this.version = r.version;
    this.deploymentTarget = target;
    this.image = r.image;
    this.highAvailability = r.highAvailability;
    this.suspended = r.suspended;
    this.restPort = r.restPort;

    const objects = r.mode === DeploymentMode.STANDALONE ? renderStandalone(r) : renderNative(r);
    // plain ApiObjects: the manifests are complete JSON, and fields of user pod templates that the typed
    // L1 classes do not know must survive verbatim
    const object = (childId: string, json: object | undefined) =>
      (json === undefined ? undefined : new ApiObject(this, childId, json as ApiObjectProps));
    this.deployment = object('Deployment', objects.jobManager)!;
    this.internalService = object('InternalService', objects.internalService);
    this.restService = object('RestService', objects.restService)!;
    this.configMap = object('ConfigMap', objects.configMap)!;
    this.podTemplateConfigMap = object('PodTemplateConfigMap', objects.podTemplateConfigMap);
    this.taskManagerWorkload = object('TaskManager', objects.taskManager);
    this.taskManagerService = object('TaskManagerService', objects.taskManagerService);
    this.taskManagerAutoscaler = object('TaskManagerAutoscaler', objects.taskManagerAutoscaler);
    this.restServiceName = this.restService.name;
    this.configMapName = this.configMap.name;
    this.restUrl = `http://${this.restServiceName}.${this.namespace}:${this.restPort}`;

    this.jobManagerServiceAccountName = r.jobManager.serviceAccount;
    this.taskManagerServiceAccountName = r.taskManager.serviceAccount;
    // a native JobManager calls the API always; standalone pods only for Kubernetes HA, TaskManagers only
    // for its leader retrieval: no token otherwise
    const jobManagerToken = r.mode === DeploymentMode.NATIVE || r.kubernetesHighAvailability;
    if (r.createJobManagerServiceAccount) this.createServiceAccount('JobManagerServiceAccount', r.jobManager.serviceAccount, jobManagerToken);
    if (r.createTaskManagerServiceAccount) this.createServiceAccount('TaskManagerServiceAccount', r.taskManager.serviceAccount, r.kubernetesHighAvailability);
    const needsRights = this.jobManagerPolicyRules.length > 0 || this.taskManagerPolicyRules.length > 0;
    if ((r.createJobManagerServiceAccount || r.createTaskManagerServiceAccount) && needsRights) {
      this.rbac = new RbacBinding(this, 'Rbac', {
        cluster: this,
        bindJobManager: r.createJobManagerServiceAccount,
        bindTaskManager: r.createTaskManagerServiceAccount,
      });
    }
  }

  /**
   * An application cluster's job as its rollout needs it.
   *
   * @internal
   */
  protected get _lifecycle(): ResolvedCluster['lifecycle'] {
    return this.resolved.lifecycle;
  }

  /** The namespaced API rights the JobManager needs with this cluster's options (reference §6.4). */
  public get jobManagerPolicyRules(): kplus.k8s.PolicyRule[] {
    return jobManagerRules(this.resolved);
  }

  /** The namespaced API rights TaskManagers need with this cluster's options: none without Kubernetes HA. */
  public get taskManagerPolicyRules(): kplus.k8s.PolicyRule[] {
    return taskManagerRules(this.resolved);
  }

  /** The service account the JobManager runs as, for composition (created on first use). */
  public get jobManagerServiceAccount(): kplus.IServiceAccount {
    return this.serviceAccountRef('JobManagerServiceAccountRef', this.jobManagerServiceAccountName);
  }

  /** The service account TaskManager pods run as, for composition (created on first use). */
  public get taskManagerServiceAccount(): kplus.IServiceAccount {
    return this.serviceAccountRef('TaskManagerServiceAccountRef', this.taskManagerServiceAccountName);
  }

  // references are constructs: made only when asked for, as most charts never ask (the synth benchmark counts them)
  private serviceAccountRef(id: string, name: string): kplus.IServiceAccount {
    return (this.node.tryFindChild(id) as kplus.IServiceAccount | undefined) ?? kplus.ServiceAccount.fromServiceAccountName(this, id, name);
  }

  private createServiceAccount(id: string, name: string, automountToken: boolean): void {
    // a plain object: cdk8s-plus' ServiceAccount adds constructs and work per cluster that a fixed manifest
    // does not need
    new ApiObject(this, id, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, namespace: this.namespace, labels: commonLabels(this) },
      automountServiceAccountToken: automountToken,
    } as ApiObjectProps);
  }
}
