import { degrees } from '../../../../contracts/programs';
import { minorToInputText } from '../../money/money-math';
import { opsFor, type BuilderFact, type Rule, type RuleJoin, type RuleOp, type RuleRow } from './rule-rows';

/**
 * Reads CEL back into rows, for the shapes rule-to-cel.ts writes (and their plain variants:
 * `x in ["a"]`, parentheses around a row, single quotes, a comparison guarded by `has()`). Anything else (nested groups, functions, other
 * facts) answers null and the criterion stays in CEL: the builder never rewrites what it
 * cannot show.
 */
type Token = { kind: 'str' | 'num' | 'id' | 'op'; text: string };

const TOKEN = /\s*(?:("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(&&|\|\||==|!=|>=|<=|[<>!()[\],.-]))/y;

function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(source);
    if (!m) return null;
    if (m[1]) tokens.push({ kind: 'str', text: m[1] });
    else if (m[2]) tokens.push({ kind: 'num', text: m[2] });
    else if (m[3]) tokens.push({ kind: 'id', text: m[3] });
    else tokens.push({ kind: 'op', text: m[4]! });
  }
  return tokens;
}

/** A parsed row before it meets its fact: a path, an operator and a literal. */
type Raw =
  | { shape: 'compare'; path: string; symbol: string; literal: Literal }
  | { shape: 'in'; path: string; values: string[]; negated: boolean }
  | { shape: 'has'; path: string; values: string[]; negated: boolean }
  | { shape: 'bool'; path: string; negated: boolean }
  | { shape: 'rank'; path: string; rank: number };
type Literal = { kind: 'num'; text: string } | { kind: 'str'; text: string } | { kind: 'time'; text: string };

class Fail extends Error {}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}
  private peek = (offset = 0) => this.tokens[this.at + offset];
  private is = (text: string, offset = 0) => this.peek(offset)?.kind !== 'str' && this.peek(offset)?.text === text;
  private take(text?: string): Token {
    const token = this.tokens[this.at];
    if (!token || (text !== undefined && (token.kind === 'str' || token.text !== text))) throw new Fail();
    this.at++;
    return token;
  }
  private string(): string {
    const token = this.take();
    if (token.kind !== 'str') throw new Fail();
    // CEL quotes either way: a single-quoted string is read as the same JSON string.
    const text = token.text.startsWith("'")
      ? `"${token.text
          .slice(1, -1)
          .replace(/\\'/g, "'")
          .replace(/(^|[^\\])"/g, '$1\\"')}"`
      : token.text;
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'string') throw new Fail();
    return value;
  }

  rule(): { join: RuleJoin; rows: Raw[] } {
    const rows = [this.row()];
    let join: RuleJoin | null = null;
    while (this.is('&&') || this.is('||')) {
      const next: RuleJoin = this.take().text === '&&' ? 'all' : 'any';
      if (join && join !== next) throw new Fail();
      join = next;
      rows.push(this.row());
    }
    if (this.at !== this.tokens.length) throw new Fail();
    return { join: join ?? 'all', rows };
  }

  private row(): Raw {
    if (this.is('(')) {
      this.take('(');
      const inner = this.row();
      this.take(')');
      return inner;
    }
    if (this.is('!')) {
      this.take('!');
      if (!this.is('(')) return this.pathRow(true);
      const inner = this.row();
      if (inner.shape === 'in' || inner.shape === 'has' || inner.shape === 'bool') return { ...inner, negated: !inner.negated };
      throw new Fail();
    }
    if (this.is('has') && this.is('(', 1)) return this.guardedRow();
    if (this.peek()?.kind === 'str') {
      const value = this.string();
      this.take('in');
      return { shape: 'has', path: this.path(), values: [value], negated: false };
    }
    if (this.is('degreeRank') && this.is('(', 1)) {
      this.take();
      this.take('(');
      const path = this.path();
      this.take(')');
      this.take('>=');
      const rank = this.take();
      if (rank.kind !== 'num' || !/^\d$/.test(rank.text)) throw new Fail();
      return { shape: 'rank', path, rank: Number(rank.text) };
    }
    return this.pathRow(false);
  }

  /**
   * `has(path) && path <op> literal`: the comparison alone, since a fact the applicant lacks
   * already fails a criterion (the server notes the error), so the guard changes nothing a
   * row can say. `!has(path) || …` (a missing fact passes) is not this and stays CEL.
   */
  private guardedRow(): Raw {
    this.take('has');
    this.take('(');
    const guarded = this.path();
    this.take(')');
    this.take('&&');
    const row = this.pathRow(false);
    if (row.shape !== 'compare' || row.path !== guarded) throw new Fail();
    return row;
  }

  /** `path`, `path.exists(x, x in [...])`, `path in [...]` or `path <op> literal`. */
  private pathRow(negated: boolean): Raw {
    const path = this.path();
    if (this.is('.') && this.is('exists', 1)) {
      this.take('.');
      this.take('exists');
      this.take('(');
      const name = this.take();
      this.take(',');
      if (name.kind !== 'id' || this.take().text !== name.text) throw new Fail();
      this.take('in');
      const values = this.list();
      this.take(')');
      return { shape: 'has', path, values, negated };
    }
    if (negated) return { shape: 'bool', path, negated: true };
    if (this.is('in')) {
      this.take('in');
      return { shape: 'in', path, values: this.list(), negated: false };
    }
    const symbol = this.peek();
    if (symbol?.kind === 'op' && ['==', '!=', '>=', '<=', '>', '<'].includes(symbol.text)) {
      this.take();
      return { shape: 'compare', path, symbol: symbol.text, literal: this.literal() };
    }
    return { shape: 'bool', path, negated: false };
  }

  private path(): string {
    const parts = [this.take()];
    while (this.is('.') && this.peek(1)?.kind === 'id' && !this.is('exists', 1)) {
      this.take('.');
      parts.push(this.take());
    }
    if (parts.some((p) => p.kind !== 'id') || parts.length !== 2) throw new Fail();
    return parts.map((p) => p.text).join('.');
  }

  private list(): string[] {
    this.take('[');
    const values = [this.string()];
    while (this.is(',')) {
      this.take(',');
      values.push(this.string());
    }
    this.take(']');
    return values;
  }

  private literal(): Literal {
    if (this.peek()?.kind === 'str') return { kind: 'str', text: this.string() };
    if (this.is('timestamp')) {
      this.take();
      this.take('(');
      const text = this.string();
      this.take(')');
      return { kind: 'time', text };
    }
    const minus = this.is('-') ? this.take().text : '';
    const number = this.take();
    if (number.kind !== 'num') throw new Fail();
    return { kind: 'num', text: `${minus}${number.text}` };
  }
}

