// node-steamcommunity's types are incomplete (STACK.md); the bench only needs the module.
declare module 'steamcommunity';
// steam-tradeoffer-manager ships no types; the offer-watch bench casts what it uses.
declare module 'steam-tradeoffer-manager';
