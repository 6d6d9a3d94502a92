import * as fs from 'fs';
import * as path from 'path';
import { chart, shippedConfig, synth } from './util';
import { firstSentence, propsSections, shorten } from '../scripts/props-table';
import { expectedBlock, readmeBlock } from '../scripts/readme-example';
import { FlinkApplicationCluster, FlinkVersion, JobArtifact } from '../src';
import { SCHEMAS } from '../src/private/prop-schemas';

test('README shows the YAML its smallest session cluster really produces (npx ts-node scripts/readme-example.ts --write)', () => {
  expect(readmeBlock('smallest-yaml')).toBe(expectedBlock('smallest-yaml'));
});

test('README\'s pod-template rules table is generated from the rules data (npx ts-node scripts/readme-example.ts --write)', () => {
  expect(readmeBlock('pod-template-rules')).toBe(expectedBlock('pod-template-rules'));
});

test('README\'s props table is generated from the TypeScript sources (npx ts-node scripts/readme-example.ts --write)', () => {
  expect(readmeBlock('props')).toBe(expectedBlock('props'));
});

describe('the props table', () => {
  const sections = propsSections();
  const rows = sections.flatMap(s => s.rows);
  const unique = (keys: string[]) => [...new Set(keys)];

  // two independent readings of the API: the compiler's (the table) and the runtime schemas (held to the jsii
  // assembly by test/prop-types.test.ts); neither may miss a prop the other has
  test('lists every prop of every struct of the runtime schemas, and no other', () => {
    const inTable = new Set(rows.map(r => `${r.declaredIn}.${r.name}`));
    const inSchemas = new Set(Object.entries(SCHEMAS.structs).flatMap(([struct, schema]) => Object.keys(schema.props).map(p => `${struct}.${p}`)));
    expect([...inSchemas].filter(k => !inTable.has(k))).toStrictEqual([]);
    expect([...inTable].filter(k => !inSchemas.has(k))).toStrictEqual([]);
    const structsInTable = new Set([
      ...sections.flatMap(s => [s.interfaceName, ...(s.extendedBy ?? [])]),
      ...rows.map(r => r.declaredIn),
    ]);
    expect(Object.keys(SCHEMAS.structs).filter(s => !structsInTable.has(s))).toStrictEqual([]);
    expect([...structsInTable].filter(s => !(s in SCHEMAS.structs))).toStrictEqual([]);
  });

  test('every prop has a JSDoc description, every optional prop a @default and no required one a @default', () => {
    expect(unique(rows.filter(r => !r.description).map(r => `${r.declaredIn}.${r.name}`))).toStrictEqual([]);
    expect(unique(rows.filter(r => !r.required && !r.defaultValue).map(r => `${r.declaredIn}.${r.name}`))).toStrictEqual([]);
    expect(unique(rows.filter(r => r.required && r.defaultValue !== undefined).map(r => `${r.declaredIn}.${r.name}`))).toStrictEqual([]);
  });

  test('nested structs are dotted paths, arrays of structs []; application-only props in their own table', () => {
    const paths = (name: string) => sections.find(s => s.interfaceName === name)!.rows.map(r => r.path);
    expect(paths('FlinkClusterProps')).toEqual(expect.arrayContaining(['taskManager.memory', 'jobManager.disruptionBudget.maxUnavailable', 'secrets[].mountPath']));
    expect(paths('FlinkClusterProps')).not.toContain('job');
    expect(paths('FlinkApplicationClusterProps')).toEqual(expect.arrayContaining(['job', 'job.savepoint.path']));
    expect(paths('FlinkApplicationClusterProps')).not.toContain('version');
    expect(sections.find(s => s.interfaceName === 'FlinkClusterProps')!.extendedBy).toStrictEqual(['FlinkSessionClusterProps', 'FlinkApplicationClusterProps']);
  });

  test('a description is its first sentence, cut at a word outside code', () => {
    expect(firstSentence('The port, e.g. `9249`. More text.')).toBe('The port, e.g. `9249`.');
    expect(firstSentence('Flink 1.17+ only. More.')).toBe('Flink 1.17+ only.');
    expect(firstSentence('Uses `a. b` inside code. More.')).toBe('Uses `a. b` inside code.');
    expect(shorten('a `b c d` e', 7)).toBe('a…');
    expect(shorten('short', 7)).toBe('short');
  });
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
