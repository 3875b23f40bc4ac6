/**
 * @module emulator/steam/webapi/formats/xml
 * XML byte for byte as Valve's Web API writer emits it (CWebAPIResponse::BEmitXML in the
 * GCSDK source): an `<?xml …?>` prolog, `<!DOCTYPE root>`, one element per member indented
 * with tabs, array items as repeated elements named by the array's element type, no
 * attributes, `null` as the text null, booleans as true/false, & ' " < > escaped, and no
 * newline after the closing root tag.
 */
import { isObject, members, type WebApiDocument, type WebApiValue } from './document.js';

export function toXml(doc: WebApiDocument): string {
  const out = [`<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ${escapeXml(doc.root)}>\n`];
  if (doc.root !== '') element(out, doc.root, doc.value, 0, doc);
  return out.join('');
}

function element(out: string[], name: string, v: WebApiValue, level: number, doc: WebApiDocument): void {
  const tag = escapeXml(name);
  out.push('\t'.repeat(level), '<', tag, '>');
  if (Array.isArray(v) || isObject(v)) {
    const children: [string, WebApiValue][] = Array.isArray(v)
      ? v.filter((item) => item !== undefined).map((item) => [doc.arrayElement(name), item])
      : members(v);
    if (children.length > 0) {
      out.push('\n');
      children.forEach(([childName, child], i) => {
        if (i > 0) out.push('\n');
        element(out, childName, child, level + 1, doc);
      });
      out.push('\n', '\t'.repeat(level));
    }
  } else {
    out.push(scalar(v));
  }
  out.push('</', tag, '>');
}

function scalar(v: WebApiValue): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return escapeXml(String(v));
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  "'": '&apos;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&'"<>]/g, (c) => ENTITIES[c] as string);
}
