import { ApiObject, ApiObjectProps, Chart, Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { FlinkClusterProps } from './cluster-options';
import { DeploymentMode } from './deployment-mode';
import { FlinkVersion } from './flink-version';
import { brand } from './private/brand';
import { checkCredentials } from './private/credentials';
import { claimObjectNames } from './private/object-names';
import { commonLabels, jobManagerSelector, taskManagerSelector } from './private/pod';
import { checkArg, checkArgs } from './private/prop-schemas';
import { jobManagerRules, taskManagerRules } from './private/rbac-rules';
import { renderNative } from './private/render/native';
import { renderOperations } from './private/render/operations';
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
  /** With `podMonitor`: the PodMonitor `<clusterId>`. */
  public readonly podMonitor?: ApiObject;
  /** With `jobManager.disruptionBudget`: the PodDisruptionBudget `<clusterId>-jobmanager`. */
  public readonly jobManagerDisruptionBudget?: ApiObject;
  /** With `taskManager.disruptionBudget`: the PodDisruptionBudget `<clusterId>-taskmanager`. */
  public readonly taskManagerDisruptionBudget?: ApiObject;
  /**
   * The port of the Prometheus reporter (`metrics.reporter.<name>.port`), which every JobManager and
   * TaskManager main container declares as `metrics`; undefined without a Prometheus reporter or with host
   * networking.
   */
  public readonly metricsPort?: number;
  /** The JobManager pods' ingress NetworkPolicy `<clusterId>-jobmanager`, unless `networkPolicy` turns it off. */
  public readonly jobManagerNetworkPolicy?: ApiObject;
  /** The TaskManager pods' ingress NetworkPolicy `<clusterId>-taskmanager`, unless `networkPolicy` turns it off. */
  public readonly taskManagerNetworkPolicy?: ApiObject;
  /**
   * The RBAC created for the cluster's own service accounts (none for service accounts you bring, and none
   * in standalone mode without Kubernetes high availability, whose pods never call the API).
   */
  public readonly rbac?: RbacBinding;

  private readonly resolved: ResolvedCluster;
  private restBackend?: kplus.IngressBackend;

  protected constructor(scope: Construct, id: string, props: FlinkClusterProps, target: FlinkDeploymentTarget) {
    // every prop's type first, on entry, before anything reads them
    checkArg('FlinkCluster.constructor', 3, target, 'FlinkCluster');
    checkArgs(target === FlinkDeploymentTarget.SESSION ? 'FlinkSessionCluster.constructor' : 'FlinkApplicationCluster.constructor', [scope, id, props]);
    super(scope, id);
    brand(this, 'FlinkCluster');
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
    // the last gate, once the props are known to be valid otherwise: no credential in plain text
    checkCredentials(props);
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
    this.jobManagerNetworkPolicy = object('JobManagerNetworkPolicy', objects.jobManagerNetworkPolicy);
    this.taskManagerNetworkPolicy = object('TaskManagerNetworkPolicy', objects.taskManagerNetworkPolicy);
    this.restServiceName = this.restService.name;
    this.configMapName = this.configMap.name;
    this.restUrl = `http://${this.restServiceName}.${this.namespace}:${this.restPort}`;

    this.jobManagerServiceAccountName = r.jobManager.serviceAccount;
    this.taskManagerServiceAccountName = r.taskManager.serviceAccount;
    this.metricsPort = r.metricsPort;
    const operations = renderOperations(r);
    object('JobManagerServiceAccount', operations.jobManagerServiceAccount);
    object('TaskManagerServiceAccount', operations.taskManagerServiceAccount);
    // names are claimed before the RbacBinding claims its Roles, so a repeated cluster id is reported on its Deployment
    const clash = 'give one of the clusters another \'clusterId\' (or \'namespace\')';
    claimObjectNames(this, this.node.children.filter((c): c is ApiObject => c instanceof ApiObject), clash);
    const needsRights = this.jobManagerPolicyRules.length > 0 || this.taskManagerPolicyRules.length > 0;
    if ((r.createJobManagerServiceAccount || r.createTaskManagerServiceAccount) && needsRights) {
      this.rbac = new RbacBinding(this, 'Rbac', {
        cluster: this,
        bindJobManager: r.createJobManagerServiceAccount,
        bindTaskManager: r.createTaskManagerServiceAccount,
      });
    }
    this.podMonitor = object('PodMonitor', operations.podMonitor);
    this.jobManagerDisruptionBudget = object('JobManagerDisruptionBudget', operations.jobManagerDisruptionBudget);
    this.taskManagerDisruptionBudget = object('TaskManagerDisruptionBudget', operations.taskManagerDisruptionBudget);
    claimObjectNames(this, [this.podMonitor, this.jobManagerDisruptionBudget, this.taskManagerDisruptionBudget].filter(o => o !== undefined), clash);
  }

  /**
   * The labels that select every pod of this cluster, JobManagers and TaskManagers: `type` (Flink's for
   * native clusters, the Flink Kubernetes operator's for standalone ones) and `app: <clusterId>`
   * (`KubernetesUtils.getCommonLabels`), e.g. for a PodMonitor's `selector.matchLabels`.
   */
  public get podSelectorLabels(): { [key: string]: string } {
    return commonLabels(this);
  }

  /**
   * The labels that select exactly the JobManager pods (`KubernetesUtils.getJobManagerSelectors`): the
   * selector of the JobManager Deployment and its Services, e.g. for a PodDisruptionBudget.
   */
  public get jobManagerPodSelectorLabels(): { [key: string]: string } {
    return jobManagerSelector(this);
  }

  /**
   * The labels that select exactly the TaskManager pods (`KubernetesUtils.getTaskManagerSelectors`): those
   * the JobManager gives native TaskManager pods, and the standalone TaskManager workload's selector.
   */
  public get taskManagerPodSelectorLabels(): { [key: string]: string } {
    return taskManagerSelector(this);
  }

  /**
   * Every pod of this cluster in its namespace, as cdk8s-plus selects pods: a `NetworkPolicy`'s `selector`
   * or a rule's `peer` (created on first use).
   */
  public get pods(): kplus.Pods {
    return this.podsRef('Pods', commonLabels(this));
  }

  /** The JobManager pods in the cluster's namespace, as cdk8s-plus selects pods (created on first use). */
  public get jobManagerPods(): kplus.Pods {
    return this.podsRef('JobManagerPods', jobManagerSelector(this));
  }

  /** The TaskManager pods in the cluster's namespace, as cdk8s-plus selects pods (created on first use). */
  public get taskManagerPods(): kplus.Pods {
    return this.podsRef('TaskManagerPods', taskManagerSelector(this));
  }

  /**
   * An application cluster's job as its rollout needs it.
   *
   * @internal
   */
  protected get _lifecycle(): ResolvedCluster['lifecycle'] {
    return this.resolved.lifecycle;
  }

  /**
   * Who the NetworkPolicies let reach the REST port, for an Ingress in front of it; undefined without policies.
   *
   * @internal
   */
  public get _restNetworkPolicy(): { readonly restPeers?: unknown[]; readonly restPeersGiven: boolean } | undefined {
    return this.resolved.networkPolicy;
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

  /**
   * The REST Service `<clusterId>-rest`, port `rest.port`, as a cdk8s-plus Ingress backend: for a
   * `kplus.Ingress` in the cluster's namespace, e.g. `ingress.addHostRule('flink.example.com', '/',
   * cluster.restIngressBackend)`. `FlinkIngress` builds the whole Ingress, including path routing.
   */
  public get restIngressBackend(): kplus.IngressBackend {
    if (this.restBackend === undefined) {
      // IngressBackend.fromService takes a kplus.Service, and cdk8s-plus-28 cannot reference an existing
      // Service by name: describe the REST Service with one, then take it out of the tree so that the chart
      // still has one Service `<clusterId>-rest`
      const ref = new kplus.Service(this, 'RestServiceRef', {
        metadata: { name: this.restServiceName, namespace: this.namespace },
        ports: [{ name: 'rest', port: this.restPort }],
      });
      this.node.tryRemoveChild(ref.node.id);
      this.restBackend = kplus.IngressBackend.fromService(ref, { port: this.restPort });
    }
    return this.restBackend;
  }

  // references are constructs: made only when asked for, as most charts never ask (the synth benchmark counts them)
  private serviceAccountRef(id: string, name: string): kplus.IServiceAccount {
    return (this.node.tryFindChild(id) as kplus.IServiceAccount | undefined) ?? kplus.ServiceAccount.fromServiceAccountName(this, id, name);
  }

  // with the namespace, so that a peer in another namespace's policy selects these pods, not its own namespace's
  private podsRef(id: string, labels: Record<string, string>): kplus.Pods {
    const namespaces = (this.node.tryFindChild('PodsNamespace') as kplus.Namespaces | undefined)
      ?? kplus.Namespaces.select(this, 'PodsNamespace', { names: [this.namespace] });
    return (this.node.tryFindChild(id) as kplus.Pods | undefined) ?? kplus.Pods.select(this, id, { labels, namespaces });
  }
}
