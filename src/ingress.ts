import { ApiObject, ApiObjectProps } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { FlinkCluster } from './cluster';
import { brand } from './private/brand';
import { checkAnnotationKeys, checkAnnotations, checkClassName, checkHost, checkName, checkPath, IngressRoute, PATH_ROUTING, PathRoutingPlan } from './private/ingress';
import { claimObjectNames } from './private/object-names';
import { commonLabels } from './private/pod';
import { checkArgs, constructPath } from './private/prop-schemas';

/**
 * The Ingress controller that serves a `FlinkIngress`: it decides how the web UI is served under a path prefix
 * (which annotations, which extra objects). Host routing works on every controller.
 */
export class IngressController {
  /**
   * ingress-nginx (`kubernetes/ingress-nginx`): path routing through a regex path with
   * `nginx.ingress.kubernetes.io/rewrite-target`, and a second Ingress that redirects `<prefix>` to `<prefix>/`.
   *
   * @see https://kubernetes.github.io/ingress-nginx/examples/rewrite/
   */
  public static readonly NGINX = new IngressController('ingress-nginx', 'IngressController.NGINX');

  /**
   * Traefik 2.10+ and 3.x with its Kubernetes CRD provider: path routing through two `traefik.io/v1alpha1`
   * Middlewares (a RedirectRegex from `<prefix>` to `<prefix>/`, then a StripPrefix) on the Ingress's router.
   *
   * @see https://doc.traefik.io/traefik/middlewares/http/stripprefix/
   */
  public static readonly TRAEFIK = new IngressController('traefik', 'IngressController.TRAEFIK');

  /**
   * Any other controller (HAProxy, AWS Load Balancer Controller, GKE, …): host routing only, as path routing
   * needs a rewrite this library does not know for it. For path routing there, add a `kplus.Ingress` rule to
   * `cluster.restIngressBackend` with your controller's rewrite annotations.
   */
  public static readonly OTHER = new IngressController('other', 'IngressController.OTHER');

  /** The controller's name, e.g. `ingress-nginx`. */
  public readonly name: string;

  private constructor(name: string, private readonly displayName: string) {
    brand(this, 'IngressController');
    this.name = name;
  }

  /** The controller as written in code, e.g. `IngressController.NGINX`. */
  public toString(): string {
    return this.displayName;
  }
}

/**
 * Props of a `FlinkIngress`.
 */
export interface FlinkIngressProps {
  /** The cluster whose web UI and REST API the Ingress routes to: its REST Service `<clusterId>-rest`, port `rest.port`. */
  readonly cluster: FlinkCluster;

  /**
   * The host the UI is served at, e.g. `flink.example.com` (`spec.rules[].host`; a wildcard `*.example.com` is
   * allowed, an IP address is not).
   *
   * @default - every host the controller serves
   */
  readonly host?: string;

  /**
   * The path prefix the UI is served under, e.g. `/flink/my-cluster` (a trailing slash is ignored). Flink's
   * UI loads everything relative to its page, so the controller strips the prefix and redirects `<prefix>` to
   * `<prefix>/`; that needs `controller` to be `IngressController.NGINX` or `IngressController.TRAEFIK`.
   *
   * @default '/' - the UI at the root of the host, no rewrite
   */
  readonly path?: string;

  /**
   * The controller serving the Ingress; it decides how a `path` prefix is stripped.
   *
   * @default - none: host routing only (`path` must be `/`)
   */
  readonly controller?: IngressController;

  /**
   * The IngressClass (`spec.ingressClassName`), e.g. `nginx` or `traefik`.
   *
   * @default - the cluster's default IngressClass
   */
  readonly className?: string;

  /**
   * A TLS Secret (`kubernetes.io/tls`) in the cluster's namespace, for `host` (`spec.tls`).
   *
   * @default - no TLS section: plain HTTP, unless the controller has a default certificate
   */
  readonly tlsSecret?: kplus.ISecret;

  /**
   * More annotations of the Ingress, e.g. authentication or `cert-manager.io/cluster-issuer`. Keys that path
   * routing sets itself are an error.
   *
   * @default - only the annotations path routing needs
   */
  readonly annotations?: { [key: string]: string };

  /**
   * The Ingress's name, and the prefix of the extra objects of path routing (`<name>-redirect` on
   * ingress-nginx, `<name>-add-slash` and `<name>-strip-prefix` on Traefik).
   *
   * @default - the cluster id
   */
  readonly name?: string;
}

/**
 * Routes Flink's web UI and REST API through an Ingress to the cluster's REST Service, by host
 * (`flink.example.com` → `/`) or by path prefix (`/flink/my-cluster/` → `/`, with the rewrite and the
 * trailing-slash redirect the UI needs on the chosen controller).
 *
 * Opt-in: nothing is exposed unless you create one, and the REST Service keeps its type. The REST API runs
 * any job submitted to it: put authentication in front (`annotations`), or limit who reaches the controller.
 */
export class FlinkIngress extends Construct {
  /** The Ingress to the REST Service, e.g. to add hosts (`addHostRule`) or TLS (`addTls`). */
  public readonly ingress: kplus.Ingress;
  /** ingress-nginx path routing: the Ingress `<name>-redirect` that redirects `<prefix>` to `<prefix>/`. */
  public readonly redirectIngress?: kplus.Ingress;
  /** Traefik path routing: the Middlewares `<name>-add-slash` and `<name>-strip-prefix`. */
  public readonly middlewares: ApiObject[];
  /** The path the web UI is at, with its trailing slash: `/` or `<prefix>/`. */
  public readonly uiPath: string;

