import { FlinkConfig } from './config';

/**
 * Flink's memory model for the JobManager and TaskManager processes, byte for byte.
 *
 * The JobManager container's memory is the JobManager's total process memory as
 * `AbstractContainerizedClusterClientFactory.getClusterSpecification` computes it with
 * `JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap` (1.x) or
 * `processSpecFromConfig` (2.x, FLINK-33750), through `ProcessMemoryUtils`/`JobManagerFlinkMemoryUtils`.
 * TaskManager sizes go through the same rules as `TaskExecutorProcessUtils.processSpecFromConfig` and
 * `TaskExecutorFlinkMemoryUtils`, so what Flink would reject when the JobManager starts a TaskManager is an
 * error at synth time. All sizes are bigint bytes (Java longs); fractions are Java floats; products are
 * truncated as `MemorySize.multiply` truncates its BigDecimal. The deprecated heap keys are rejected by the
 * option table, so their 1.x mapping is not modelled.
 */

const KiB = BigInt(1024);
const MiB = KiB * KiB;
const GiB = MiB * KiB;
const TiB = GiB * KiB;
/** `Long.MAX_VALUE` */
const LONG_MAX = BigInt('9223372036854775807');
const ZERO = BigInt(0);

const UNITS: Array<[string[], bigint]> = [
  [['b', 'bytes'], BigInt(1)],
  [['k', 'kb', 'kibibytes'], KiB],
  [['m', 'mb', 'mebibytes'], MiB],
  [['g', 'gb', 'gibibytes'], GiB],
  [['t', 'tb', 'tebibytes'], TiB],
];

/** Java's `String.trim()`: strips characters up to U+0020. */
function javaTrim(s: string): string {
  return s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** `MemorySize.parseBytes`: digits, then an optional binary unit; bytes without one. */
export function parseMemorySize(text: string): bigint {
  const trimmed = javaTrim(text);
  const match = /^(\d*)(.*)$/s.exec(trimmed)!;
  if (trimmed === '') throw new Error('a memory size must not be empty');
  if (match[1] === '') throw new Error('a memory size starts with a number, e.g. \'1600m\'');
  const unit = javaTrim(match[2]).toLowerCase();
  const multiplier = unit === '' ? BigInt(1) : UNITS.find(([names]) => names.includes(unit))?.[1];
  if (multiplier === undefined) {
    throw new Error(`memory size unit '${unit}' is not one of Flink's: b, k, m, g, t (also kb, mb, gb …); Kubernetes units such as Mi are not accepted: write e.g. '1600m' or '2g'`);
  }
  const bytes = BigInt(match[1]) * multiplier;
  if (bytes > LONG_MAX) throw new Error('the memory size does not fit in 64 bits; give a smaller size, e.g. \'4g\'');
  return bytes;
}

/** `MemorySize.toHumanReadableString`, as Flink's messages print sizes. */
function human(bytes: bigint): string {
  let unit: [string, bigint] | undefined;
  for (const [names, mult] of UNITS) if (bytes > mult) unit = [names[1], mult];
  if (unit === undefined || unit[1] === BigInt(1)) return `${bytes} bytes`;
  return `${(Number(bytes) / Number(unit[1])).toFixed(3)}${unit[0]} (${bytes} bytes)`;
}

/** `MemorySize.multiply(double)`: the decimal digits of the double, truncated. */
function multiply(bytes: bigint, factor: number): bigint {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(factor))!;
  const fraction = m[2] ?? '';
  const digits = BigInt(m[1] + fraction);
  const scale = fraction.length - Number(m[3] ?? 0);
  return scale >= 0 ? (bytes * digits) / BigInt(10) ** BigInt(scale) : bytes * digits * BigInt(10) ** BigInt(-scale);
}

interface Range {
  readonly min: bigint;
  readonly max: bigint;
  readonly fraction: number;
}

function cap(size: bigint, range: Range): bigint {
  return size > range.max ? range.max : size < range.min ? range.min : size;
}

/** Reads memory options; every failure names what the user wrote. */
class MemoryConfig {
  constructor(private readonly config: FlinkConfig, private readonly component: string, private readonly props: () => string) {}

  has(key: string): boolean {
    return this.config.has(key);
  }

