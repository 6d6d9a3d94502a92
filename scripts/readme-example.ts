// The README's generated blocks: the smallest session cluster's YAML, the pod-template rules table and the props table.
// `test/readme.test.ts` fails when a block differs; `npx ts-node scripts/readme-example.ts --write` rewrites them.
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Yaml } from 'cdk8s';
import { FlinkSessionCluster, FlinkVersion } from '../src';
import { renderPropsTable } from './props-table';
import { renderRulesTable } from '../src/private/pod-template-rules';

const README = path.join(__dirname, '..', 'README.md');
/** The README's generated blocks: markers and what goes between them. */
const BLOCKS: Record<string, () => string> = {
  'smallest-yaml': () => smallestYaml(),
  'pod-template-rules': () => renderRulesTable(),
  'props': () => renderPropsTable(),
};

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

/** The README's text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function readmeBlock(name: string): string {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf(`<!-- ${name}:start -->\n`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < 0) throw new Error(`README.md lacks the <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  return text.substring(start + `<!-- ${name}:start -->\n`.length, end);
}

/** What the README's block `name` must hold. */
export function expectedBlock(name: string): string {
  return BLOCKS[name]();
}

if (require.main === module && process.argv.includes('--write')) {
  let text = fs.readFileSync(README, 'utf8');
  for (const [name, produce] of Object.entries(BLOCKS)) {
    const start = text.indexOf(`<!-- ${name}:start -->\n`) + `<!-- ${name}:start -->\n`.length;
    text = text.substring(0, start) + produce() + text.substring(text.indexOf(`<!-- ${name}:end -->`));
  }
  fs.writeFileSync(README, text);
}
