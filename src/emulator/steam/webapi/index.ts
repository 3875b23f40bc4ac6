/**
 * @module emulator/steam/webapi
 * The emulated Steam Web API. Other emulator modules add methods through
 * `SteamWebApiModule.register(...)` (or `registry.register`), described as WebApiMethod
 * rows; GetSupportedAPIList lists them with the built-in ones.
 */
export {
  createSteamWebApiModule,
  type SteamWebApiModule,
  type SteamWebApiOptions,
  type SteamWebApiStats,
} from './module.js';
export {
  WebApiRegistry,
  isServiceInterface,
  type WebApiAnswer,
  type WebApiCall,
  type WebApiData,
  type WebApiMethod,
  type WebApiParameter,
} from './registry.js';
export { WebApiParams } from './params.js';
export { WebApiReplyError } from './html.js';
export * as webApiPages from './html.js';
export type { WebApiObject, WebApiValue } from './formats/index.js';
export { webApiScenarioSchema } from './scenario-schema.js';