  fail(message: string): never {
    throw new Error(`${this.props()}: ${this.component} memory configuration failed: ${message}`);
  }

  size(key: string, fallback?: bigint): bigint {
    const entry = this.config.entry(key);
    if (entry === undefined) return fallback!;
    try {
      return parseMemorySize(entry.value);
    } catch (e) {
      throw new Error(`${entry.origin.prop ?? `the Flink option '${key}'`} is '${entry.value}': ${(e as Error).message}`);
    }
  }

  /** A `Float` option (`Float.parseFloat`, widened to double). */
  float(key: string, fallback: number): number {
    const entry = this.config.entry(key);
    if (entry === undefined) return Math.fround(fallback);
    const value = Number(javaTrim(entry.value).replace(/[fFdD]$/, ''));
    if (javaTrim(entry.value) === '' || Number.isNaN(value)) {
      throw new Error(`${entry.origin.prop ?? `the Flink option '${key}'`} is '${entry.value}': expected a fraction such as 0.1`);
    }
    return Math.fround(value);
  }

  range(prefix: string, min: bigint, max: bigint, fraction: number): Range {
    const range = { min: this.size(`${prefix}.min`, min), max: this.size(`${prefix}.max`, max), fraction: this.float(`${prefix}.fraction`, fraction) };
    if (!(range.min <= range.max) || !(range.fraction >= 0 && range.fraction < 1)) {
      this.fail(`inconsistently configured '${prefix}.fraction' (${range.fraction}) and its min (${human(range.min)}), max (${human(range.max)}); the fraction must be at least 0 and below 1, and min at most max`);
    }
    return range;
  }
}

/** What Flink memory derivation yields; sizes in bytes. */
interface FlinkMemory {
  readonly totalFlink: bigint;
}

interface ComponentModel {
  readonly prefix: 'jobmanager' | 'taskmanager';
  /** the smallest whole-MiB process size Flink accepts with default options, for the fix in messages */
  readonly minimumProcess: string;
  /** explicitly configured fine-grained sizes that fix the Flink memory */
  fineGrained(c: MemoryConfig): boolean;
  fromFineGrained(c: MemoryConfig): FlinkMemory;
  fromTotalFlink(c: MemoryConfig, totalFlink: bigint): FlinkMemory;
}

/** `ProcessMemoryUtils.memoryProcessSpecFromConfig`: the total process memory in bytes. */
function totalProcessMemory(c: MemoryConfig, model: ComponentModel): bigint {
  const p = `${model.prefix}.memory`;
  const metaspace = () => c.size(`${p}.jvm-metaspace.size`, BigInt(256) * MiB);
  const overheadRange = () => c.range(`${p}.jvm-overhead`, BigInt(192) * MiB, GiB, 0.1);
  const processKey = `${p}.process.size`;

  // deriveJvmMetaspaceAndOverheadFromTotalFlinkMemory
  const fromFlink = (flink: FlinkMemory): bigint => {
    const meta = metaspace();
    if (c.has(processKey)) {
      const process = c.size(processKey);
      if (process < flink.totalFlink + meta) {
        c.fail(`the configured Total Process Memory size (${human(process)}) is less than the sum of the derived Total Flink Memory size (${human(flink.totalFlink)}) and the JVM Metaspace size (${human(meta)})`);
      }
      const overhead = process - flink.totalFlink - meta;
      const range = overheadRange();
      if (overhead > range.max || overhead < range.min) {
        c.fail(`derived JVM Overhead size (${human(overhead)}) is not in the JVM Overhead range [${human(range.min)}, ${human(range.max)}]; set only one of the memory sizes`);
      }
      return process;
    }
    const range = overheadRange();
    return flink.totalFlink + meta + cap(multiply(flink.totalFlink + meta, range.fraction / (1 - range.fraction)), range);
  };

  if (model.fineGrained(c)) return fromFlink(model.fromFineGrained(c));
  if (c.has(`${p}.flink.size`)) return fromFlink(model.fromTotalFlink(c, c.size(`${p}.flink.size`)));
  if (c.has(processKey)) {
    const process = c.size(processKey);
    const meta = metaspace();
    const overhead = cap(multiply(process, overheadRange().fraction), overheadRange());
    if (meta + overhead > process) {
      c.fail(`the JVM Metaspace (${human(meta)}) and JVM Overhead (${human(overhead)}) exceed the Total Process Memory (${human(process)}); with the default options it must be at least ${model.minimumProcess}, so set at least that much`);
    }
    model.fromTotalFlink(c, process - meta - overhead);
    return process;
  }
  return c.fail(`none of '${p}.heap.size'${model.prefix === 'taskmanager' ? ' with \'.managed.size\'' : ''}, '${p}.flink.size' or '${processKey}' is configured`);
}