const compareOps: Record<string, RuleOp> = { '>=': 'ge', '>': 'gt', '<=': 'le', '<': 'lt', '==': 'eq', '!=': 'ne' };

/** A parsed row as a builder row of its fact, or null when the fact does not take it. */
function toRow(raw: Raw, facts: readonly BuilderFact[]): RuleRow | null {
  const fact = facts.find((f) => f.path === raw.path);
  if (!fact) return null;
  const allowed = opsFor(fact);
  const row = ((): RuleRow | null => {
    switch (raw.shape) {
      case 'in':
        return { fact: fact.id, op: raw.negated ? 'notIn' : 'in', values: raw.values };
      case 'has':
        return { fact: fact.id, op: raw.negated ? 'none' : 'any', values: raw.values };
      case 'bool':
        return { fact: fact.id, op: raw.negated ? 'no' : 'yes' };
      case 'rank':
        return raw.rank < degrees.length ? { fact: fact.id, op: 'atLeast', value: degrees[raw.rank]! } : null;
      case 'compare':
        return compareRow(fact, raw.symbol, raw.literal);
    }
  })();
  if (!row || !allowed.includes(row.op)) return null;
  if (row.values && (row.values.length === 0 || row.values.some((v) => !fact.options?.includes(v)))) return null;
  return row;
}

function compareRow(fact: BuilderFact, symbol: string, literal: Literal): RuleRow | null {
  const op = compareOps[symbol]!;
  switch (fact.value) {
    case 'option':
      if (literal.kind !== 'str' || (op !== 'eq' && op !== 'ne')) return null;
      return { fact: fact.id, op: op === 'eq' ? 'in' : 'notIn', values: [literal.text] };
    case 'text':
      return literal.kind === 'str' ? { fact: fact.id, op, value: literal.text } : null;
    case 'date': {
      const day = literal.kind === 'time' ? /^(\d{4}-\d{2}-\d{2})T00:00:00Z$/.exec(literal.text)?.[1] : undefined;
      if (!day || (op !== 'lt' && op !== 'ge')) return null;
      return { fact: fact.id, op: op === 'lt' ? 'before' : 'onOrAfter', value: day };
    }
    case 'money':
      return literal.kind === 'num' && /^\d{1,18}$/.test(literal.text) ? { fact: fact.id, op, value: minorToInputText(literal.text) } : null;
    case 'count':
      return literal.kind === 'num' && /^\d{1,9}$/.test(literal.text) ? { fact: fact.id, op, value: literal.text } : null;
    case 'year':
      return literal.kind === 'num' && /^\d{4}$/.test(literal.text) ? { fact: fact.id, op, value: literal.text } : null;
    case 'percent':
    case 'number':
      return literal.kind === 'num' ? { fact: fact.id, op, value: literal.text } : null;
    default:
      return null;
  }
}

/** The rows a CEL expression means, or null when the builder cannot show it as rows. */
export function celToRule(expression: string, facts: readonly BuilderFact[]): Rule | null {
  const tokens = tokenize(expression);
  if (!tokens || tokens.length === 0) return null;
  try {
    const parsed = new Parser(tokens).rule();
    const rows = parsed.rows.map((raw) => toRow(raw, facts));
    return rows.every((r): r is RuleRow => r !== null) ? { join: parsed.join, rows } : null;
  } catch (error) {
    if (error instanceof Fail || error instanceof SyntaxError) return null;
    throw error;
  }
}
