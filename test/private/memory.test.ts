import { FlinkConfig } from '../../src/private/config';
import { jobManagerProcessMemoryMiB, parseMemorySize, taskManagerProcessMemoryMiB } from '../../src/private/memory';

function config(entries: Record<string, string>): FlinkConfig {
  const c = new FlinkConfig();
  for (const [k, v] of Object.entries(entries)) c.set(k, v, { prop: `flinkConfiguration['${k}']`, explicit: true });
  return c;
}

// Expected values are outputs of Flink's own JobManagerProcessUtils / TaskExecutorProcessUtils (1.20.4, 2.2.1).
describe('JobManager total process memory (JobManagerProcessUtils, ProcessMemoryUtils)', () => {
  test.each([
    [{ 'jobmanager.memory.process.size': '1600m' }, 1600],
    [{ 'jobmanager.memory.flink.size': '1280m' }, 1728],
    [{ 'jobmanager.memory.heap.size': '1024m' }, 1600],
    [{ 'jobmanager.memory.flink.size': '2g' }, 2560],
    [{ 'jobmanager.memory.heap.size': '1024m', 'jobmanager.memory.process.size': '2g' }, 2048],
    [{ 'jobmanager.memory.process.size': '577m' }, 577],
    // the overhead fraction is a Java float, the product truncated: 771, where doubles would give 772
    [{ 'jobmanager.memory.flink.size': '323m', 'jobmanager.memory.jvm-overhead.fraction': '0.25' }, 771],
  ])('%j → %d MiB', (entries, mib) => {
    expect(jobManagerProcessMemoryMiB(config(entries))).toBe(mib);
  });

  test('fails when the Flink memory and the process size imply an overhead out of range', () => {
    expect(() => jobManagerProcessMemoryMiB(config({ 'jobmanager.memory.flink.size': '1280m', 'jobmanager.memory.process.size': '1600m' })))
      .toThrow('JobManager memory configuration failed: derived JVM Overhead size (64.000mb (67108864 bytes)) is not in the JVM Overhead range');
  });

  test('fails when the heap exceeds the Flink memory', () => {
    expect(() => jobManagerProcessMemoryMiB(config({ 'jobmanager.memory.heap.size': '2g', 'jobmanager.memory.flink.size': '1g' })))
      .toThrow('the JVM Heap Memory (2.000gb (2147483648 bytes)) exceeds the Total Flink Memory (1024.000mb (1073741824 bytes))');
  });

  test('fails when nothing sizes the JobManager', () => {
    expect(() => jobManagerProcessMemoryMiB(config({})))
      .toThrow("JobManager memory configuration failed: none of 'jobmanager.memory.heap.size', 'jobmanager.memory.flink.size' or 'jobmanager.memory.process.size' is configured");
  });

  test('fails on an inconsistent overhead range', () => {
    expect(() => jobManagerProcessMemoryMiB(config({ 'jobmanager.memory.process.size': '1g', 'jobmanager.memory.jvm-overhead.fraction': '1' })))
      .toThrow("inconsistently configured 'jobmanager.memory.jvm-overhead.fraction' (1)");
  });
});

describe('TaskManager total process memory (TaskExecutorProcessUtils)', () => {
  test.each([
    [{ 'taskmanager.memory.process.size': '1728m' }, 1728],
    [{ 'taskmanager.memory.process.size': '982m' }, 982],
    [{ 'taskmanager.memory.flink.size': '534m' }, 982],
    [{ 'taskmanager.memory.task.heap.size': '0', 'taskmanager.memory.managed.size': '0' }, 768],
  ])('%j → %d MiB', (entries, mib) => {
    expect(taskManagerProcessMemoryMiB(config(entries), 120)).toBe(mib);
  });

  test('fails when nothing is left for the task heap', () => {
    expect(() => taskManagerProcessMemoryMiB(config({ 'taskmanager.memory.flink.size': '533m' }), 120))
      .toThrow('TaskManager memory configuration failed: framework');
  });

  test('fails when explicit task heap and managed memory exceed the Flink memory', () => {
    expect(() => taskManagerProcessMemoryMiB(config({ 'taskmanager.memory.flink.size': '1g', 'taskmanager.memory.task.heap.size': '1g', 'taskmanager.memory.managed.size': '1g' }), 120))
      .toThrow('exceed the Total Flink Memory (1024.000mb (1073741824 bytes))');
  });
});

describe('MemorySize.parse', () => {
  test.each([
    ['1600m', 1600 * 1024 * 1024],
    ['1600 mb', 1600 * 1024 * 1024],
    ['2G', 2 * 1024 ** 3],
    ['1024', 1024],
    [' 1 kibibytes ', 1024],
  ])('%j is %d bytes', (text, bytes) => {
    expect(parseMemorySize(text)).toBe(BigInt(bytes));
  });

  test.each([
    ['1Gi', "memory size unit 'gi' is not one of Flink's"],
    ['1.5g', "memory size unit '.5g' is not one of Flink's"],
    ['-1m', 'a memory size starts with a number'],
    ['', 'a memory size must not be empty'],
  ])('rejects %j', (text, message) => {
    expect(() => parseMemorySize(text)).toThrow(message);
  });
});
