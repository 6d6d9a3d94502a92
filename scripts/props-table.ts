// The README's props table, read from the TypeScript sources with the compiler API (no build, no .jsii needed):
// every props interface a public constructor or static factory of the package takes, and, as dotted paths, the
// struct interfaces its props refer to. `scripts/readme-example.ts` writes it between the `props` markers.
import * as path from 'path';
// a development tool, never published (see .npmignore): the compiler is a devDependency
// eslint-disable-next-line import/no-extraneous-dependencies
import * as ts from 'typescript';

const SRC = path.join(__dirname, '..', 'src');
const INDEX = path.join(SRC, 'index.ts');
/** The longest description and default a cell shows; API.md has the whole text. */
const MAX_DESCRIPTION = 140;
const MAX_DEFAULT = 120;

/** One prop as the user writes it. */
export interface PropRow {
  /** The path from the props object, e.g. `taskManager.memory` or `secrets[].mountPath`. */
  readonly path: string;
  /** The property's own name, e.g. `memory`. */
  readonly name: string;
  /** The interface that declares the property (`FlinkComponentOptions` for `taskManager.memory`). */
  readonly declaredIn: string;
  /** The type as written in the source, shortened: `Size`, `Record<string, string>`, `Toleration[]`. */
  readonly type: string;
  readonly required: boolean;
  /** The `@default` tag's text, if any. */
  readonly defaultValue?: string;
  /** The JSDoc comment without its tags, if any. */
  readonly description?: string;
}

/** One table: a props interface and the public entry points that take it. */
export interface PropsSection {
  /** The props interface, e.g. `FlinkClusterProps`. */
  readonly interfaceName: string;
  /** What takes it: `FlinkIngress` (a constructor) or `HighAvailability.kubernetes()` (a static method). */
  readonly takenBy: string[];
  /** A shared base interface whose props are listed in its own table, not repeated here. */
  readonly besides?: string;
  /** For a shared base: the props interfaces that extend it (`FlinkSessionClusterProps`, …). */
  readonly extendedBy?: string[];
  readonly rows: PropRow[];
}

interface EntryPoint {
  readonly label: string;
  readonly struct: ts.InterfaceDeclaration;
  /** Constructors come before static factories. */
  readonly factory: boolean;
}

class Reader {
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;

