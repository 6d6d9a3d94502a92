import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chart, find, synth } from './util';
import {
  DeploymentMode, FlinkApplicationCluster, FlinkCluster, FlinkIngress, FlinkIngressProps, FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion,
  IngressController, JobArtifact, RestServiceExposedType,
} from '../src';

// The web UI and REST API through an Ingress. How Flink's dashboard builds its URLs (why path routing needs a
// rewrite and a trailing slash) is in src/private/ingress.ts: `--base-href ./`, `BASE_URL = '.'`, `useHash: true`.

const ID = 'my-cluster';
const NS = 'flink';
const NGINX = 'nginx.ingress.kubernetes.io';
/** The controller's pods, which the cluster's NetworkPolicy must admit to the REST port. */
const CONTROLLER: kplus.k8s.NetworkPolicyPeer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } };
const NETWORK_POLICY = { restPeers: [CONTROLLER] };

function cluster(c: Chart = chart(NS), props: { restPort?: string; mode?: DeploymentMode } = {}): FlinkCluster {
  return new FlinkSessionCluster(c, 'session', {
    version: FlinkVersion.V1_20,
    clusterId: ID,
    mode: props.mode,
    flinkConfiguration: props.restPort ? { 'rest.port': props.restPort } : undefined,
    networkPolicy: NETWORK_POLICY,
  });
}

function expose(props: Omit<FlinkIngressProps, 'cluster'>, c: Chart = chart(NS)) {
  const flink = cluster(c);
  const ingress = new FlinkIngress(c, 'ui', { cluster: flink, ...props });
  return { ingress, manifests: synth(c) };
}

const paths = (ingress: any) => ingress.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => ({ host: r.host, ...p })));
const ingresses = (manifests: any[]) => manifests.filter(m => m.kind === 'Ingress').map(m => m.metadata.name).sort();
const REST_BACKEND = { service: { name: `${ID}-rest`, port: { number: 8081 } } };

