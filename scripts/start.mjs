// `npm start`: bundles the sources (a fraction of a second, so the bot always runs what src/ says)
// and runs the bundle in this process, so signals reach the bot itself.
import process from "node:process";
import { pathToFileURL } from "node:url";
import { bundle, MAIN_BUNDLE } from "./bundle.mjs";
import { RUNTIME_ENV } from "./runtime-env.mjs";

for (const [name, value] of Object.entries(RUNTIME_ENV)) process.env[name] ??= value;
await bundle();
await import(pathToFileURL(MAIN_BUNDLE).href);