  constructor() {
    this.program = ts.createProgram([INDEX], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    });
    this.checker = this.program.getTypeChecker();
  }

  /** The package's public classes, in the order `src/index.ts` exports them. */
  exportedClasses(): ts.ClassDeclaration[] {
    const classes: ts.ClassDeclaration[] = [];
    const seen = new Set<string>();
    const visit = (file: ts.SourceFile) => {
      if (seen.has(file.fileName)) return;
      seen.add(file.fileName);
      for (const statement of file.statements) {
        if (ts.isExportDeclaration(statement)) {
          if (statement.exportClause || !statement.moduleSpecifier) {
            throw new Error(`${where(statement)}: only 'export * from' is read; list the export another way or teach scripts/props-table.ts`);
          }
          const module = this.checker.getSymbolAtLocation(statement.moduleSpecifier);
          const target = module?.valueDeclaration;
          if (!target || !ts.isSourceFile(target)) throw new Error(`${where(statement)}: cannot resolve the module`);
          visit(target);
        } else if (ts.isClassDeclaration(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword) && statement.name) {
          classes.push(statement);
        }
      }
    };
    visit(this.program.getSourceFile(INDEX)!);
    return classes;
  }

  /** Public constructors and static methods whose parameter is a struct of this package. */
  entryPoints(): EntryPoint[] {
    const entries: EntryPoint[] = [];
    for (const cls of this.exportedClasses()) {
      const isAbstract = hasModifier(cls, ts.SyntaxKind.AbstractKeyword);
      for (const member of cls.members) {
        if (ts.isConstructorDeclaration(member) && !isAbstract && isPublic(member)) {
          for (const p of member.parameters) {
            const struct = this.structOf(p.type);
            if (struct) entries.push({ label: cls.name!.text, struct, factory: false });
          }
        } else if (ts.isMethodDeclaration(member) && isPublic(member) && hasModifier(member, ts.SyntaxKind.StaticKeyword)) {
          for (const p of member.parameters) {
            const struct = this.structOf(p.type);
            if (struct) entries.push({ label: `${cls.name!.text}.${member.name.getText()}()`, struct, factory: true });
          }
        }
      }
    }
    return entries;
  }

  /** The struct interface of this package a type node names (through arrays), if it is one. */
  structOf(node: ts.TypeNode | undefined): ts.InterfaceDeclaration | undefined {
    if (!node) return undefined;
    if (ts.isArrayTypeNode(node)) return this.structOf(node.elementType);
    if (!ts.isTypeReferenceNode(node)) return undefined;
    return this.structNamed(ts.isQualifiedName(node.typeName) ? node.typeName.right : node.typeName);
  }

  /** The struct interface of this package an identifier refers to (through imports), if it is one. */
  structNamed(name: ts.Node): ts.InterfaceDeclaration | undefined {
    let symbol = this.checker.getSymbolAtLocation(name);
    // eslint-disable-next-line no-bitwise
    if (symbol && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.declarations?.find(ts.isInterfaceDeclaration);
    return declaration && isStruct(declaration) ? declaration : undefined;
  }

  /** The interfaces an interface extends, in order. */
  bases(struct: ts.InterfaceDeclaration): ts.InterfaceDeclaration[] {
    return (struct.heritageClauses ?? []).flatMap(h => h.types).map(t => {
      const base = this.structNamed(ts.isPropertyAccessExpression(t.expression) ? t.expression.name : t.expression);
      if (!base) throw new Error(`${where(t)}: ${t.getText()} is not a struct of this package`);
      return base;
    });
  }

  /** Own properties first, in source order, then each base's but those in `skip` (a redeclared property counts once). */
  properties(struct: ts.InterfaceDeclaration, skip: ReadonlySet<string>): { member: ts.PropertySignature; declaredIn: string }[] {
    const result: { member: ts.PropertySignature; declaredIn: string }[] = [];
    const names = new Set<string>();
    const add = (s: ts.InterfaceDeclaration) => {
      for (const member of s.members) {
        if (!ts.isPropertySignature(member)) throw new Error(`${where(member)}: a struct member that is not a property`);
        const name = member.name.getText();
        if (names.has(name)) continue;
        names.add(name);
        result.push({ member, declaredIn: s.name.text });
      }
      for (const base of this.bases(s)) if (!skip.has(base.name.text)) add(base);
    };
    add(struct);
    return result;
  }

  /**
   * The rows of a props interface: each property, then the props of the struct it holds, recursively; without
   * the props of the bases in `skip`, which have their own table.
   */
  rows(struct: ts.InterfaceDeclaration, skip: ReadonlySet<string> = new Set(), prefix = '', within: string[] = []): PropRow[] {
    if (within.includes(struct.name.text)) throw new Error(`${where(struct)}: a struct that contains itself (${within.join(' → ')})`);
    const rows: PropRow[] = [];
    for (const { member, declaredIn } of this.properties(struct, skip)) {
      const name = member.name.getText();
      const doc = jsDoc(member);
      const row: PropRow = {
        path: prefix + name,
        name,
        declaredIn,
        type: typeText(member.type),
        required: !member.questionToken,
        defaultValue: doc.defaultValue,
        description: doc.description,
      };
      rows.push(row);
      const nested = this.structOf(member.type);
      if (nested) {
        const isArray = member.type !== undefined && ts.isArrayTypeNode(member.type);
        rows.push(...this.rows(nested, new Set(), `${row.path}${isArray ? '[]' : ''}.`, [...within, struct.name.text]));
      }
    }
    return rows;
  }
}

function hasModifier(node: ts.HasModifiers, kind: ts.SyntaxKind): boolean {
  return ts.getModifiers(node)?.some(m => m.kind === kind) ?? false;
}

