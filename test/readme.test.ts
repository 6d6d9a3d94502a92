import * as fs from 'fs';
import * as path from 'path';
import { chart, shippedConfig, synth } from './util';
import { expectedBlock, readmeBlock } from '../scripts/readme-example';
import { FlinkApplicationCluster, FlinkVersion, JobArtifact } from '../src';

test('README shows the YAML its smallest session cluster really produces (npx ts-node scripts/readme-example.ts --write)', () => {
  expect(readmeBlock('smallest-yaml')).toBe(expectedBlock('smallest-yaml'));
});

test('README\'s pod-template rules table is generated from the rules data (npx ts-node scripts/readme-example.ts --write)', () => {
  expect(readmeBlock('pod-template-rules')).toBe(expectedBlock('pod-template-rules'));
});

test('README\'s application-mode excerpt is what the usrlib example ships', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const after = readme.substring(readme.indexOf('ships, besides the session cluster\'s keys'));
  const excerpt = after.substring(after.indexOf('```yaml\n') + 8, after.indexOf('```\n', after.indexOf('```yaml\n') + 8));
  const c = chart('default');
  new FlinkApplicationCluster(c, 'application', {
    version: FlinkVersion.V1_20,
    clusterId: 'my-first-application-cluster',
    image: 'custom-image-name',
    job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/my-flink-job.jar') },
  });
  const conf = shippedConfig(synth(c), 'my-first-application-cluster');
  const lines = excerpt.trim().split('\n');
  expect(lines.length).toBeGreaterThan(5);
  for (const line of lines) {
    const at = line.indexOf(': ');
    expect([line.substring(0, at), conf[line.substring(0, at)]]).toStrictEqual([line.substring(0, at), line.substring(at + 2)]);
  }
});
