// The userland punycode.js (the bare name 'punycode' resolves to Node's deprecated built-in). It is
// CommonJS, so only its default export (module.exports) is reliable under Node's ESM loader.
declare module 'punycode/punycode.js' {
  const punycode: { encode(input: string): string; decode(input: string): string };
  export default punycode;
}
