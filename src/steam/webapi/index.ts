/** @module steam/webapi */
export * from './client.js';
export * from './options.js';
export { GenericCaller, type CheckedCall, type GenericCallOptions } from './generic.js';
export * from './from-config.js';
export * from './types.js';
export {
  callWebApi,
  callTyped,
  webApiPace,
  type SendOptions,
  type WebApiCallOptions,
  type WebApiContext,
  type WebApiTarget,
} from './call.js';
export { checkCall, parseMethodPath, type MethodPath } from './check.js';
export { API_LIST_TTL_MS, SupportedApiCache, type ApiListCacheOptions } from './api-list.js';
export { selectInterface } from './list-filter.js';
export {
  checkFormat,
  parseBody,
  parseVdf,
  stringifyVdf,
  parseXml,
  VdfSyntaxError,
  XmlSyntaxError,
  JsonSyntaxError,
  WEBAPI_FORMATS,
  type VdfObject,
  type VdfValue,
  type WebApiFormat,
  type XmlObject,
  type XmlValue,
} from './formats/index.js';
export { eresultName } from './interpret.js';
export {
  WEBAPI_METHODS,
  findTypedMethod,
  isServiceInterface,
  methodPath,
  type PrivacyAnswer,
  type TypedMethodName,
  type WebApiAuth,
  type WebApiMethod,
} from './methods.js';
export {
  encodeArguments,
  parseArguments,
  type CallArguments,
  type ParamValue,
  type WebApiParams,
} from './params.js';
export { normalizeResult, looseTree, type ResultShape, type Shape } from './shape.js';
export { MAX_SUMMARY_IDS, SUMMARIES_PER_REQUEST } from './summaries.js';
export { resolveVanityURL, type ResolveVanityOptions } from './vanity.js';
export { parseWho } from './who.js';
