import { FlinkConfig, writeConfigYaml, writeFlinkConfYaml } from '../../src/private/config';

function config(entries: Record<string, string>): FlinkConfig {
  const c = new FlinkConfig();
  for (const [k, v] of Object.entries(entries)) c.set(k, v, { prop: `flinkConfiguration['${k}']`, explicit: true });
  return c;
}

describe('flink-conf.yaml writer (GlobalConfiguration.loadYAMLResource, legacy line parser)', () => {
  test('flat sorted key: value lines', () => {
    expect(writeFlinkConfYaml(config({ 'b.key': 'x:y,z:w', 'a.key': '6124' }))).toBe('a.key: 6124\nb.key: x:y,z:w\n');
  });

  test.each([
    ['a#b', '\'#\''],
    ['a\nb', 'line break'],
    [' a', 'leading or trailing spaces'],
    ['   ', 'empty'],
  ])('fails on the value %j, which the parser would change', (value, what) => {
    expect(() => writeFlinkConfYaml(config({ k: value }))).toThrow(what);
  });

  test('fails on a key the parser would split', () => {
    expect(() => writeFlinkConfYaml(config({ 'a: b': 'x' }))).toThrow("the key 'a: b' contains");
  });
});

describe('config.yaml writer (Flink 2.x, YamlParserUtils)', () => {
  test('flat dotted keys, strings quoted where YAML would read another type', () => {
    expect(writeConfigYaml(config({ 'blob.server.port': '6124', 'x.flag': 'true', 'a.b': 'plain', 'c.d': 'has # hash' })))
      .toBe('a.b: plain\nblob.server.port: \'6124\'\nc.d: \'has # hash\'\nx.flag: \'true\'\n');
  });

  test('fails on a key that is a prefix of another, even with keys sorted between them', () => {
    expect(() => writeConfigYaml(config({ 'a': '1', 'a-b': '2', 'a.c': '3' })))
      .toThrow("flinkConfiguration['a.c'] and flinkConfiguration['a']: the key 'a' is a prefix of 'a.c'");
  });
});

describe('FlinkConfig provenance', () => {
  test('an explicit value set twice is an error naming both props', () => {
    const c = new FlinkConfig();
    c.set('k', '1', { prop: 'taskManager.taskSlots', explicit: true });
    expect(() => c.set('k', '2', { prop: "flinkConfiguration['k']", explicit: true }))
      .toThrow("flinkConfiguration['k'] sets the Flink option 'k', which taskManager.taskSlots already sets; set it in one place only");
  });

  test('an explicit value replaces a default; put keeps the provenance', () => {
    const c = new FlinkConfig();
    c.set('k', 'default');
    c.set('k', 'mine', { prop: 'p', explicit: true });
    c.put('k', 'fixed');
    expect(c.entry('k')).toStrictEqual({ key: 'k', value: 'fixed', origin: { prop: 'p', explicit: true } });
    expect(c.isExplicit('k')).toBe(true);
  });
});
