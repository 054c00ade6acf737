// `.yaml` files are parsed at build time by the esbuild plugin in scripts/build.mjs.
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
