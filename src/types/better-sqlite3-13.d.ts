/** `better-sqlite3-13` is better-sqlite3 13.x installed under an alias (see store/sqlite-driver). */
declare module 'better-sqlite3-13' {
  import Database from 'better-sqlite3';
  export default Database;
}