const JOB_MANAGER: ComponentModel = {
  prefix: 'jobmanager',
  minimumProcess: '577m',
  fineGrained: c => c.has('jobmanager.memory.heap.size'),
  // JobManagerFlinkMemoryUtils.deriveFromRequiredFineGrainedOptions
  fromFineGrained(c) {
    const heap = c.size('jobmanager.memory.heap.size');
    let offHeap = c.size('jobmanager.memory.off-heap.size', BigInt(128) * MiB);
    if (c.has('jobmanager.memory.flink.size')) {
      const totalFlink = c.size('jobmanager.memory.flink.size');
      if (c.has('jobmanager.memory.off-heap.size')) {
        if (heap + offHeap !== totalFlink) {
          c.fail(`the JVM Heap Memory (${human(heap)}) and the Off-heap Memory (${human(offHeap)}) do not add up to the Total Flink Memory (${human(totalFlink)}); configure either the heap or the Total Flink Memory`);
        }
      } else {
        if (totalFlink < heap) {
          c.fail(`the JVM Heap Memory (${human(heap)}) exceeds the Total Flink Memory (${human(totalFlink)}); configure either the heap or the Total Flink Memory`);
        }
        offHeap = totalFlink - heap;
      }
    }
    return { totalFlink: heap + offHeap };
  },
  // JobManagerFlinkMemoryUtils.deriveFromTotalFlinkMemory
  fromTotalFlink(c, totalFlink) {
    const offHeap = c.size('jobmanager.memory.off-heap.size', BigInt(128) * MiB);
    if (totalFlink <= offHeap) {
      c.fail(`the Total Flink Memory (${human(totalFlink)}) is not more than the Off-heap Memory (${human(offHeap)}), leaving nothing for the heap; give the JobManager at least 577m of process memory`);
    }
    return { totalFlink };
  },
};

