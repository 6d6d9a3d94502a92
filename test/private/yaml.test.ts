import { parse, stringify } from 'yaml';
import { sortedYaml, YAML_OPTIONS } from '../../src/private/yaml';

// sortedYaml is a faster writer for what `yaml`'s stringify writes with its options; it must never differ.
// The options' schema is YAML 1.1's (which Flink 1.16/1.17's fabric8 5.12 loader follows) with YAML 1.2's
// core tags added: a string is written plain only if neither version reads it as anything but that string
// (checked below by parsing every document back with both).
const OPTIONS = YAML_OPTIONS;

function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

// strings YAML reads as something else, or must quote, escape or write as a block
const TRICKY = [
  '', ' ', 'a b', ' leading', 'trailing ', 'true', 'False', 'null', '~', 'yes', 'on', '1', '-1', '0x1F', '1e3', '.5',
  '0o17', '.inf', '-.Inf', '.nan', '- item', '-', '?', '? x', ':', 'a: b', 'a:b', 'a #b', '#c', '&anchor', '*alias',
  '!tag', '|', '>', '\'', '"', 'it\'s', 'say "hi"', '{a}', '[a]', 'a,b', '%TAG', '---', '--- x', '...', 'a\nb',
  'line\n', '\ttab', 'tab\t', 'back\\slash', 'é ünïcode', 'emoji 🚀', '\u0007bell', 'a\rb', '@at', '`tick',
  'x'.repeat(120), 'word '.repeat(30), `"${'y'.repeat(90)}"`, 'k'.repeat(1030),
  '/opt/flink/usrlib/job.jar', 'local:///opt/flink/job.jar', 'https://repo.example.com/a?b=c&d=e', '500m', '1Gi',
  // what YAML 1.1 alone reads otherwise: booleans, octal, binary, underscores, sexagesimal, timestamps
  'y', 'Y', 'n', 'No', 'NO', 'On', 'OFF', 'off', 'YES', '010', '0b101', '1_000', '1_0.5', '1:30', '190:20:30.15', '2001-12-14',
  '2001-12-14t21:59:43.10-05:00', '<<', '=',
];

function value(r: () => number, depth: number): unknown {
  const pick = r();
  if (depth > 0 && pick < 0.25) return map(r, depth - 1);
  if (depth > 0 && pick < 0.45) return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth - 1));
  if (pick < 0.55) return Math.floor(r() * 70000) - 100;
  if (pick < 0.6) return r() * 10;
  if (pick < 0.65) return r() < 0.5;
  if (pick < 0.68) return null;
  if (pick < 0.7) return {};
  return TRICKY[Math.floor(r() * TRICKY.length)];
}

function map(r: () => number, depth: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const size = Math.floor(r() * 5);
  for (let i = 0; i < size; i++) {
    const key = r() < 0.7 ? `key${Math.floor(r() * 30)}` : TRICKY[Math.floor(r() * TRICKY.length)];
    result[key] = r() < 0.05 ? undefined : value(r, depth);
  }
  return result;
}

test.each(Array.from({ length: 300 }, (_, i) => i + 1))('random document #%d: the same text as the yaml library, and YAML 1.1 and 1.2 parse it back alike', seed => {
  const r = random(seed);
  const doc = { apiVersion: 'v1', kind: 'Pod', ...map(r, 4) };
  const text = sortedYaml(doc);
  expect(text).toBe(stringify(doc, OPTIONS));
  const json = JSON.parse(JSON.stringify(doc));
  expect(parse(text)).toStrictEqual(json);
  expect(parse(text, { version: '1.1' })).toStrictEqual(json);
});

test('strings YAML 1.1 reads otherwise are quoted (fabric8 5.12\'s SnakeYAML resolver, Flink 1.16/1.17), and so are YAML 1.2\'s', () => {
  const values = ['yes', 'on', 'Off', 'n', '010', '1_000', '1:30', '2001-12-14', '0o17', '1e3', 'true', 'null', '<<', 'plain'];
  expect(sortedYaml({ v: values })).toBe([
    'v:',
    '  - "yes"',
    '  - "on"',
    '  - "Off"',
    '  - "n"',
    '  - "010"',
    '  - "1_000"',
    '  - "1:30"',
    '  - "2001-12-14"',
    '  - "0o17"',
    '  - "1e3"',
    '  - "true"',
    '  - "null"',
    '  - "<<"',
    '  - plain',
    '',
  ].join('\n'));
});

test('a pod template: sequences of maps, nested sequences, empty collections', () => {
  const pod = {
    spec: {
      containers: [{ name: 'flink-main-container', args: ['-c', 'x'], env: [], resources: {} }],
      volumes: [[1, [2]], { a: [] }],
    },
    metadata: { labels: { 'app.kubernetes.io/name': 'x' } },
  };
  const text = sortedYaml(pod);
  expect(text).toBe(stringify(pod, OPTIONS));
  expect(text).toBe([
    'metadata:',
    '  labels:',
    '    app.kubernetes.io/name: x',
    'spec:',
    '  containers:',
    '    - args:',
    '        - -c',
    '        - x',
    '      env: []',
    '      name: flink-main-container',
    '      resources: {}',
    '  volumes:',
    '    - - 1',
    '      - - 2',
    '    - a: []',
    '',
  ].join('\n'));
});

test('an empty document is the library\'s', () => {
  expect(sortedYaml({})).toBe(stringify({}, OPTIONS));
});