function isPublic(node: ts.HasModifiers): boolean {
  return !hasModifier(node, ts.SyntaxKind.PrivateKeyword) && !hasModifier(node, ts.SyntaxKind.ProtectedKeyword);
}

/** A jsii struct: an interface of this package's sources whose name is not `I…` (a behavioural interface). */
function isStruct(declaration: ts.InterfaceDeclaration): boolean {
  const file = declaration.getSourceFile().fileName;
  return path.resolve(file).startsWith(SRC + path.sep) && !/^I[A-Z]/.test(declaration.name.text);
}

function where(node: ts.Node): string {
  const file = node.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(node.getStart());
  return `${path.relative(path.join(SRC, '..'), file.fileName)}:${line + 1}`;
}

/** The type as written, shortened: the last part of a qualified name, `{ [k: string]: V }` as `Record<string, V>`. */
export function typeText(node: ts.TypeNode | undefined): string {
  if (!node) return 'any';
  if (ts.isArrayTypeNode(node)) {
    const element = typeText(node.elementType);
    return ts.isUnionTypeNode(node.elementType) ? `(${element})[]` : `${element}[]`;
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = ts.isQualifiedName(node.typeName) ? node.typeName.right.text : node.typeName.text;
    return node.typeArguments ? `${name}<${node.typeArguments.map(typeText).join(', ')}>` : name;
  }
  if (ts.isTypeLiteralNode(node) && node.members.length === 1 && ts.isIndexSignatureDeclaration(node.members[0])) {
    const index = node.members[0];
    return `Record<${typeText(index.parameters[0].type)}, ${typeText(index.type)}>`;
  }
  if (ts.isUnionTypeNode(node)) return node.types.map(typeText).join(' | ');
  if (ts.isParenthesizedTypeNode(node)) return `(${typeText(node.type)})`;
  return node.getText().replace(/\s+/g, ' ');
}

/** The JSDoc comment's text and its `@default` tag. */
function jsDoc(node: ts.Node): { description?: string; defaultValue?: string } {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs[docs.length - 1];
  if (!doc) return {};
  const description = ts.getTextOfJSDocComment(doc.comment)?.trim() || undefined;
  const tag = doc.tags?.find(t => t.tagName.text === 'default');
  const defaultValue = tag ? (ts.getTextOfJSDocComment(tag.comment)?.trim() ?? '') : undefined;
  return { description, defaultValue };
}

let cached: PropsSection[] | undefined;

/** Every props table, in the package's order: constructors, then static factories; a shared base before its kin. */
export function propsSections(): PropsSection[] {
  cached ??= readSections();
  return cached;
}

function readSections(): PropsSection[] {
  const reader = new Reader();
  const entries = reader.entryPoints();
  const byStruct = new Map<ts.InterfaceDeclaration, EntryPoint[]>();
  for (const e of [...entries.filter(x => !x.factory), ...entries.filter(x => x.factory)]) {
    byStruct.set(e.struct, [...(byStruct.get(e.struct) ?? []), e]);
  }
  const roots = [...byStruct.keys()];
  // a base interface that two props interfaces extend gets its own table, listed once
  const derivedFrom = new Map<ts.InterfaceDeclaration, ts.InterfaceDeclaration[]>();
  for (const root of roots) {
    for (const base of reader.bases(root)) derivedFrom.set(base, [...(derivedFrom.get(base) ?? []), root]);
  }
  const shared = new Map([...derivedFrom].filter(([base, kin]) => kin.length > 1 || byStruct.has(base)));
  const sharedBaseOf = (root: ts.InterfaceDeclaration) => reader.bases(root).find(b => shared.has(b));

  const sections: PropsSection[] = [];
  const done = new Set<ts.InterfaceDeclaration>();
  const section = (struct: ts.InterfaceDeclaration, takenBy: string[], extra: Pick<PropsSection, 'besides' | 'extendedBy'> = {}) => {
    if (done.has(struct)) return;
    done.add(struct);
    const rows = reader.rows(struct, new Set(extra.besides ? [extra.besides] : []));
    if (rows.length > 0) sections.push({ interfaceName: struct.name.text, takenBy, ...extra, rows });
  };
  for (const root of roots) {
    const base = sharedBaseOf(root);
    if (base) {
      const kin = shared.get(base)!;
      const takenBy = [...(byStruct.get(base) ?? []), ...kin.flatMap(k => byStruct.get(k)!)].map(e => e.label);
      section(base, [...new Set(takenBy)], { extendedBy: kin.map(k => k.name.text) });
      for (const k of kin) section(k, byStruct.get(k)!.map(e => e.label), { besides: base.name.text });
    } else {
      section(root, byStruct.get(root)!.map(e => e.label));
    }
  }
  return sections;
}

