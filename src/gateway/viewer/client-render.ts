/**
 * @module gateway/viewer/client-render
 * Browser code (plain JS, shipped as a string) that turns the gateway's answers into DOM:
 * item cards, the summary table and error boxes. Text only ever goes through `textContent`;
 * URLs and colours are checked against narrow patterns before they reach an attribute.
 * No backticks or dollar-brace in here: the code lives inside a template literal.
 */

export const CLIENT_RENDER_JS = String.raw`
const COLOR = /^[0-9a-f]{6}$/i;
const IMAGE_URL = /^https:\/\/(community\.fastly\.steamstatic\.com|community\.akamai\.steamstatic\.com|steamcommunity-a\.akamaihd\.net)\//;
const INSPECT_URL = /^steam:\/\/[^\s"<>]+$/;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function thumb(item) {
  const box = el('div', 'thumb');
  const fallback = () => box.replaceChildren(el('span', 'fallback', 'Image unavailable'));
  if (typeof item.iconUrl !== 'string' || !IMAGE_URL.test(item.iconUrl)) {
    fallback();
    return box;
  }
  const img = document.createElement('img');
  img.loading = 'lazy';
  img.referrerPolicy = 'no-referrer';
  img.decoding = 'async';
  img.alt = item.name;
  img.width = 128;
  img.height = 96;
  img.addEventListener('error', fallback, { once: true });
  img.src = item.iconUrl + '/128fx96f';
  box.append(img);
  return box;
}

function itemCard(item) {
  const card = el('li', 'card');
  card.dataset.assetid = item.assetid;
  if (typeof item.rarityColor === 'string' && COLOR.test(item.rarityColor)) {
    card.style.setProperty('--rarity', '#' + item.rarityColor);
  }
  card.append(thumb(item), el('h3', 'name', item.name));
  card.append(el('p', 'meta type', item.type));
  if (item.rarity) card.append(el('p', 'meta rarity', item.rarity));
  if (item.exterior) card.append(el('p', 'meta exterior', item.exterior));
  if (typeof item.float === 'number') card.append(el('p', 'meta float', 'Float ' + item.float.toFixed(6)));
  const badges = el('div', 'badges');
  badges.append(
    item.tradable ? el('span', 'badge tradable', 'Tradable') : el('span', 'badge locked', 'Not tradable'),
  );
  if (item.amount > 1) badges.append(el('span', 'badge', '×' + item.amount));
  if (typeof item.inspectLink === 'string' && INSPECT_URL.test(item.inspectLink)) {
    const link = el('a', 'inspect', 'Inspect');
    link.href = item.inspectLink;
    link.setAttribute('aria-label', 'Inspect ' + item.name + ' in game');
    badges.append(link);
  }
  card.append(badges);
  return card;
}

function summaryRow(line) {
  const row = document.createElement('tr');
  const num = (value) => el('td', 'num', value);
  row.append(el('td', '', line.name), el('td', '', line.type), num(line.quantity), num(line.tradable));
  return row;
}

/** Shows a gateway error body {status, error: {code, message}}, or any other failure. */
function showError(box, status, body, fallbackText) {
  const error = body && typeof body === 'object' && body.error && typeof body.error === 'object' ? body.error : null;
  const title = status ? 'Error ' + status + (error && error.code ? ' (' + error.code + ')' : '') : 'Error';
  const hints = { 401: 'Check the API key.', 403: 'Private inventory.', 429: 'Quota reached: wait a minute.' };
  box.replaceChildren(el('strong', '', title + (hints[status] ? ': ' + hints[status] : '')));
  box.append(el('span', 'message', error && error.message ? error.message : fallbackText || 'request failed'));
  box.hidden = false;
}
`;
