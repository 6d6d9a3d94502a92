import { checkMetadata, dnsSubdomainProblem, MetadataKind } from './kubernetes-syntax';

/**
 * Routing Flink's REST endpoint (web UI and REST API) through an Ingress: the checks of the user's host and
 * path, and, as data per controller, what path routing needs.
 *
 * Why path routing needs more than a path: Flink's web dashboard is built with `--base-href ./`
 * (flink-runtime-web/web-dashboard/package.json, `npm run build`), fetches the REST API at `BASE_URL = '.'`
 * (`ConfigService`) and routes with `useHash: true` (`AppRoutingModule`): every URL it loads is relative to
 * the page. The JobManager serves it at `/`, so the controller must strip the prefix, and the browser must be
 * at `<prefix>/`: at `<prefix>` (no trailing slash) `./` resolves to the parent path, and the page stays blank.
 */

/** `Prefix` or `ImplementationSpecific` (`networking.k8s.io/v1` `HTTPIngressPath.pathType`). */
export type PathType = 'Prefix' | 'ImplementationSpecific';

/** One rule of an Ingress: its path, and how the controller matches it. */
export interface IngressRoute {
  readonly path: string;
  readonly pathType: PathType;
}

/** A Traefik `Middleware` (`traefik.io/v1alpha1`): its name suffix and its spec. */
export interface MiddlewarePlan {
  readonly suffix: string;
  readonly spec: Record<string, unknown>;
}

/** The objects path routing of one controller needs, besides the Ingress to the REST Service. */
export interface PathRoutingPlan {
  /** The UI Ingress's rule. */
  readonly route: IngressRoute;
  /** The UI Ingress's annotations: the prefix stripping. */
  readonly annotations: Record<string, string>;
  /** ingress-nginx: a second Ingress (annotations are per Ingress) that redirects `<prefix>` to `<prefix>/`. */
  readonly redirect?: { readonly suffix: string; readonly route: IngressRoute; readonly annotations: Record<string, string> };
  /** Traefik: the Middlewares the UI Ingress's router runs, in this order. */
  readonly middlewares?: MiddlewarePlan[];
}

/** Where the objects go: the UI Ingress's name and namespace (Traefik references Middlewares by both). */
export interface IngressNames {
  readonly name: string;
  readonly namespace: string;
}

const NGINX = 'nginx.ingress.kubernetes.io';

/** Per controller (by `IngressController.name`): how to serve the UI under a prefix; absent: it cannot. */
export const PATH_ROUTING: Record<string, ((prefix: string, names: IngressNames) => PathRoutingPlan) | undefined> = {
  // ingress-nginx (internal/ingress/annotations/rewrite, redirect): with `use-regex` or `rewrite-target` every
  // path of the host becomes a case-insensitive regex location `~* "^<path>"`, longest first
  // (controller.go sorts by length), and `rewrite "(?i)<path>" <target> break;` strips the prefix. The bare
  // prefix gets no rewrite: a second Ingress returns a permanent redirect to `<prefix>/` (a relative URL,
  // which `permanent-redirect` accepts; `relative-redirects`, 1.13+, keeps the browser's scheme and host
  // behind a TLS-terminating load balancer, and older controllers ignore it).
  'ingress-nginx': (prefix) => ({
    route: { path: `${escapeRegex(prefix)}/(.*)`, pathType: 'ImplementationSpecific' },
    annotations: { [`${NGINX}/use-regex`]: 'true', [`${NGINX}/rewrite-target`]: '/$1' },
    redirect: {
      suffix: 'redirect',
      route: { path: `${escapeRegex(prefix)}$`, pathType: 'ImplementationSpecific' },
      annotations: {
        [`${NGINX}/use-regex`]: 'true',
        [`${NGINX}/permanent-redirect`]: `${prefix}/`,
        [`${NGINX}/relative-redirects`]: 'true',
      },
    },
  }),
  // Traefik (pkg/middlewares/redirect, stripprefix; the CRD traefik.io_middlewares.yaml): the router runs a
  // RedirectRegex over the full URL `<scheme>://<host><uri>` that sends exactly `<prefix>` (and its query)
  // to the relative `<prefix>/`, then a StripPrefix. Middlewares are referenced as `<namespace>-<name>@kubernetescrd`.
  'traefik': (prefix, names) => {
    const middlewares: MiddlewarePlan[] = [
      {
        suffix: 'add-slash',
        spec: { redirectRegex: { regex: `^https?://[^/]+${escapeRegex(prefix)}(\\?.*)?$`, replacement: `${prefix}/\${1}`, permanent: true } },
      },
      { suffix: 'strip-prefix', spec: { stripPrefix: { prefixes: [prefix] } } },
    ];
    const refs = middlewares.map(m => `${names.namespace}-${names.name}-${m.suffix}@kubernetescrd`);
    return {
      route: { path: prefix, pathType: 'Prefix' },
      annotations: { 'traefik.ingress.kubernetes.io/router.middlewares': refs.join(',') },
      middlewares,
    };
  },
  'other': undefined,
};

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const IP = /^([0-9]+(\.[0-9]+){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]*)$/;
// path segments that are valid in every pathType, in ingress-nginx's strict path check
// (inspector/rules.go `validPathType`) and in a redirect URL (parser.URLIsValidRegex)
const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** Checks `host`: Kubernetes accepts a DNS name (or a wildcard one), never an IP address. */
export function checkHost(host: string): void {
  if (IP.test(host)) {
    throw new Error(`'host' is '${host}': Kubernetes does not accept an IP address as an Ingress host; use a DNS name, or leave 'host' out to match every host`);
  }
  // a DNS-1123 subdomain, as the API server checks `spec.rules[].host`, after an optional wildcard `*.`
  if (host.length > 253 || dnsSubdomainProblem(host.replace(/^\*\./, '')) !== undefined) {
    throw new Error(`'host' is '${host}': an Ingress host must be a DNS name (lowercase letters, digits, '-' and '.', at most 253 characters, optionally starting with '*.'), e.g. 'flink.example.com'`);
  }
}