/** The README block: one table per props interface. */
export function renderPropsTable(sections: PropsSection[] = propsSections()): string {
  const count = sections.reduce((n, s) => n + s.rows.length, 0);
  const out: string[] = [
    `Generated from the sources (\`scripts/props-table.ts\`): ${count} props. Nested structs are written as dotted paths`,
    '(`taskManager.memory`), arrays of structs with `[]` (`secrets[].mountPath`); each description is the first',
    'sentence of the API documentation (API.md has it whole).',
    '',
  ];
  for (const s of sections) {
    const takenBy = s.takenBy.map(t => `\`${t}\``).join(', ');
    out.push(`### ${takenBy}: \`${s.interfaceName}\``, '');
    if (s.extendedBy) out.push(`${s.extendedBy.map(e => `\`${e}\``).join(' and ')} extend it.`, '');
    if (s.besides) out.push(`Every \`${s.besides}\` prop above, and:`, '');
    out.push('| prop | type | required | default | description |', '|---|---|---|---|---|');
    for (const r of s.rows) {
      out.push(`| ${code(r.path)} | ${code(r.type)} | ${r.required ? 'yes' : 'no'} | ${renderDefault(r.defaultValue)} | ${cell(shorten(firstSentence(plain(r.description ?? '')), MAX_DESCRIPTION)) || '—'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** jsii's convention: `@default - prose`, or a value, optionally followed by ` - prose`. */
function renderDefault(value: string | undefined): string {
  if (value === undefined || value === '') return '—';
  const text = plain(value);
  if (text.startsWith('- ')) return cell(shorten(text.substring(2), MAX_DEFAULT));
  const dash = text.indexOf(' - ');
  if (dash > 0) return `${code(text.substring(0, dash))} — ${cell(shorten(text.substring(dash + 3), MAX_DEFAULT))}`;
  return code(text);
}

/** Code in a table cell: only `|` needs escaping there. */
function code(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

/** JSDoc text on one line, links as their text (`{@link X}`, `[text](url)`). */
function plain(text: string): string {
  return text
    .replace(/\{@link(?:code|plain)?\s+([^}\s|]+)\s*(?:\|\s*)?([^}]*)\}/g, (_, target: string, label: string) => label.trim() || `\`${target}\``)
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown for a table cell: `|` escaped, and `<` outside code, which would start an HTML tag. */
function cell(text: string): string {
  return text.split('`').map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;'))).join('`').replace(/\|/g, '\\|');
}

/** Up to the first full stop that ends a sentence (not one in code, a number or `e.g.`). */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let inCode = false;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === '`') inCode = !inCode;
    if (inCode || !'.!?'.includes(c) || (i + 1 < flat.length && flat[i + 1] !== ' ')) continue;
    if (/\b(e\.g|i\.e|cf|vs|etc)$/i.test(flat.substring(0, i))) continue;
    return flat.substring(0, i + 1);
  }
  return flat;
}

/** At most `max` characters, cut at a space outside code, with '…'. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = -1;
  let ticks = 0;
  for (let i = 0; i < text.length && i <= max - 1; i++) {
    if (text[i] === '`') ticks++;
    if (text[i] === ' ' && ticks % 2 === 0) cut = i;
  }
  const head = (cut > 0 ? text.substring(0, cut) : text.substring(0, max - 1)).replace(/[\s,;:(—-]+$/, '');
  return `${head}…`;
}
