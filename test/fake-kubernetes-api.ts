import * as http from 'http';
import { AddressInfo } from 'net';

/**
 * A fake Kubernetes API server on loopback, enough for the job-upgrade init container: ConfigMaps (get, create,
 * update, JSON merge patch, delete) and pods (list by label selector, delete) in one namespace, answering as the
 * API server does — 404/409 `Status` objects, and JSON pretty-printed exactly when `isPrettyPrint` would
 * (k8s.io/apiserver: `?pretty`, else a user agent starting with `curl`, `Wget` or `Mozilla/5.0`), or always.
 */

export interface RecordedRequest {
  readonly method: string;
  /** the decoded path, with the query */
  readonly path: string;
  readonly contentType?: string;
  readonly userAgent?: string;
  readonly authorization?: string;
  readonly body: string;
}

interface ConfigMap {
  metadata: { name: string; namespace: string; labels?: Record<string, string>; annotations?: Record<string, string>; resourceVersion?: string };
  data?: Record<string, string | null>;
}

interface Pod {
  metadata: { name: string; namespace: string; labels: Record<string, string> };
}

export class FakeKubernetesApi {
  public readonly requests: RecordedRequest[] = [];
  public readonly configMaps = new Map<string, ConfigMap>();
  public readonly pods = new Map<string, Pod>();
  /** answer every request with this status and a Status body, e.g. 403 */
  public failWith?: number;
  private server?: http.Server;
  private port = 0;
  private version = 1;

  constructor(private readonly namespace: string, private readonly alwaysPretty = false) {}

