import { App, Chart, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { FlinkSessionCluster, FlinkVersion } from '../src';

const versions: Record<string, FlinkVersion> = { '1.16': FlinkVersion.V1_16, '1.18': FlinkVersion.V1_18, '1.20': FlinkVersion.V1_20, '2.1': FlinkVersion.V2_1, '2.2': FlinkVersion.V2_2 };
const which = process.argv[2] ?? '1.20';
const extra = process.argv[3] ? JSON.parse(process.argv[3]) : {};
const app = new App();
const chart = new Chart(app, 'c', { namespace: 'flink' });
try {
  new FlinkSessionCluster(chart, 's', { version: versions[which] ?? FlinkVersion.of(which), clusterId: 'my-cluster', ...extra });
  const out = Testing.synth(chart);
  for (const m of out) {
    if (m.kind === 'ConfigMap') { for (const k of Object.keys(m.data)) if (!k.endsWith('yaml')) m.data[k] = '<' + m.data[k].length + ' chars>'; }
    console.log('---\n' + YAML.stringify(m, { lineWidth: 0 }));
  }
} catch (e) { console.log('ERROR: ' + (e as Error).message); }
