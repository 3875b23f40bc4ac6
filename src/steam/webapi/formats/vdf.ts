/**
 * @module steam/webapi/formats/vdf
 * Valve's KeyValues text format (VDF), as the Web API sends it for `format=vdf`: quoted keys
 * and values, nested `{ }` objects, arrays as objects keyed "0", "1", …, null as "".
 *
 * Our own parser rather than kvparser@1.0.2 (STACK.md): kvparser keeps ids as strings, but it
 * has no types, accepts a single root key, and turns the escape `\n` into a plain `n` — news
 * contents would lose their line breaks. This one is small, keeps every value a string (a
 * SteamID64 never passes through a JS number), reads several roots, and is checked by
 * property tests (random trees, serialized, parsed back: vdf.test.ts).
 */

/** A VDF value: every leaf is a string; a key seen twice in one object collects into an array. */
export type VdfValue = string | VdfObject | VdfValue[];
export interface VdfObject {
  [key: string]: VdfValue;
}

export class VdfSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'VdfSyntaxError';
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"' };

/** Parses VDF text into an object of its root keys (the Web API sends one: `"response" { … }`). */
export function parseVdf(text: string): VdfObject {
  return new Reader(text).object(false);
}

type Token =
  { kind: 'open'; at: number } | { kind: 'close'; at: number } | { kind: 'text'; text: string; at: number };

class Reader {
  private pos = 0;
  constructor(private readonly text: string) {
    // A UTF-8 BOM is not content.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** Reads `key value` / `key { … }` pairs until `}` (nested) or the end of the text (root). */
  object(nested: boolean): VdfObject {
    const out: VdfObject = {};
    for (;;) {
      const token = this.next();
      if (token === undefined) {
        if (nested) throw new VdfSyntaxError('unexpected end of input inside an object', this.pos);
        return out;
      }
      if (token.kind === 'close') {
        if (!nested) throw new VdfSyntaxError('unexpected "}"', token.at);
        return out;
      }
      if (token.kind === 'open') throw new VdfSyntaxError('an object needs a key before "{"', token.at);
      const key = token.text;
      const value = this.next();
      if (value === undefined) throw new VdfSyntaxError(`key "${key}" has no value`, this.pos);
      if (value.kind === 'close') throw new VdfSyntaxError(`key "${key}" has no value`, value.at);
      add(out, key, value.kind === 'open' ? this.object(true) : value.text);
      this.skipConditional();
    }
  }

  /** `[$WIN32]`-style conditions after a value: Source files have them, the Web API does not. */
  private skipConditional(): void {
    this.skipSpace();
    if (this.text[this.pos] !== '[') return;
    const end = this.text.indexOf(']', this.pos);
    if (end < 0) throw new VdfSyntaxError('unterminated condition', this.pos);
    this.pos = end + 1;
  }

  private next(): Token | undefined {
    this.skipSpace();
    const at = this.pos;
    const ch = this.text[at];
    if (ch === undefined) return undefined;
    if (ch === '{') {
      this.pos++;
      return { kind: 'open', at };
    }
    if (ch === '}') {
      this.pos++;
      return { kind: 'close', at };
    }
    if (ch === '"') return { kind: 'text', text: this.quoted(), at };
    return { kind: 'text', text: this.bare(), at };
  }

  /** A quoted string; raw line breaks inside it are kept, escapes `\" \\ \n \t \r` decoded. */
  private quoted(): string {
    const start = ++this.pos;
    // Fast path, most values: no backslash before the closing quote.
    const close = this.text.indexOf('"', start);
    if (close >= 0) {
      const plain = this.text.slice(start, close);
      if (!plain.includes('\\')) {
        this.pos = close + 1;
        return plain;
      }
    }
    let out = '';
    let run = start;
    for (;;) {
      QUOTE_OR_SLASH.lastIndex = this.pos;
      const found = QUOTE_OR_SLASH.exec(this.text);
      if (!found) throw new VdfSyntaxError('unterminated quoted string', start - 1);
      this.pos = found.index;
      if (found[0] === '"') {
        out += this.text.slice(run, this.pos);
        this.pos++;
        return out;
      }
      const escaped = ESCAPES[this.text[this.pos + 1] ?? ''];
      if (escaped === undefined) {
        // An unknown escape (`C:\path`) stays as written.
        this.pos++;
        continue;
      }
      out += this.text.slice(run, this.pos) + escaped;
      this.pos += 2;
      run = this.pos;
    }
  }

  /** An unquoted token runs to whitespace, a brace or a quote. */
  private bare(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !isDelimiter(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private skipSpace(): void {
    for (;;) {
      while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
      if (this.text.startsWith('//', this.pos)) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end + 1;
        continue;
      }
      return;
    }
  }
}

const QUOTE_OR_SLASH = /["\\]/g;

/** Space, tab, CR, LF, vertical tab, form feed, and the BOM / no-break spaces JSON never sends. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff;
}

function isDelimiter(code: number): boolean {
  return isSpace(code) || code === 0x7b /* { */ || code === 0x7d /* } */ || code === 0x22; /* " */
}

function add(out: VdfObject, key: string, value: VdfValue): void {
  if (!Object.hasOwn(out, key)) {
    // A key named "__proto__" must stay a key, not replace the object's prototype.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
    return;
  }
  // Valve files repeat keys on purpose; keep every value rather than the last one.
  const existing = out[key]!;
  out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/** Writes VDF the way the Web API does: tabs, quoted keys and values, escapes for `" \ \n \t \r`. */
export function stringifyVdf(root: VdfObject): string {
  const lines: string[] = [];
  const write = (object: VdfObject, depth: number) => {
    const indent = '\t'.repeat(depth);
    for (const [key, value] of Object.entries(object)) {
      for (const one of Array.isArray(value) ? value : [value]) {
        if (typeof one === 'string') {
          lines.push(`${indent}"${escapeVdf(key)}"\t\t"${escapeVdf(one)}"`);
        } else if (Array.isArray(one)) {
          throw new TypeError(`VDF cannot nest an array directly in an array (key "${key}")`);
        } else {
          lines.push(`${indent}"${escapeVdf(key)}"`, `${indent}{`);
          write(one, depth + 1);
          lines.push(`${indent}}`);
        }
      }
    }
  };
  write(root, 0);
  return `${lines.join('\n')}\n`;
}

export function escapeVdf(text: string): string {
  return text.replace(/[\\"\n\t\r]/g, (ch) =>
    ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : ch === '\r' ? '\\r' : `\\${ch}`,
  );
}