function taskManagerModel(ordinal: number): ComponentModel {
  // TaskManagerOptions.NETWORK_MEMORY_MAX: 1g in 1.16, unbounded from 1.17 (FLINK-30469)
  const networkMax = ordinal < 117 ? GiB : LONG_MAX;
  const parts = (c: MemoryConfig) => ({
    frameworkHeap: c.size('taskmanager.memory.framework.heap.size', BigInt(128) * MiB),
    frameworkOffHeap: c.size('taskmanager.memory.framework.off-heap.size', BigInt(128) * MiB),
    taskOffHeap: c.size('taskmanager.memory.task.off-heap.size', ZERO),
  });
  const networkRange = (c: MemoryConfig) => c.range('taskmanager.memory.network', BigInt(64) * MiB, networkMax, 0.1);
  const managed = (c: MemoryConfig, totalFlink: bigint) => (c.has('taskmanager.memory.managed.size')
    ? c.size('taskmanager.memory.managed.size')
    : multiply(totalFlink, c.range('taskmanager.memory.managed', ZERO, LONG_MAX, 0.4).fraction));
  const checkNetwork = (c: MemoryConfig, network: bigint) => {
    const range = networkRange(c);
    if (network > range.max || network < range.min) {
      c.fail(`the Network Memory left after the explicitly configured sizes (${human(network)}) is not in the Network Memory range [${human(range.min)}, ${human(range.max)}]`);
    }
  };
  const checkTotal = (c: MemoryConfig, totalFlink: bigint) => {
    if (c.has('taskmanager.memory.flink.size') && c.size('taskmanager.memory.flink.size') !== totalFlink) {
      c.fail(`the configured and derived memory sizes (total ${human(totalFlink)}) do not add up to the configured Total Flink Memory (${human(c.size('taskmanager.memory.flink.size'))})`);
    }
    return { totalFlink };
  };
  const exceeds = (c: MemoryConfig, sum: bigint, totalFlink: bigint): never =>
    c.fail(`framework, task and managed memory (${human(sum)}) exceed the Total Flink Memory (${human(totalFlink)})`);
  return {
    prefix: 'taskmanager',
    minimumProcess: '982m',
    fineGrained: c => c.has('taskmanager.memory.task.heap.size') && c.has('taskmanager.memory.managed.size'),
    // TaskExecutorFlinkMemoryUtils.deriveFromRequiredFineGrainedOptions
    fromFineGrained(c) {
      const { frameworkHeap, frameworkOffHeap, taskOffHeap } = parts(c);
      const exclNetwork = frameworkHeap + frameworkOffHeap + c.size('taskmanager.memory.task.heap.size') + taskOffHeap + c.size('taskmanager.memory.managed.size');
      let network: bigint;
      if (c.has('taskmanager.memory.flink.size')) {
        const totalFlink = c.size('taskmanager.memory.flink.size');
        if (exclNetwork > totalFlink) exceeds(c, exclNetwork, totalFlink);
        network = totalFlink - exclNetwork;
        checkNetwork(c, network);
      } else {
        const range = networkRange(c);
        network = cap(multiply(exclNetwork, range.fraction / (1 - range.fraction)), range);
      }
      return checkTotal(c, exclNetwork + network);
    },
    // TaskExecutorFlinkMemoryUtils.deriveFromTotalFlinkMemory
    fromTotalFlink(c, totalFlink) {
      const { frameworkHeap, frameworkOffHeap, taskOffHeap } = parts(c);
      const managedBytes = managed(c, totalFlink);
      if (c.has('taskmanager.memory.task.heap.size')) {
        const exclNetwork = frameworkHeap + frameworkOffHeap + c.size('taskmanager.memory.task.heap.size') + taskOffHeap + managedBytes;
        if (exclNetwork > totalFlink) exceeds(c, exclNetwork, totalFlink);
        checkNetwork(c, totalFlink - exclNetwork);
        return checkTotal(c, totalFlink);
      }
      const network = cap(multiply(totalFlink, networkRange(c).fraction), networkRange(c));
      const exclTaskHeap = frameworkHeap + frameworkOffHeap + taskOffHeap + managedBytes + network;
      if (exclTaskHeap > totalFlink) {
        c.fail(`framework (${human(frameworkHeap + frameworkOffHeap)}), task off-heap (${human(taskOffHeap)}), managed (${human(managedBytes)}) and network (${human(network)}) memory exceed the Total Flink Memory (${human(totalFlink)}), leaving nothing for the task heap; give TaskManagers at least 982m of process memory`);
      }
      return checkTotal(c, totalFlink);
    },
  };
}

/**
 * The props that configured a component's memory, for messages: `jobManager.memory (400m)`. The
 * distribution's default process size stays in effect next to a `-D` Flink or heap size, as with Flink's
 * client, so it is named when it takes part.
 */
function describeMemoryProps(config: FlinkConfig, prefix: string): string {
  const entries = config.withPrefix(`${prefix}.memory.`);
  const explicit = entries.filter(e => e.origin.explicit).map(e => `${e.origin.prop} (${e.value})`);
  const processDefault = entries.find(e => !e.origin.explicit && e.key === `${prefix}.memory.process.size`);
  if (processDefault !== undefined) {
    explicit.push(`the distribution's default ${processDefault.key} (${processDefault.value}), which a -D option does not remove; set the process size instead, or consistently`);
  }
  return explicit.join(', ');
}

/** The JobManager's total process memory in MiB (`getMebiBytes`, truncated): the container's memory. */
export function jobManagerProcessMemoryMiB(config: FlinkConfig): number {
  const c = new MemoryConfig(config, 'JobManager', () => describeMemoryProps(config, 'jobmanager'));
  return Number(totalProcessMemory(c, JOB_MANAGER) / MiB);
}

/** Checks the TaskManager's memory as the JobManager will when it creates a TaskManager; returns MiB. */
export function taskManagerProcessMemoryMiB(config: FlinkConfig, ordinal: number): number {
  const c = new MemoryConfig(config, 'TaskManager', () => describeMemoryProps(config, 'taskmanager'));
  return Number(totalProcessMemory(c, taskManagerModel(ordinal)) / MiB);
}
