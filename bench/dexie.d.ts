// Dexie's own ES module build, imported by path under the test runner (its package entry wraps the UMD build).
declare module 'dexie/dist/dexie.mjs' {
  export * from 'dexie';
  export { default } from 'dexie';
}