/**
 * Checks `path` and returns the prefix the UI is served under, without a trailing slash; `undefined` for
 * `/` (no prefix: nothing to strip).
 */
export function checkPath(path: string): string | undefined {
  if (!path.startsWith('/')) {
    throw new Error(`'path' is '${path}': an Ingress path must start with '/'; write '/${path}'`);
  }
  const prefix = path.endsWith('/') ? path.substring(0, path.length - 1) : path;
  if (prefix === '') return undefined;
  const bad = prefix.substring(1).split('/').find(s => !SEGMENT.test(s) || s === '.' || s === '..');
  if (bad !== undefined) {
    throw new Error(`'path' is '${path}': each segment of the prefix must be letters, digits, '.', '_' or '-' (not empty, '.' or '..'), e.g. '/flink/my-cluster'; '${bad}' is not`);
  }
  return prefix;
}

/** Checks the Ingress name and the longest name derived from it (DNS-1123 subdomains). */
export function checkName(name: string, longestSuffix: string): void {
  const longest = longestSuffix ? `${name}-${longestSuffix}` : name;
  if (dnsSubdomainProblem(name) !== undefined || longest.length > 253) {
    throw new Error(`'name' is '${name}': an Ingress name must be lowercase letters, digits, '-' and '.' (a DNS-1123 subdomain), at most ${253 - (longestSuffix ? longestSuffix.length + 1 : 0)} characters here; rename it, e.g. 'flink-ui'`);
  }
}

/** Checks the IngressClass name (`ValidateIngressClassName`: a DNS-1123 subdomain). */
export function checkClassName(className: string): void {
  const problem = dnsSubdomainProblem(className);
  if (problem !== undefined) {
    throw new Error(`'className' is '${className}': an IngressClass name is ${problem}, so the API server would reject the Ingress; give the IngressClass's real name (kubectl get ingressclass), e.g. 'nginx'`);
  }
}

/** Checks the annotation keys (`ValidateAnnotations`). */
export function checkAnnotationKeys(user: Record<string, string>): void {
  checkMetadata(MetadataKind.ANNOTATIONS, user, 'the Ingress', '\'annotations\'');
}

/** Checks that the user's annotations do not set what the routing sets itself. */
export function checkAnnotations(user: Record<string, string>, ours: Record<string, string>, controller: string): void {
  for (const key of Object.keys(user)) {
    if (key in ours) {
      throw new Error(`'annotations' sets '${key}', which path routing on ${controller} sets itself ('${ours[key]}'); remove it`);
    }
  }
}
