/**
 * @module emulator/steam/profile
 * Community profile pages: `/profiles/{steamid64}/?xml=1` and `/id/{vanity}/?xml=1` (the
 * XML data interface, seeds/004), plus the login page that expired sessions redirect to.
 */
import type { EmulatorReply, EmulatorRequest } from '../types.js';
import { hash32 } from './random.js';
import { isIndividualSteamId } from './request-info.js';
import type { SteamScenario } from './scenario.js';
import { resolveVanity, vanityOf } from './vanity.js';

const PROFILE_PATH = /^\/(profiles|id)\/([^/]+)\/?$/;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const NOT_FOUND = 'The specified profile could not be found.';
/** An approximation: what Steam shows for accounts that never set up a profile. */
const NOT_SET_UP = 'This user has not yet set up their Steam Community profile.';

export function handleProfile(req: EmulatorRequest, scenario: SteamScenario): EmulatorReply | undefined {
  if (req.method !== 'GET') return undefined;
  if (/^\/login\/home\/?$/.test(req.url.pathname))
    return page(200, '<title>Sign In</title>', 'Sign in to Steam');
  const match = PROFILE_PATH.exec(req.url.pathname);
  if (!match) return undefined;
  const [, kind, key = ''] = match;
  const steamid =
    kind === 'profiles' ? (isIndividualSteamId(key) ? key : undefined) : resolveVanity(scenario, key);
  const wantsXml = req.url.searchParams.get('xml') === '1';
  if (!steamid)
    return wantsXml
      ? xml(errorXml(NOT_FOUND))
      : page(200, '<title>Steam Community :: Error</title>', NOT_FOUND);
  const user = scenario.users[steamid];
  const name = user?.name ?? generatedName(steamid);
  if (!wantsXml) return page(200, `<title>Steam Community :: ${escapeHtml(name)}</title>`, escapeHtml(name));
  if (user?.profileNotSetUp) return xml(errorXml(NOT_SET_UP));
  return xml(profileXml(steamid, name, user?.private === true, vanityOf(scenario, steamid)));
}

function profileXml(steamid: string, name: string, isPrivate: boolean, vanity: string | undefined): string {
  const avatar = `https://avatars.fastly.steamstatic.com/${hash32(steamid).toString(16).padStart(8, '0')}${'0'.repeat(32)}`;
  const lines = [
    `<steamID64>${steamid}</steamID64>`,
    `<steamID>${cdata(name)}</steamID>`,
    '<onlineState>offline</onlineState>',
    `<stateMessage>${cdata('Offline')}</stateMessage>`,
    `<privacyState>${isPrivate ? 'private' : 'public'}</privacyState>`,
    `<visibilityState>${isPrivate ? 1 : 3}</visibilityState>`,
    `<avatarIcon>${cdata(`${avatar}.jpg`)}</avatarIcon>`,
    `<avatarMedium>${cdata(`${avatar}_medium.jpg`)}</avatarMedium>`,
    `<avatarFull>${cdata(`${avatar}_full.jpg`)}</avatarFull>`,
    '<vacBanned>0</vacBanned>',
    '<tradeBanState>None</tradeBanState>',
    '<isLimitedAccount>0</isLimitedAccount>',
  ];
  if (!isPrivate) {
    lines.push(
      `<customURL>${cdata(vanity ?? '')}</customURL>`,
      '<memberSince>September 12, 2003</memberSince>',
      `<location>${cdata('')}</location>`,
      `<realname>${cdata('')}</realname>`,
      `<summary>${cdata('No information given.')}</summary>`,
    );
  }
  return `${XML_HEAD}<profile>\n\t${lines.join('\n\t')}\n</profile>`;
}

function errorXml(message: string): string {
  return `${XML_HEAD}<response>\n\t<error>${cdata(message)}</error>\n</response>`;
}

function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

const ADJECTIVES = ['Silent', 'Lucky', 'Crimson', 'Frosty', 'Rapid', 'Sleepy', 'Golden', 'Hidden'];
const NOUNS = ['Falcon', 'Trader', 'Badger', 'Sniper', 'Cactus', 'Wizard', 'Otter', 'Nomad'];

/** Users not in the scenario still get a stable name. */
function generatedName(steamid: string): string {
  const h = hash32(steamid);
  return `${ADJECTIVES[h % 8]}${NOUNS[(h >>> 3) % 8]}${h % 1000}`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );
}

function xml(body: string): EmulatorReply {
  return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body };
}

function page(status: number, head: string, body: string): EmulatorReply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`,
  };
}