describe('host routing: the whole host to the REST Service (Service <clusterId>-rest, port rest.port)', () => {
  test('one rule: host, path / (Prefix), backend <clusterId>-rest:8081; no annotations', () => {
    const { manifests } = expose({ host: 'flink.example.com' });
    expect(ingresses(manifests)).toStrictEqual([ID]);
    const ingress = find(manifests, 'Ingress', ID);
    expect(paths(ingress)).toStrictEqual([{ host: 'flink.example.com', path: '/', pathType: 'Prefix', backend: REST_BACKEND }]);
    expect(ingress.metadata.annotations).toBeUndefined();
    expect(ingress.metadata.namespace).toBe(NS);
    expect(ingress.metadata.labels).toStrictEqual({ app: ID, type: 'flink-native-kubernetes' });
    expect(ingress.spec.ingressClassName).toBeUndefined();
    expect(ingress.spec.tls).toBeUndefined();
  });

  test('the backend port is rest.port (the REST Service\'s port), not a fixed 8081', () => {
    const c = chart(NS);
    const flink = cluster(c, { restPort: '8082' });
    new FlinkIngress(c, 'ui', { cluster: flink, host: 'flink.example.com' });
    const manifests = synth(c);
    expect(find(manifests, 'Service', `${ID}-rest`).spec.ports).toStrictEqual([{ name: 'rest', port: 8082, targetPort: 8082 }]);
    expect(paths(find(manifests, 'Ingress', ID))[0].backend).toStrictEqual({ service: { name: `${ID}-rest`, port: { number: 8082 } } });
  });

  test('TLS from a Secret for the host, and ingressClassName', () => {
    const c = chart(NS);
    const secret = kplus.Secret.fromSecretName(c, 'tls', 'flink-tls');
    const { manifests } = expose({ host: 'flink.example.com', tlsSecret: secret, className: 'nginx' }, c);
    const ingress = find(manifests, 'Ingress', ID);
    expect(ingress.spec.tls).toStrictEqual([{ hosts: ['flink.example.com'], secretName: 'flink-tls' }]);
    expect(ingress.spec.ingressClassName).toBe('nginx');
  });

  test('no host: every host of the controller, path / (a rule, not a default backend)', () => {
    const ingress = find(expose({}).manifests, 'Ingress', ID);
    expect(paths(ingress)).toStrictEqual([{ host: undefined, path: '/', pathType: 'Prefix', backend: REST_BACKEND }]);
    expect(ingress.spec.defaultBackend).toBeUndefined();
  });

  test('a wildcard host is a DNS name Kubernetes accepts', () => {
    expect(paths(find(expose({ host: '*.flink.example.com' }).manifests, 'Ingress', ID))[0].host).toBe('*.flink.example.com');
  });

  test('host routing needs no controller: NGINX, TRAEFIK and OTHER all give the same Ingress', () => {
    const plain = find(expose({ host: 'flink.example.com' }).manifests, 'Ingress', ID);
    for (const controller of [IngressController.NGINX, IngressController.TRAEFIK, IngressController.OTHER]) {
      const { manifests } = expose({ host: 'flink.example.com', controller });
      expect(find(manifests, 'Ingress', ID)).toStrictEqual(plain);
      expect(manifests.filter(m => m.kind === 'Middleware')).toStrictEqual([]);
    }
  });

  test('path / is host routing, with the UI at /', () => {
    const { ingress, manifests } = expose({ host: 'flink.example.com', path: '/', controller: IngressController.NGINX });
    expect(ingresses(manifests)).toStrictEqual([ID]);
    expect(ingress.uiPath).toBe('/');
  });

  test('the user\'s annotations are on the Ingress; the name can be chosen', () => {
    const { manifests } = expose({ host: 'flink.example.com', name: 'flink-ui', annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' } });
    expect(find(manifests, 'Ingress', 'flink-ui').metadata.annotations).toStrictEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
  });

  test('a chart without a namespace: the Ingress carries the cluster\'s namespace, default, explicitly', () => {
    const c = new Chart(Testing.app(), 'test');
    const ingress = find(expose({ host: 'flink.example.com' }, c).manifests, 'Ingress', ID);
    expect(ingress.metadata.namespace).toBe('default');
  });

  test('the Ingress is in the cluster\'s namespace even if created in a chart of another namespace', () => {
    const app = Testing.app();
    const flink = cluster(new Chart(app, 'flink', { namespace: NS }));
    const other = new Chart(app, 'edge', { namespace: 'edge' });
    new FlinkIngress(other, 'ui', { cluster: flink, host: 'flink.example.com' });
    expect(find(synth(other), 'Ingress', ID).metadata.namespace).toBe(NS);
  });
});

describe('exposure is opt-in and leaves the REST Service alone', () => {
  test('a cluster alone emits no Ingress', () => {
    const c = chart(NS);
    cluster(c);
    expect(ingresses(synth(c))).toStrictEqual([]);
  });

  test.each([
    ['ClusterIP', RestServiceExposedType.CLUSTER_IP],
    ['NodePort', RestServiceExposedType.NODE_PORT],
    ['Headless_ClusterIP', RestServiceExposedType.HEADLESS_CLUSTER_IP],
  ])('an Ingress changes no other object: the %s REST Service keeps its type and fields', (_, exposedType) => {
    const build = (withIngress: boolean) => {
      const c = chart(NS);
      const flink = new FlinkSessionCluster(c, 'session', {
        version: FlinkVersion.V1_20, clusterId: ID, restService: { exposedType, allowExternalAccess: true }, networkPolicy: NETWORK_POLICY,
      });
      if (withIngress) new FlinkIngress(c, 'ui', { cluster: flink, host: 'flink.example.com', path: '/flink', controller: IngressController.NGINX });
      return synth(c).filter(m => m.kind !== 'Ingress');
    };
    const without = build(false);
    expect(build(true)).toStrictEqual(without);
    expect(find(without, 'Service', `${ID}-rest`).spec.type).toBe(exposedType === RestServiceExposedType.HEADLESS_CLUSTER_IP ? 'ClusterIP' : exposedType);
  });

  test('cluster.restIngressBackend emits nothing: the chart keeps exactly one Service <clusterId>-rest', () => {
    const c = chart(NS);
    const flink = cluster(c);
    const before = synth(c);
    expect(flink.restIngressBackend).toBe(flink.restIngressBackend);
    expect(synth(c)).toStrictEqual(before);
    expect(find(before, 'Service', `${ID}-rest`)).toBeDefined();
  });
});

describe('cluster.restIngressBackend: the REST Service for a kplus.Ingress of your own', () => {
  test('kplus.Ingress.addHostRule with the backend routes to <clusterId>-rest, port rest.port', () => {
    const c = chart(NS);
    const flink = cluster(c, { restPort: '8443' });
    const ingress = new kplus.Ingress(c, 'shared', { metadata: { name: 'shared' } });
    ingress.addHostRule('flink.example.com', '/', flink.restIngressBackend);
    ingress.addHostRule('other.example.com', '/', flink.restIngressBackend);
    const manifests = synth(c);
    expect(paths(find(manifests, 'Ingress', 'shared')).map((p: any) => p.backend)).toStrictEqual([
      { service: { name: `${ID}-rest`, port: { number: 8443 } } },
      { service: { name: `${ID}-rest`, port: { number: 8443 } } },
    ]);
    expect(manifests.filter(m => m.kind === 'Service').map(m => m.metadata.name).sort()).toStrictEqual([ID, `${ID}-rest`]);
  });

  test.each([
    ['native session', (c: Chart) => cluster(c)],
    ['standalone session', (c: Chart) => cluster(c, { mode: DeploymentMode.STANDALONE })],
    ['native application, Flink 2.1', (c: Chart) => new FlinkApplicationCluster(c, 'app', {
      version: FlinkVersion.V2_1, clusterId: ID, job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar') }, networkPolicy: NETWORK_POLICY,
    })],
  ])('%s: the backend is the Service the renderer emits', (_, make) => {
    const c = chart(NS);
    const flink = make(c);
    new FlinkIngress(c, 'ui', { cluster: flink, host: 'flink.example.com' });
    const manifests = synth(c);
    const service = find(manifests, 'Service', `${ID}-rest`);
    expect(paths(find(manifests, 'Ingress', ID))[0].backend.service).toStrictEqual({ name: service.metadata.name, port: { number: service.spec.ports[0].port } });
    expect(service.spec.ports[0].name).toBe('rest');
  });
});

/** How ingress-nginx picks a location once a host has regex paths: `~* "^<path>"`, longest path first. */
function nginxRoute(manifests: any[], uri: string): { ingress: string; rewritten?: string; redirect?: string } | undefined {
  const locations = manifests.filter(m => m.kind === 'Ingress')
    .flatMap(m => paths(m).map((p: any) => ({ ingress: m, path: p.path as string })))
    .sort((a, b) => b.path.length - a.path.length);
  for (const { ingress, path } of locations) {
    const regex = new RegExp(`^${path}`, 'i');
    if (!regex.test(uri)) continue;
    const annotations = ingress.metadata.annotations ?? {};
    const redirect = annotations[`${NGINX}/permanent-redirect`];
    if (redirect) return { ingress: ingress.metadata.name, redirect };
    const target = annotations[`${NGINX}/rewrite-target`];
    // rewrite "(?i)<path>" <target> break;
    return { ingress: ingress.metadata.name, rewritten: target ? uri.replace(new RegExp(path, 'i'), target) : uri };
  }
  return undefined;
}

describe('path routing on ingress-nginx: regex path + rewrite-target, and a redirect of <prefix> to <prefix>/', () => {
  const nginx = (props: Partial<FlinkIngressProps> = {}, c?: Chart) =>
    expose({ host: 'flink.example.com', path: '/flink/my-cluster', controller: IngressController.NGINX, ...props }, c);

  test('the UI Ingress: /flink/my-cluster/(.*) (ImplementationSpecific), use-regex, rewrite-target /$1', () => {
    const ingress = find(nginx().manifests, 'Ingress', ID);
    expect(paths(ingress)).toStrictEqual([{ host: 'flink.example.com', path: '/flink/my-cluster/(.*)', pathType: 'ImplementationSpecific', backend: REST_BACKEND }]);
    expect(ingress.metadata.annotations).toStrictEqual({ [`${NGINX}/use-regex`]: 'true', [`${NGINX}/rewrite-target`]: '/$1' });
  });

  test('the redirect Ingress <name>-redirect: exactly the bare prefix, a relative permanent redirect to <prefix>/', () => {
    const ingress = find(nginx().manifests, 'Ingress', `${ID}-redirect`);
    expect(paths(ingress)).toStrictEqual([{ host: 'flink.example.com', path: '/flink/my-cluster$', pathType: 'ImplementationSpecific', backend: REST_BACKEND }]);
    expect(ingress.metadata.annotations).toStrictEqual({
      [`${NGINX}/use-regex`]: 'true',
      [`${NGINX}/permanent-redirect`]: '/flink/my-cluster/',
      [`${NGINX}/relative-redirects`]: 'true',
    });
  });

  test('what the browser gets: <prefix> redirects to <prefix>/, which reaches Flink as /, and its relative URLs stay under the prefix', () => {
    const { manifests } = nginx();
    expect(nginxRoute(manifests, '/flink/my-cluster')).toStrictEqual({ ingress: `${ID}-redirect`, redirect: '/flink/my-cluster/' });
    expect(nginxRoute(manifests, '/flink/my-cluster/')).toStrictEqual({ ingress: ID, rewritten: '/' });
    // what index.html loads with <base href="./">, and what ConfigService.BASE_URL '.' fetches
    expect(nginxRoute(manifests, '/flink/my-cluster/main.js')).toStrictEqual({ ingress: ID, rewritten: '/main.js' });
    expect(nginxRoute(manifests, '/flink/my-cluster/jobs/overview')).toStrictEqual({ ingress: ID, rewritten: '/jobs/overview' });
    expect(nginxRoute(manifests, '/flink/other')).toBeUndefined();
  });

  test('a trailing slash in path is ignored; uiPath is <prefix>/', () => {
    const a = nginx({ path: '/flink/my-cluster/' });
    expect(a.manifests).toStrictEqual(nginx().manifests);
    expect(a.ingress.uiPath).toBe('/flink/my-cluster/');
    expect(a.ingress.redirectIngress).toBeDefined();
    expect(a.ingress.middlewares).toStrictEqual([]);
  });

  test('a dot in the prefix is escaped in the regex paths, not in the redirect URL', () => {
    const { manifests } = nginx({ path: '/flink/v1.20' });
    expect(paths(find(manifests, 'Ingress', ID))[0].path).toBe('/flink/v1\\.20/(.*)');
    expect(find(manifests, 'Ingress', `${ID}-redirect`).metadata.annotations[`${NGINX}/permanent-redirect`]).toBe('/flink/v1.20/');
    expect(nginxRoute(manifests, '/flink/v1x20/')).toBeUndefined();
  });

  test('TLS, the user\'s annotations stay on the UI Ingress; className and host are on both', () => {
    const c = chart(NS);
    const tlsSecret = kplus.Secret.fromSecretName(c, 'tls', 'flink-tls');
    const { manifests } = nginx({ tlsSecret, className: 'nginx', annotations: { [`${NGINX}/auth-url`]: 'https://auth.example.com/oauth2/auth' } }, c);
    const ui = find(manifests, 'Ingress', ID);
    const redirect = find(manifests, 'Ingress', `${ID}-redirect`);
    expect(ui.spec.tls).toStrictEqual([{ hosts: ['flink.example.com'], secretName: 'flink-tls' }]);
    expect(ui.metadata.annotations[`${NGINX}/auth-url`]).toBe('https://auth.example.com/oauth2/auth');
    expect(redirect.spec.tls).toBeUndefined();
    expect(redirect.metadata.annotations[`${NGINX}/auth-url`]).toBeUndefined();
    expect([ui.spec.ingressClassName, redirect.spec.ingressClassName]).toStrictEqual(['nginx', 'nginx']);
  });

  test('without a host, both rules match every host', () => {
    const { manifests } = nginx({ host: undefined });
    expect(paths(find(manifests, 'Ingress', ID))[0].host).toBeUndefined();
    expect(paths(find(manifests, 'Ingress', `${ID}-redirect`))[0].host).toBeUndefined();
  });
});

/** Traefik's RedirectRegex over `<scheme>://<host><uri>` (Go's `${1}` is JavaScript's `$1`). */
function traefikRedirect(middleware: any, url: string): string | undefined {
  const { regex, replacement } = middleware.spec.redirectRegex;
  const re = new RegExp(regex);
  return re.test(url) ? url.replace(re, replacement.replace(/\$\{(\d+)\}/g, '$$$1')) : undefined;
}

describe('path routing on Traefik: Prefix path and two Middlewares (RedirectRegex to <prefix>/, StripPrefix)', () => {
  const traefik = (props: Partial<FlinkIngressProps> = {}) =>
    expose({ host: 'flink.example.com', path: '/flink/my-cluster', controller: IngressController.TRAEFIK, ...props });

  test('the Ingress: path /flink/my-cluster (Prefix), the router runs add-slash then strip-prefix', () => {
    const { ingress, manifests } = traefik();
    expect(ingresses(manifests)).toStrictEqual([ID]);
    const object = find(manifests, 'Ingress', ID);
    expect(paths(object)).toStrictEqual([{ host: 'flink.example.com', path: '/flink/my-cluster', pathType: 'Prefix', backend: REST_BACKEND }]);
    expect(object.metadata.annotations).toStrictEqual({
      'traefik.ingress.kubernetes.io/router.middlewares': `${NS}-${ID}-add-slash@kubernetescrd,${NS}-${ID}-strip-prefix@kubernetescrd`,
    });
    expect(ingress.redirectIngress).toBeUndefined();
    expect(ingress.middlewares.map(m => m.name)).toStrictEqual([`${ID}-add-slash`, `${ID}-strip-prefix`]);
  });

  test('the Middlewares (traefik.io/v1alpha1), in the cluster\'s namespace', () => {
    const { manifests } = traefik();
    const addSlash = find(manifests, 'Middleware', `${ID}-add-slash`);
    expect(addSlash.apiVersion).toBe('traefik.io/v1alpha1');
    expect(addSlash.metadata.namespace).toBe(NS);
    expect(addSlash.spec).toStrictEqual({
      redirectRegex: { regex: '^https?://[^/]+/flink/my-cluster(\\?.*)?$', replacement: '/flink/my-cluster/${1}', permanent: true },
    });
    expect(find(manifests, 'Middleware', `${ID}-strip-prefix`).spec).toStrictEqual({ stripPrefix: { prefixes: ['/flink/my-cluster'] } });
  });

  test('the redirect sends exactly <prefix> (and its query) to the relative <prefix>/, and nothing else', () => {
    const addSlash = find(traefik().manifests, 'Middleware', `${ID}-add-slash`);
    expect(traefikRedirect(addSlash, 'http://flink.example.com/flink/my-cluster')).toBe('/flink/my-cluster/');
    expect(traefikRedirect(addSlash, 'https://flink.example.com:8443/flink/my-cluster?x=1')).toBe('/flink/my-cluster/?x=1');
    expect(traefikRedirect(addSlash, 'http://flink.example.com/flink/my-cluster/')).toBeUndefined();
    expect(traefikRedirect(addSlash, 'http://flink.example.com/flink/my-cluster/jobs/overview')).toBeUndefined();
  });

  test('the name and namespace of the Middleware references follow name', () => {
    const { manifests } = traefik({ name: 'ui' });
    expect(find(manifests, 'Ingress', 'ui').metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares'])
      .toBe(`${NS}-ui-add-slash@kubernetescrd,${NS}-ui-strip-prefix@kubernetescrd`);
    expect(manifests.filter(m => m.kind === 'Middleware').map(m => m.metadata.name).sort()).toStrictEqual(['ui-add-slash', 'ui-strip-prefix']);
  });
});

test('the Middleware schema check is not vacuous: it rejects fields and types Traefik\'s CRD would not take', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { validateObject } = require('../scripts/k8s-schemas');
  const middleware = (spec: any) => ({ apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: 'm' }, spec });
  expect(() => validateObject(middleware({ stripPrefix: { prefixes: ['/a'] } }))).not.toThrow();
  expect(() => validateObject(middleware({ stripPrefix: { prefixes: '/a' } }))).toThrow('data/spec/stripPrefix/prefixes must be string[]');
  expect(() => validateObject(middleware({ redirectRegex: { regex: '(', replacement: '/' } }))).toThrow('data/spec/redirectRegex/regex does not compile');
  expect(() => validateObject(middleware({ redirectRegex: { regex: 'a', replacement: '/', permanent: 'yes' } }))).toThrow('data/spec/redirectRegex/permanent must be boolean');
  expect(() => validateObject(middleware({ stripPrefixes: {} }))).toThrow('data/spec/stripPrefixes is not a field we transcribed');
  expect(() => validateObject({ ...middleware(undefined), spec: undefined })).toThrow('data must have required property spec');
});

test('two synths are byte-identical', () => {
  const yaml = () => JSON.stringify(expose({ host: 'flink.example.com', path: '/flink/my-cluster', controller: IngressController.TRAEFIK }).manifests);
  expect(yaml()).toBe(yaml());
});

describe('bad input is an error naming the prop, the value and the fix', () => {
  const build = (props: Omit<FlinkIngressProps, 'cluster'>) => () => expose(props);

  test('fails on a path without a leading slash', () => {
    expect(build({ path: 'flink/ui', controller: IngressController.NGINX }))
      .toThrow("'path' is 'flink/ui': an Ingress path must start with '/'; write '/flink/ui'");
  });

  test('fails on a path with an empty, dot or dot-dot segment, or characters outside letters, digits, . _ -', () => {
    expect(build({ path: '/flink//ui', controller: IngressController.NGINX }))
      .toThrow("'path' is '/flink//ui': each segment of the prefix must be letters, digits, '.', '_' or '-' (not empty, '.' or '..'), e.g. '/flink/my-cluster'; '' is not");
    expect(build({ path: '/flink/../ui', controller: IngressController.NGINX })).toThrow("'path' is '/flink/../ui': each segment");
    expect(build({ path: '/flink/(.*)', controller: IngressController.NGINX })).toThrow("'(.*)' is not");
    expect(build({ path: '/flink ui', controller: IngressController.NGINX })).toThrow("'path' is '/flink ui'");
  });

  test('fails on a host that is not a DNS name', () => {
    expect(build({ host: 'Flink_UI' }))
      .toThrow("'host' is 'Flink_UI': an Ingress host must be a DNS name (lowercase letters, digits, '-' and '.', at most 253 characters, optionally starting with '*.'), e.g. 'flink.example.com'");
    expect(build({ host: 'flink.example.com:443' })).toThrow("'host' is 'flink.example.com:443': an Ingress host must be a DNS name");
    expect(build({ host: 'flink.example.com.' })).toThrow("'host' is 'flink.example.com.'");
    expect(build({ host: 'flink.*.example.com' })).toThrow("'host' is 'flink.*.example.com'");
    expect(build({ host: '' })).toThrow("'host' is ''");
  });

  test('fails on an IP address as host', () => {
    expect(build({ host: '10.0.0.1' }))
      .toThrow("'host' is '10.0.0.1': Kubernetes does not accept an IP address as an Ingress host; use a DNS name, or leave 'host' out to match every host");
    expect(build({ host: 'fd00::1' })).toThrow("'host' is 'fd00::1': Kubernetes does not accept an IP address");
  });

  test('fails on path routing without a controller', () => {
    expect(build({ path: '/flink/ui' })).toThrow(
      "'path' is '/flink/ui' but 'controller' is not set: Flink's web UI loads its assets and the REST API relative to its page, so the controller must strip '/flink/ui' and redirect '/flink/ui' to '/flink/ui/'; set 'controller' to IngressController.NGINX or IngressController.TRAEFIK, or route by 'host' with path '/'",
    );
  });

  test('fails on path routing with a controller that cannot rewrite (IngressController.OTHER)', () => {
    expect(build({ path: '/flink/ui', controller: IngressController.OTHER })).toThrow(
      "'path' is '/flink/ui' but 'controller' is IngressController.OTHER, which has no rewrite this library knows: Flink's web UI loads its assets and the REST API relative to its page, so the controller must strip '/flink/ui' and redirect '/flink/ui' to '/flink/ui/'; route by 'host' with path '/', or add a kplus.Ingress rule to cluster.restIngressBackend with your controller's rewrite annotations",
    );
  });

  test('fails on an annotation that path routing sets itself', () => {
    expect(build({ path: '/flink/ui', controller: IngressController.NGINX, annotations: { [`${NGINX}/rewrite-target`]: '/' } }))
      .toThrow("'annotations' sets 'nginx.ingress.kubernetes.io/rewrite-target', which path routing on IngressController.NGINX sets itself ('/$1'); remove it");
    expect(build({ path: '/flink/ui', controller: IngressController.TRAEFIK, annotations: { 'traefik.ingress.kubernetes.io/router.middlewares': 'x@kubernetescrd' } }))
      .toThrow("'annotations' sets 'traefik.ingress.kubernetes.io/router.middlewares', which path routing on IngressController.TRAEFIK sets itself");
  });

  test('fails on a name that is not a DNS-1123 subdomain, or too long for the derived names', () => {
    expect(build({ host: 'flink.example.com', name: 'Flink_UI' }))
      .toThrow("'name' is 'Flink_UI': an Ingress name must be lowercase letters, digits, '-' and '.' (a DNS-1123 subdomain), at most 253 characters here");
    const long = 'a'.repeat(245);
    expect(build({ host: 'flink.example.com', name: long })).not.toThrow();
    expect(build({ path: '/flink', controller: IngressController.TRAEFIK, name: long }))
      .toThrow(`'name' is '${long}': an Ingress name must be lowercase letters, digits, '-' and '.' (a DNS-1123 subdomain), at most 240 characters here`);
  });
});

describe('the cluster\'s NetworkPolicy must let the controller in (on by default, it admits the namespace\'s pods only)', () => {
  const build = (props: Partial<FlinkSessionClusterProps>) => () => {
    const c = chart(NS);
    const flink = new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, ...props });
    new FlinkIngress(c, 'ui', { cluster: flink, host: 'flink.example.com' });
    return synth(c);
  };

  test('fails on the default peers, naming the cluster, the policy and the fix', () => {
    expect(build({})).toThrow(`FlinkIngress 'test/ui': cluster '${ID}' lets only the pods of namespace '${NS}' reach its REST port (its NetworkPolicy ${ID}-jobmanager, by default), and an Ingress controller runs in a namespace of its own, so the UI would answer 502/504; name the controller's pods in the cluster's 'networkPolicy.restPeers', e.g. { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } } (add { podSelector: {} } to keep the namespace's pods), or set 'networkPolicy.enabled: false'`);
  });

  test('fails on an empty list, which lets no pod in', () => {
    expect(build({ networkPolicy: { restPeers: [] } })).toThrow('has \'networkPolicy.restPeers: []\', which lets no pod reach its REST port, so the Ingress controller could not either');
  });

  test.each([
    ['the controller named', { networkPolicy: { restPeers: [CONTROLLER] } }],
    ['no policies', { networkPolicy: { enabled: false } }],
    ['a LoadBalancer REST Service (every source by default)', { restService: { exposedType: RestServiceExposedType.LOAD_BALANCER, allowExternalAccess: true } }],
  ])('accepts %s', (_name, props) => {
    const manifests = build(props as Partial<FlinkSessionClusterProps>)();
    expect(find(manifests, 'Ingress', ID)).toBeDefined();
  });

  test('the controller\'s namespace reaches the REST port, and only it', () => {
    const manifests = build({ networkPolicy: { restPeers: [CONTROLLER] } })();
    const rest = find(manifests, 'NetworkPolicy', `${ID}-jobmanager`).spec.ingress.find((r: any) => r.ports.some((p: any) => p.port === 8081));
    expect(rest.from).toStrictEqual([CONTROLLER]);
  });
});

