import { encodeList, encodeListOfMaps, encodeMap, escapeWithSingleQuote, parseList, parseListOfMaps, parseMap, splitEscaped } from '../../src/private/encoding';

// Cases from the Javadoc and tests of flink-core StructuredOptionsSplitter (splitEscaped, escapeWithSingleQuote)
describe('StructuredOptionsSplitter', () => {
  test.each([
    ['A;B;C', ['A', 'B', 'C']],
    ['\'A;B\';C', ['A;B', 'C']],
    ['"AB\'D";B;C', ['AB\'D', 'B', 'C']],
    ['"AB\'""D;B";C', ['AB\'"D;B', 'C']],
    ['A;;B', ['A', '', 'B']],
    ['  A ; B ', ['A', 'B']],
    ['A;', ['A']],
  ])('splitEscaped(%j, ";") is %j', (input, expected) => {
    expect(splitEscaped(input, ';')).toStrictEqual(expected);
  });

  test('unclosed and illegal quoting are errors', () => {
    expect(() => splitEscaped('\'A;B', ';')).toThrow('quoting was not closed properly');
    expect(() => splitEscaped('\'A\'B;C', ';')).toThrow('illegal quoting at position 2');
  });

  test.each([
    ['A,B,C,D', 'A,B,C,D'],
    ['A\'B\'C\'D', '\'A\'\'B\'\'C\'\'D\''],
    ['A;BCD', '\'A;BCD\''],
    ['AB"C"D', '\'AB"C"D\''],
    ['AB\'"D:B', '\'AB\'\'"D:B\''],
  ])('escapeWithSingleQuote(%j, ";") is %j', (input, expected) => {
    expect(escapeWithSingleQuote(input, ';')).toBe(expected);
  });
});

describe('Flink\'s map and list encodings (reference §2.3, §2.4)', () => {
  test('maps round-trip, quoting keys and values with ":" and pairs with ","', () => {
    const map = { 'app.kubernetes.io/name': 'flink', 'url': 'http://x:8080', 'list': 'a,b' };
    const encoded = encodeMap(map);
    expect(encoded).toBe('app.kubernetes.io/name:flink,\'url:\'\'http://x:8080\'\'\',\'list:a,b\'');
    expect(parseMap(encoded, false)).toStrictEqual(map);
    expect(parseMap(encoded, true)).toStrictEqual(map);
  });

  test('values Flink\'s tokenizer would trim or drop are quoted, and round-trip (found by the fuzzer)', () => {
    // splitEscaped trims unquoted text and keeps no empty last split: ' x' would arrive as 'x', and 'k:' is no pair
    const map = { 'note': ' spaced ', 'empty': '', ' k': 'v' };
    expect(encodeMap(map)).toBe('\'note:\'\' spaced \'\'\',\'empty:\'\'\'\'\',\'\'\' k\'\':v\'');
    for (const standardYaml of [false, true]) expect(parseMap(encodeMap(map), standardYaml)).toStrictEqual(map);
    expect(parseList(encodeList([' a', '', 'b ']), false)).toStrictEqual([' a', '', 'b ']);
  });

  test('lists round-trip, quoting items with ";"', () => {
    expect(encodeList(['a', 'b;c'])).toBe('a;\'b;c\'');
    expect(parseList('a;\'b;c\'', false)).toStrictEqual(['a', 'b;c']);
  });

  test('the tolerations example of the docs', () => {
    const value = 'key:key1,operator:Equal,value:value1,effect:NoSchedule;key:key2,operator:Exists,effect:NoExecute,tolerationSeconds:6000';
    expect(parseListOfMaps(value, false)).toStrictEqual([
      { key: 'key1', operator: 'Equal', value: 'value1', effect: 'NoSchedule' },
      { key: 'key2', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: '6000' },
    ]);
    expect(encodeListOfMaps(parseListOfMaps(value, false))).toBe(value);
  });

  test('from 1.19 a YAML flow map or list is read as one (ConfigurationUtils.convertToProperties with standardYaml)', () => {
    expect(parseMap('{a: b, c: 1}', true)).toStrictEqual({ a: 'b', c: '1' });
    expect(parseList('[x, y]', true)).toStrictEqual(['x', 'y']);
    expect(parseListOfMaps('[{key: k, operator: Exists}]', true)).toStrictEqual([{ key: 'k', operator: 'Exists' }]);
  });

  test('before 1.19 the same string is split the legacy way', () => {
    expect(parseMap('{a: b, c: 1}', false)).toStrictEqual({ '{a': 'b', 'c': '1}' });
  });

  test('duplicate map keys are an error, as in Flink\'s Collectors.toMap', () => {
    expect(() => parseMap('a:1,a:2', false)).toThrow('duplicate map key \'a\'');
  });
});
