/** @module steam/trade */
export * from './client.js';
export * from './from-config.js';
export * from './model.js';
export * from './states.js';
export * from './items.js';
export * from './state-store.js';
export * from './eresults.js';
export { DEFAULT_TRADE_TUNING, type TradeTuning } from './context.js';
export {
  type OfferFilter,
  type ListOffersOptions,
  type GetOfferOptions,
  type OfferPage,
} from './read-offers.js';
export { type TradeHistoryOptions } from './read-trades.js';
export { type PartnerInventoryOptions } from './partner.js';
export { MAX_MESSAGE_LENGTH, type ItemSpec, type SendInput } from './send-input.js';
export { sendFingerprint, derivedIdempotencyKey } from './fingerprint.js';
export { confirmSentOffer, type SendConfirmation } from './send-confirm.js';
export { type SendPreview, type ActionPreview, type PreviewItem } from './preview.js';
export { readStrError, type StrErrorReading } from './str-error.js';
export { jsonTradeOffer, sendFormFields, newOfferPage, type SendPlan } from './send-form.js';
export * from './watch/index.js';
