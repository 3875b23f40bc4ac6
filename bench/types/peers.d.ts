// node-steamcommunity's types are incomplete (STACK.md); the bench only needs the module.
declare module 'steamcommunity';
// steam-tradeoffer-manager ships no types; the trade and offer-watch benches cast what they use.
declare module 'steam-tradeoffer-manager';
