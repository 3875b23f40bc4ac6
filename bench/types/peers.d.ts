// node-steamcommunity's types are incomplete (STACK.md); the bench only needs the module.
declare module 'steamcommunity';