describe('found by the fuzzer', () => {
  test('two FlinkIngresses of one name in one namespace are an error: Kubernetes would keep one Ingress', () => {
    const c = chart(NS);
    const flink = cluster(c);
    new FlinkIngress(c, 'ui', { cluster: flink, host: 'flink.example.com' });
    expect(() => new FlinkIngress(c, 'api', { cluster: flink, host: 'api.example.com' })).toThrow(
      `'test/api': its Ingress '${ID}' in namespace '${NS}' has the name of an Ingress of 'test/ui'; Kubernetes keeps one object per kind, namespace and name, so one would replace the other; give one of them another 'name' (the default is the cluster id)`,
    );
    // the derived objects too: an Ingress named like another's redirect Ingress
    const d = chart(NS);
    const other = cluster(d);
    new FlinkIngress(d, 'ui', { cluster: other, path: '/flink', controller: IngressController.NGINX, name: 'ui' });
    expect(() => new FlinkIngress(d, 'ui2', { cluster: other, host: 'x.example.com', name: 'ui-redirect' })).toThrow("its Ingress 'ui-redirect' in namespace 'flink' has the name of an Ingress of 'test/ui'");
    // another name is fine
    expect(() => new FlinkIngress(c, 'api2', { cluster: flink, host: 'api.example.com', name: 'api' })).not.toThrow();
  });
});
