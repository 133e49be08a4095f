// Environment the bot's process needs before any native library loads: set by `npm start`
// (scripts/start.mjs) and by the image's ENV (the Dockerfile; a test keeps the two equal).
export const RUNTIME_ENV = {
  // resvg (which draws math as PNG) allocates through its own mimalloc, which kept the pages of a
  // picture after drawing it: 20-40 MB of the 300 an exam night may use. 0: returned at once.
  MIMALLOC_PURGE_DELAY: "0",
};
