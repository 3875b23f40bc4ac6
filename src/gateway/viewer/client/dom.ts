/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/dom
 * Building DOM without HTML strings: text only ever goes through `textContent`, attributes
 * through `setAttribute` after the caller checked them, so nothing the inventory says (names,
 * name tags, tags) can become markup.
 */

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

/** Shows a message in a box (role="alert" in the page), or hides the box with ''. */
export function say(box: HTMLElement, message: string): void {
  box.textContent = message;
  box.hidden = message === '';
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children) node.append(child);
  return node;
}

const COLOR = /^[0-9a-f]{6}$/i;

/** A Steam colour (six hex digits) as CSS, or undefined for anything else. */
export function steamColor(value: string | undefined): string | undefined {
  return value && COLOR.test(value) ? `#${value}` : undefined;
}

const ICON = /\/economy\/image\/([A-Za-z0-9_-]{8,1024})\/?$/;

/** The gateway's icon route for an item's icon URL (never Steam's CDN itself: img-src 'self'). */
export function iconSrc(iconUrl: string | undefined, size: string): string | undefined {
  const hash = iconUrl ? ICON.exec(iconUrl)?.[1] : undefined;
  return hash ? `/v1/steam/icons/${hash}?size=${size}` : undefined;
}

export function icon(iconUrl: string | undefined, size: string, width: number, height: number): HTMLElement {
  const src = iconSrc(iconUrl, size);
  if (!src) return el('span', { class: 'noimg', 'aria-hidden': 'true' });
  const img = el('img', { alt: '', width: String(width), height: String(height), decoding: 'async' });
  img.loading = 'lazy';
  img.referrerPolicy = 'no-referrer';
  img.addEventListener(
    'error',
    () => img.replaceWith(el('span', { class: 'noimg', 'aria-hidden': 'true' })),
    {
      once: true,
    },
  );
  img.src = src;
  return img;
}
