// node-steamcommunity's types are incomplete (STACK.md); the bench only needs the module.
declare module 'steamcommunity';
// node-steam-tradeoffer-manager ships no types; the trade bench only drives createOffer and send.
declare module 'steam-tradeoffer-manager';
