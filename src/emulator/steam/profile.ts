/**
 * @module emulator/steam/profile
 * Community profile pages: `/profiles/{steamid64}/?xml=1` and `/id/{vanity}/?xml=1` (the
 * XML data interface, seeds/004), plus the login page that expired sessions redirect to.
 */
import type { EmulatorReply, EmulatorRequest } from '../types.js';
import type { People, PersonProfile } from './people/index.js';
import { isIndividualSteamId } from './request-info.js';
import { resolveVanity } from './vanity.js';

const PROFILE_PATH = /^\/(profiles|id)\/([^/]+)\/?$/;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const NOT_FOUND = 'The specified profile could not be found.';
/** An approximation: what Steam shows for accounts that never set up a profile. */
const NOT_SET_UP = 'This user has not yet set up their Steam Community profile.';

export function handleProfile(req: EmulatorRequest, people: People): EmulatorReply | undefined {
  const scenario = people.scenario;
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
  const person = people.profile(steamid);
  const name = person.personaName;
  if (!wantsXml) return page(200, `<title>Steam Community :: ${escapeHtml(name)}</title>`, escapeHtml(name));
  if (!person.profileSetUp) return xml(errorXml(NOT_SET_UP));
  return xml(profileXml(person, people.vanity(steamid)));
}

/** Community XML names for the three privacy settings, and their visibility states. */
const PRIVACY = {
  public: ['public', 3],
  friendsOnly: ['friendsonly', 2],
  private: ['private', 1],
} as const;

function profileXml(person: PersonProfile, vanity: string | undefined): string {
  const avatar = `https://avatars.fastly.steamstatic.com/${person.avatarHash}`;
  const [privacyState, visibilityState] = PRIVACY[person.visibility];
  const online = person.personaState !== 0;
  const lines = [
    `<steamID64>${person.steamid}</steamID64>`,
    `<steamID>${cdata(person.personaName)}</steamID>`,
    `<onlineState>${online ? 'online' : 'offline'}</onlineState>`,
    `<stateMessage>${cdata(online ? 'Online' : 'Offline')}</stateMessage>`,
    `<privacyState>${privacyState}</privacyState>`,
    `<visibilityState>${visibilityState}</visibilityState>`,
    `<avatarIcon>${cdata(`${avatar}.jpg`)}</avatarIcon>`,
    `<avatarMedium>${cdata(`${avatar}_medium.jpg`)}</avatarMedium>`,
    `<avatarFull>${cdata(`${avatar}_full.jpg`)}</avatarFull>`,
    '<vacBanned>0</vacBanned>',
    '<tradeBanState>None</tradeBanState>',
    '<isLimitedAccount>0</isLimitedAccount>',
  ];
  if (person.visibility === 'public') {
    lines.push(
      `<customURL>${cdata(vanity ?? '')}</customURL>`,
      `<memberSince>${memberSince(person.timeCreated)}</memberSince>`,
      `<location>${cdata(person.country)}</location>`,
      `<realname>${cdata(person.realName)}</realname>`,
      `<summary>${cdata('No information given.')}</summary>`,
    );
  }
  return `${XML_HEAD}<profile>\n\t${lines.join('\n\t')}\n</profile>`;
}

/** "September 12, 2003", as the Community shows an account's creation date. */
function memberSince(unixTime: number): string {
  return new Date(unixTime * 1000).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
}

function errorXml(message: string): string {
  return `${XML_HEAD}<response>\n\t<error>${cdata(message)}</error>\n</response>`;
}

function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
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
