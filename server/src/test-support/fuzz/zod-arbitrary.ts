import fc from 'fast-check';
import type { z } from 'zod';

/*
 * fast-check arbitraries derived from the shared zod schemas: `shaped` builds
 * values the schema's own definition describes (so many get past validation
 * and reach the services), `malformed` breaks them the ways an attacker
 * would. Hints give real ids by field name, so a request can name a real
 * session or student.
 */

export type Hints = Record<string, fc.Arbitrary<unknown>>;

interface Def {
  type: string;
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => ((def.checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Strings that break parsers, databases and displays. */
const ODD_PIECES = [
  '\u0000', '\u0007', '\u001b[2J', '\u0085', '\u009b', '\u2028', '\u202E', '\u2066', '\u200B', '\uFEFF', '\uD800', '\uDFFF',
  '\uFFFF', '\u{10FFFF}', '\u{1F3F4}\u{E0067}\u{E0062}\u{E007F}', 'e\u0301\u0301\u0301', '😀', '👨\u200D👩\u200D👧', 'שלום', '٠٧٧',
  '%00', '%E0%A4%A', '\\', '"', "'", '</script>', '${x}', '{{x}}', '../..', 'NaN', '-0', '1e999',
];
export const oddText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...ODD_PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

/**
 * Percent-encodes any string, lone surrogates included (as the three bytes a
 * careless encoder would write for one, which are not valid UTF-8 either).
 */
export function percentEncode(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(ch);
  });
}

const INVALID_DATES = ['2026-02-30', '2026-13-01', '0000-00-00', '2026-1-1', '26-01-01', '2026-01-01T25:61:00Z', '2026-01-01T00:00:00', 'not a date', '9999-12-31', '+275760-09-13', '1970-01-01T00:00:00.000+99:99'];

/** A deeply nested value: recursion limits are a classic way to crash a parser. */
const deep = fc.integer({ min: 20, max: 2_000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});

/** Values of the wrong kind entirely. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 1e308, '', [], {}),
  fc.constantFrom(...INVALID_DATES),
  oddText,
  fc.integer({ min: 10_000, max: 80_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => new Array<number>(n).fill(7)),
  deep,
  fc.constant({ __proto__: { admin: true } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown),
  fc.jsonValue({ maxDepth: 3 }),
  fc.double(),
);

function stringFor(def: Def): fc.Arbitrary<string> {
  const checks = [def as unknown as CheckDef, ...checksOf(def)];
  const format = checks.find((c) => c.format)?.format;
  if (format === 'uuid' || format === 'guid') return fc.uuid();
  if (format === 'email') return fc.emailAddress();
  if (format === 'datetime') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (format === 'date') return fc.date({ min: new Date('2026-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const pattern = checks.find((c) => c.pattern)?.pattern;
  if (pattern) {
    try {
      return fc.oneof(fc.stringMatching(pattern), oddText);
    } catch {
      return oddText;
    }
  }
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 40, 60);
  return fc.oneof(fc.string({ minLength: Math.min(min, max), maxLength: max }), oddText);
}

function numberFor(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const int = checks.some((c) => c.format === 'safeint' || c.format === 'int32');
  const min = checks.find((c) => c.check === 'greater_than')?.value ?? -1_000;
  const max = checks.find((c) => c.check === 'less_than')?.value ?? 1_000;
  return int ? fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) }) : fc.double({ min, max, noNaN: true });
}

/** Values shaped as the schema describes; often valid, never guaranteed to be. */
export function shaped(schema: z.ZodType, hints: Hints = {}, key?: string, depth = 0): fc.Arbitrary<unknown> {
  if (key !== undefined && hints[key]) return hints[key];
  if (depth > 6) return fc.constant(null);
  const def = defOf(schema);
  const inner = (s: unknown, k = key) => shaped(s as z.ZodType, hints, k, depth + 1);
  switch (def.type) {
    case 'string':
      return stringFor(def);
    case 'number':
      return numberFor(def);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(defOf(def.in).type === 'transform' ? def.out : def.in);
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s, k)])));
    }
    case 'array': {
      const max = Math.min(checksOf(def).find((c) => c.check === 'max_length')?.maximum ?? 4, 4);
      return fc.array(inner(def.element, undefined), { maxLength: max });
    }
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), inner(def.valueType, undefined), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => inner(o)));
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map((o) => inner(o, undefined)));
    case 'lazy':
      return inner((def.getter as () => z.ZodType)());
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (prefix.length < 4 && value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function withAt(value: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path.at(-1)!);
  return copy;
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'extra', '', '\u0000', 'x'.repeat(300)];

/** One part of a shaped value broken: a wrong type, a key missing, a key too many. */
function mutate(value: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(value);
  return fc.tuple(fc.constantFrom(...paths), fc.nat(2), hostileValue, fc.constantFrom(...EXTRA_KEYS)).map(([path, op, bad, extraKey]) => {
    if (path.length === 0) {
      if (op === 2 && value && typeof value === 'object' && !Array.isArray(value)) {
        // Defined as an own property, as JSON.parse does with "__proto__".
        const copy = { ...(value as object) };
        Object.defineProperty(copy, extraKey, { value: bad, enumerable: true, configurable: true, writable: true });
        return copy;
      }
      return bad;
    }
    return withAt(value, path, (parent, key) => {
      if (op === 0) parent[key] = bad;
      else if (op === 1) delete parent[key];
      else Object.defineProperty(parent, extraKey, { value: bad, enumerable: true, configurable: true, writable: true });
    });
  });
}

/** Mostly broken values, some whole, from a schema: what the fuzz suite sends. */
export function malformed(schema: z.ZodType, hints: Hints = {}): fc.Arbitrary<unknown> {
  const valid = shaped(schema, hints);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 5, arbitrary: valid.chain(mutate) },
    { weight: 2, arbitrary: hostileValue },
  );
}
