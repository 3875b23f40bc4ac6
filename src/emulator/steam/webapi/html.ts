/**
 * @module emulator/steam/webapi/html
 * The HTML pages api.steampowered.com answers errors with, whatever `format` asked for.
 * Sources: the 401/403 key pages (UPSTREAM.md; SteamWebAPI2 #27, pidgin-opensteamworks #81),
 * the 400 "Required parameter" page (recorded UpToDateCheck answers), the
 * "verify that all required parameters" page for an unparsable SteamID (GetOwnedGames
 * clients compare it byte for byte) and the 404/405 pages xPaw's SteamWebAPIDocumentation
 * scripts match. 429, 500 and 503 bodies follow the same pattern but are not verified.
 */
import type { EmulatorReply } from '../../types.js';

export const HTML_CONTENT_TYPE = 'text/html; charset=UTF-8';

export function htmlReply(status: number, body: string): EmulatorReply {
  return { status, headers: { 'content-type': HTML_CONTENT_TYPE }, body };
}

function page(title: string, text: string): string {
  return `<html><head><title>${title}</title></head><body><h1>${title}</h1>${text}</body></html>`;
}

const KEY_TEXT = 'Access is denied. Retrying will not help. Please verify your <pre>key=</pre> parameter.';

/** A key Steam does not know (or a token it refuses). */
export const forbidden = (): EmulatorReply => htmlReply(403, page('Forbidden', KEY_TEXT));
/** No key at all on a method that needs one; also GetFriendList's answer for a hidden friend list. */
export const unauthorized = (): EmulatorReply => htmlReply(401, page('Unauthorized', KEY_TEXT));

export const missingParameter = (name: string): EmulatorReply =>
  htmlReply(400, page('Bad Request', `Required parameter '${name}' is missing`));

/** A parameter present but unusable (a SteamID that is not a number, input_json that is not JSON). */
export const badParameters = (): EmulatorReply =>
  htmlReply(400, page('Bad Request', 'Please verify that all required parameters are being sent'));

export const interfaceNotFound = (name: string): EmulatorReply =>
  htmlReply(404, page('Not Found', `Interface '${name}' not found`));

export const methodNotFound = (method: string, iface: string): EmulatorReply =>
  htmlReply(404, page('Not Found', `Method '${method}' not found in interface '${iface}'`));

/** A known method asked for at a version it does not have. */
export const notFound = (): EmulatorReply =>
  htmlReply(
    404,
    '<html>\n<head>\n<title>404 Not Found</title>\n</head>\n<body>\n<h1>Not Found</h1>\n</body>\n</html>',
  );

export const mustBePost = (): EmulatorReply =>
  htmlReply(405, page('Method Not Allowed', 'This API must be called with a HTTP POST request'));

export const tooManyRequests = (): EmulatorReply => htmlReply(429, page('Too Many Requests', ''));
export const internalError = (): EmulatorReply => htmlReply(500, page('Internal Server Error', ''));
export const serviceUnavailable = (): EmulatorReply => htmlReply(503, page('Service Unavailable', ''));

/** Thrown by parameter readers and handlers to answer with an error page. */
export class WebApiReplyError extends Error {
  constructor(readonly reply: EmulatorReply) {
    super(`Web API answers ${reply.status}`);
  }
}
