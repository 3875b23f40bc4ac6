/**
 * @module core/http/named-values
 * Finds the values that free text (a log line, a cookie header, a form or JSON body, an error
 * message) gives under a secret name: `name=value` (queries, cookies, forms, `;matrix`
 * parameters) and `"name": "value"` (JSON). Driven by the secret words themselves, so a line
 * that names none costs one scan: log lines pass here on the gateway's hot path.
 */
import { decodeLoosely, isSecretName, SECRET_NAME_WORDS } from './secret-shapes.js';

/** Characters of a parameter name: `api_key`, `x-api-key`, `cid[]`, `client+secret`, `api%5Fkey`. */
const NAME_CHARS = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.~+%[]-')
  NAME_CHARS[c.charCodeAt(0)] = 1;
const isNameChar = (code: number) => code < 128 && NAME_CHARS[code] === 1;

/** What ends an unquoted value: whitespace and the separators of queries, cookies, JSON and prose. */
const VALUE_END = /[\s&;,"'<>#\\)]/g;
const JSON_COLON = /\s*:\s*"/y;
const HAS_ALNUM = /[A-Za-z0-9]/;

/**
 * Replaces each value given under a secret name with `marker`. A value with no letter or digit
 * (`api_key=...` in a hint) hides nothing and stays readable; a value that already is the marker
 * ends there (what follows is the rest of a URL redactUrl took apart, not part of the value).
 */
export function redactNamedValues(text: string, marker: string): string {
  let out = '';
  let copied = 0;
  const words = SECRET_NAME_WORDS;
  words.lastIndex = 0;
  for (let match = words.exec(text); match; match = words.exec(text)) {
    // The rest of the name (`api_key`, `x-api-key-2`): what follows it says whether a value does.
    let end = match.index + match[0].length;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
    const value =
      text.charCodeAt(end) === 61 ? pairValue(text, end + 1, marker) : jsonValue(text, match.index);
    if (value && HAS_ALNUM.test(text.slice(value.start, value.end))) {
      out += text.slice(copied, value.start) + marker;
      copied = value.end;
    }
    words.lastIndex = Math.max(end, value?.end ?? 0);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function pairValue(text: string, start: number, marker: string): { start: number; end: number } {
  if (text.startsWith(marker, start)) return { start, end: start + marker.length };
  VALUE_END.lastIndex = start;
  const end = VALUE_END.exec(text);
  return { start, end: end ? end.index : text.length };
}

/** The string value of the JSON field whose name holds the word at `at`, if it is one. */
function jsonValue(text: string, at: number): { start: number; end: number } | undefined {
  const open = text.lastIndexOf('"', at);
  const close = text.indexOf('"', at);
  if (open < 0 || close < 0) return undefined;
  // A field name follows `{` or `,`; the closing quote of some other string does not.
  let before = open - 1;
  while (before >= 0 && /\s/.test(text[before]!)) before--;
  if (before >= 0 && text[before] !== '{' && text[before] !== ',') return undefined;
  JSON_COLON.lastIndex = close + 1;
  if (!JSON_COLON.test(text)) return undefined;
  const start = JSON_COLON.lastIndex;
  let end = start;
  for (;;) {
    end = text.indexOf('"', end);
    if (end < 0) return undefined;
    let backslashes = 0;
    while (text[end - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return { start, end };
    end++;
  }
}

/** `name=value` pairs with any name, for text with percent escapes (`%6Bey=`: the word only shows decoded). */
const ANY_NAME_VALUE =
  /(?<![\w.~+%[\]-])([\w.~+%[\]-]*%[0-9A-Fa-f]{2}[\w.~+%[\]-]*)=(\[REDACTED\]|[^\s&;,"'<>#\\)]*)/g;

export function redactEncodedNames(text: string, marker: string): string {
  return text.replace(ANY_NAME_VALUE, (match, name: string, value: string) =>
    HAS_ALNUM.test(value) && isSecretName(decodeLoosely(name)) ? `${name}=${marker}` : match,
  );
}
