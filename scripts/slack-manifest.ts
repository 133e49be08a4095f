// `npm run slack:manifest`: writes slack/manifest.yml (Socket Mode) from the command registry.
// `-- --request-url https://your.host` prints an HTTP-mode manifest instead; `-- --check` fails
// when the checked-in file is stale.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { commands } from "../commands/index.ts";
import { MANIFEST_FILE, slackManifestYaml } from "../src/adapters/slack/slack-manifest.ts";
import { REPO_ROOT } from "../src/config.ts";

const { values } = parseArgs({ options: { "request-url": { type: "string" }, check: { type: "boolean", default: false } } });
const requestUrl = values["request-url"];
if (requestUrl !== undefined) {
  if (!/^https:\/\/[^/\s]+/.test(requestUrl)) {
    console.error("--request-url must be the bot's public https:// base URL, e.g. https://tutor.example.edu");
    process.exit(1);
  }
  process.stdout.write(slackManifestYaml(commands, { requestUrl }));
} else {
  const target = path.join(REPO_ROOT, MANIFEST_FILE);
  const text = slackManifestYaml(commands);
  if (values.check) {
    let current = "";
    try {
      current = readFileSync(target, "utf8");
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error(`${MANIFEST_FILE} is stale: run npm run slack:manifest`);
      process.exit(1);
    }
    console.log(`${MANIFEST_FILE} is up to date`);
  } else {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`wrote ${MANIFEST_FILE}`);
  }
}
