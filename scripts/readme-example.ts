// The README's smallest session cluster and the YAML it produces. `test/readme.test.ts` fails when the
// README's YAML block differs; `npx ts-node scripts/readme-example.ts --write` rewrites that block.
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Yaml } from 'cdk8s';
import { FlinkSessionCluster, FlinkVersion } from '../src';

const README = path.join(__dirname, '..', 'README.md');
const START = '<!-- smallest-yaml:start -->\n';
const END = '<!-- smallest-yaml:end -->';

/** Exactly the code the README shows. */
export function smallestApp(): App {
  const app = new App();
  const chart = new Chart(app, 'flink', { namespace: 'analytics' });
  new FlinkSessionCluster(chart, 'session', { version: FlinkVersion.V1_20, clusterId: 'my-first-flink-cluster' });
  return app;
}

/** The synthesized YAML, with the log configuration files' bodies elided for the README. */
export function smallestYaml(): string {
  const objects = smallestApp().charts.flatMap(c => c.toJson());
  for (const o of objects) {
    if (o.kind !== 'ConfigMap') continue;
    for (const name of Object.keys(o.data)) {
      if (/^log(4j|back)/.test(name)) o.data[name] = '# … this library\'s log configuration (replace it with logConfigFiles) …\n';
    }
  }
  return '```yaml\n' + Yaml.stringify(...objects) + '```\n';
}

export function readmeYamlBlock(): string {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`README.md lacks the ${START.trim()} … ${END} markers`);
  return text.substring(start + START.length, end);
}

if (require.main === module && process.argv.includes('--write')) {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf(START) + START.length;
  fs.writeFileSync(README, text.substring(0, start) + smallestYaml() + text.substring(text.indexOf(END)));
}
