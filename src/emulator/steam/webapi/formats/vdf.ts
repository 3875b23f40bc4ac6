/**
 * @module emulator/steam/webapi/formats/vdf
 * VDF (KeyValues text) as Valve's Web API writer emits it (CWebAPIValues::BEmitVDFRecursive
 * in the GCSDK source): `"key"` + tab + `"value"` on one line, objects as `"key"`, `{` and
 * `}` on their own lines indented with tabs, arrays as objects keyed "0", "1", …, every value
 * quoted, booleans as "1"/"0", null as "", only `\` and `"` escaped, and no newline after the
 * last `}`. An empty object still gets its (empty) line between the braces.
 */
import { isObject, members, type WebApiDocument, type WebApiValue } from './document.js';

export function toVdf(doc: WebApiDocument): string {
  const out: string[] = [];
  if (doc.root !== '') node(out, doc.root, doc.value, 0);
  return out.join('');
}

function node(out: string[], name: string, v: WebApiValue, level: number): void {
  const indent = '\t'.repeat(level);
  out.push(indent, vdfString(name));
  if (Array.isArray(v) || isObject(v)) {
    const children: [string, WebApiValue][] = Array.isArray(v)
      ? v.filter((item) => item !== undefined).map((item, i) => [String(i), item])
      : members(v);
    out.push('\n', indent, '{\n');
    children.forEach(([childName, child], i) => {
      if (i > 0) out.push('\n');
      node(out, childName, child, level + 1);
    });
    out.push('\n', indent, '}');
    return;
  }
  out.push('\t', vdfString(scalar(v)));
}

function scalar(v: WebApiValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

export function vdfString(text: string): string {
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