  /** the address, also after `stop()` (a restart takes the same port) */
  public get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  public start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => this.handle(req, body, res));
    });
    return new Promise(resolve => this.server!.listen(this.port, '127.0.0.1', () => {
      this.port = (this.server!.address() as AddressInfo).port;
      resolve();
    }));
  }

  public stop(): Promise<void> {
    return new Promise(resolve => this.server!.close(() => resolve()));
  }

  public putConfigMap(name: string, data: Record<string, string>, labels?: Record<string, string>): void {
    this.configMaps.set(name, {
      metadata: {
        name,
        namespace: this.namespace,
        labels,
        // what Flink's leader election leaves on its ConfigMap: JSON inside a string
        annotations: { 'control-plane.alpha.kubernetes.io/leader': '{"holderIdentity":"a,b","leaseDuration":15.0,"acquireTime":"x","renewTime":"y","leaderTransitions":0}' },
        resourceVersion: String(this.version++),
      },
      data,
    });
  }

  public putPod(name: string, labels: Record<string, string>): void {
    this.pods.set(name, { metadata: { name, namespace: this.namespace, labels } });
  }

  private handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const url = new URL(req.url!, 'http://localhost');
    this.requests.push({
      method: req.method!,
      path: decodeURIComponent(url.pathname) + (url.search ? decodeURIComponent(url.search) : ''),
      contentType: req.headers['content-type'],
      userAgent: req.headers['user-agent'],
      authorization: req.headers.authorization,
      body,
    });
    const pretty = this.alwaysPretty || prettyPrint(url, req.headers['user-agent'] ?? '');
    const send = (code: number, obj: object) => {
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(pretty ? JSON.stringify(obj, null, 2) : JSON.stringify(obj));
    };
    const status = (code: number, reason: string) => send(code, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, code });
    if (this.failWith !== undefined) return status(this.failWith, 'Forbidden');

    const prefix = `/api/v1/namespaces/${this.namespace}/`;
    if (!url.pathname.startsWith(prefix)) return status(404, 'NotFound');
    const [resource, name] = url.pathname.substring(prefix.length).split('/');
    if (resource === 'configmaps') return this.configMap(req.method!, name, body, req.headers['content-type'], send, status);
    if (resource === 'pods') return this.pod(req.method!, name, url.searchParams.get('labelSelector') ?? '', send, status);
    return status(404, 'NotFound');
  }

  private configMap(method: string, name: string | undefined, body: string, contentType: string | undefined,
    send: (code: number, obj: object) => void, status: (code: number, reason: string) => void): void {
    const existing = name ? this.configMaps.get(name) : undefined;
    if (method === 'GET' && name) return existing ? send(200, this.rendered(existing)) : status(404, 'NotFound');
    if (method === 'POST' && !name) {
      const cm = JSON.parse(body) as ConfigMap;
      if (this.configMaps.has(cm.metadata.name)) return status(409, 'AlreadyExists');
      cm.metadata.resourceVersion = String(this.version++);
      this.configMaps.set(cm.metadata.name, cm);
      return send(201, this.rendered(cm));
    }
    if (!name || !existing) return status(404, 'NotFound');
    if (method === 'PUT') {
      const cm = JSON.parse(body) as ConfigMap;
      if (cm.metadata.name !== name) return status(400, 'BadRequest');
      cm.metadata.resourceVersion = String(this.version++);
      this.configMaps.set(name, cm);
      return send(200, this.rendered(cm));
    }
    if (method === 'PATCH') {
      if (contentType !== 'application/merge-patch+json') return status(415, 'UnsupportedMediaType');
      const patch = JSON.parse(body) as ConfigMap;
      const data = { ...existing.data };
      for (const [k, v] of Object.entries(patch.data ?? {})) {
        if (v === null) delete data[k];
        else data[k] = v;
      }
      existing.data = data;
      existing.metadata.resourceVersion = String(this.version++);
      return send(200, this.rendered(existing));
    }
    if (method === 'DELETE') {
      this.configMaps.delete(name);
      return send(200, { kind: 'Status', apiVersion: 'v1', status: 'Success' });
    }
    return status(405, 'MethodNotAllowed');
  }

  private pod(method: string, name: string | undefined, selector: string,
    send: (code: number, obj: object) => void, status: (code: number, reason: string) => void): void {
    if (method === 'GET' && !name) {
      const items = [...this.pods.values()].filter(p => matches(selector, p.metadata.labels)).map(p => ({
        ...p,
        // what else a TaskManager pod carries named "name": its owner, containers, volumes, env
        metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'owner' }] },
        spec: {
          containers: [{ name: 'flink-main-container', env: [{ name: '_POD_NODE_ID', value: 'n' }] }],
          volumes: [{ name: 'flink-config-volume', configMap: { name: 'flink-config-x' } }],
        },
      }));
      return send(200, { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: String(this.version) }, items });
    }
    if (method === 'DELETE' && name) {
      if (!this.pods.delete(name)) return status(404, 'NotFound');
      return send(200, { kind: 'Pod', apiVersion: 'v1', metadata: { name } });
    }
    return status(405, 'MethodNotAllowed');
  }

  /** A ConfigMap as the API server returns it, with the managed fields that name every data key once more. */
  private rendered(cm: ConfigMap): object {
    const fields: Record<string, object> = {};
    for (const k of Object.keys(cm.data ?? {})) fields[`f:${k}`] = {};
    return {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { ...cm.metadata, managedFields: [{ manager: 'test', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, ...fields } } }] },
      data: cm.data,
    };
  }
}

/** `isPrettyPrint` of k8s.io/apiserver's responsewriters. */
function prettyPrint(url: URL, userAgent: string): boolean {
  const pretty = url.searchParams.get('pretty');
  if (pretty) return pretty === 'true' || pretty === '1';
  return userAgent.startsWith('curl') || userAgent.startsWith('Wget') || userAgent.startsWith('Mozilla/5.0');
}

/** Equality-based label selectors: `k=v` and `k!=v` (which also matches objects without `k`). */
function matches(selector: string, labels: Record<string, string>): boolean {
  return selector.split(',').filter(t => t !== '').every(term => {
    const ne = term.indexOf('!=');
    if (ne >= 0) return labels[term.substring(0, ne)] !== term.substring(ne + 2);
    const eq = term.indexOf('=');
    return labels[term.substring(0, eq)] === term.substring(eq + 1);
  });
}