  constructor(scope: Construct, id: string, props: FlinkIngressProps) {
    checkArgs('FlinkIngress.constructor', [scope, id, props], constructPath('FlinkIngress', scope, id));
    super(scope, id);
    const cluster = props.cluster;
    if (props.host !== undefined) checkHost(props.host);
    const prefix = props.path === undefined ? undefined : checkPath(props.path);
    const name = props.name ?? cluster.clusterId;
    const namespace = cluster.namespace;
    const plan = prefix === undefined ? undefined : pathRouting(prefix, props.controller, { name, namespace });
    checkName(name, longestSuffix(plan));
    if (props.className !== undefined) checkClassName(props.className);
    const annotations = props.annotations ?? {};
    checkAnnotationKeys(annotations);
    if (plan) checkAnnotations(annotations, plan.annotations, `${props.controller}`);

    checkControllerReachesRest(cluster, constructPath('FlinkIngress', scope, id)());

    const backend = cluster.restIngressBackend;
    const labels = commonLabels(cluster);
    const ingress = (childId: string, ingressName: string, route: IngressRoute, ingressAnnotations: Record<string, string>, tls: boolean) =>
      new kplus.Ingress(this, childId, {
        metadata: { name: ingressName, namespace, labels, annotations: nonEmpty(ingressAnnotations) },
        className: props.className,
        rules: [{ host: props.host, path: route.path, pathType: PATH_TYPES[route.pathType], backend }],
        tls: tls && props.tlsSecret ? [{ hosts: props.host ? [props.host] : undefined, secret: props.tlsSecret }] : undefined,
      });

    this.ingress = ingress('Ingress', name, plan?.route ?? { path: '/', pathType: 'Prefix' }, { ...annotations, ...plan?.annotations }, true);
    // the redirect serves no content: the user's annotations (authentication, cert-manager) and the TLS
    // section stay on the UI Ingress, whose certificate ingress-nginx serves for the whole host
    const redirect = plan?.redirect;
    this.redirectIngress = redirect && ingress('RedirectIngress', `${name}-${redirect.suffix}`, redirect.route, redirect.annotations, false);
    this.middlewares = (plan?.middlewares ?? []).map(m => new ApiObject(this, m.suffix, {
      apiVersion: 'traefik.io/v1alpha1',
      kind: 'Middleware',
      metadata: { name: `${name}-${m.suffix}`, namespace, labels },
      spec: m.spec,
    } as ApiObjectProps));
    this.uiPath = `${prefix ?? ''}/`;
    // two Ingresses (or Middlewares) of one name in one namespace are one object to Kubernetes
    claimObjectNames(this, [ApiObject.of(this.ingress), ...(this.redirectIngress ? [ApiObject.of(this.redirectIngress)] : []), ...this.middlewares],
      'give one of them another \'name\' (the default is the cluster id)');
  }
}

/**
 * The controller's pods must pass the cluster's NetworkPolicy to reach the REST port: by default it admits the
 * pods of the cluster's namespace only, and controllers run in their own (ingress-nginx, kube-system for k3s'
 * Traefik), so the Ingress would answer 502/504. Which namespace is the user's to say.
 */
function checkControllerReachesRest(cluster: FlinkCluster, where: string): void {
  const policy = cluster._restNetworkPolicy;
  if (policy === undefined || policy.restPeers === undefined) return;
  const example = '{ namespaceSelector: { matchLabels: { \'kubernetes.io/metadata.name\': \'ingress-nginx\' } } }';
  if (policy.restPeers.length === 0) {
    throw new Error(`${where}: cluster '${cluster.clusterId}' has 'networkPolicy.restPeers: []', which lets no pod reach its REST port, so the Ingress controller could not either and the UI would answer 502/504; name the controller's pods in 'networkPolicy.restPeers', e.g. ${example}`);
  }
  if (!policy.restPeersGiven) {
    throw new Error(`${where}: cluster '${cluster.clusterId}' lets only the pods of namespace '${cluster.namespace}' reach its REST port (its NetworkPolicy ${cluster.clusterId}-jobmanager, by default), and an Ingress controller runs in a namespace of its own, so the UI would answer 502/504; name the controller's pods in the cluster's 'networkPolicy.restPeers', e.g. ${example} (add { podSelector: {} } to keep the namespace's pods), or set 'networkPolicy.enabled: false'`);
  }
}

const PATH_TYPES: Record<IngressRoute['pathType'], kplus.HttpIngressPathType> = {
  Prefix: kplus.HttpIngressPathType.PREFIX,
  ImplementationSpecific: kplus.HttpIngressPathType.IMPLEMENTATION_SPECIFIC,
};

function pathRouting(prefix: string, controller: IngressController | undefined, names: { name: string; namespace: string }): PathRoutingPlan {
  const why = `Flink's web UI loads its assets and the REST API relative to its page, so the controller must strip '${prefix}' and redirect '${prefix}' to '${prefix}/'`;
  if (controller === undefined) {
    throw new Error(`'path' is '${prefix}' but 'controller' is not set: ${why}; set 'controller' to IngressController.NGINX or IngressController.TRAEFIK, or route by 'host' with path '/'`);
  }
  const make = PATH_ROUTING[controller.name];
  if (make === undefined) {
    throw new Error(`'path' is '${prefix}' but 'controller' is ${controller}, which has no rewrite this library knows: ${why}; route by 'host' with path '/', or add a kplus.Ingress rule to cluster.restIngressBackend with your controller's rewrite annotations`);
  }
  return make(prefix, names);
}

function longestSuffix(plan: PathRoutingPlan | undefined): string {
  const suffixes = [...(plan?.redirect ? [plan.redirect.suffix] : []), ...(plan?.middlewares ?? []).map(m => m.suffix)];
  return suffixes.reduce((a, b) => (b.length > a.length ? b : a), '');
}

function nonEmpty(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length > 0 ? map : undefined;
}
