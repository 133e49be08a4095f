import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "coverage/**", "dist/**", "data/**/*.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    // With asynchronous store ports, a promise nobody awaits is a write nobody checked: a lost answer.
    files: ["src/**/*.ts", "commands/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // The core is platform-free: no chat SDK and no SQLite may reach it.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["discord.js", "discord.js/*", "@discordjs/*"], message: "src/core is platform-free: use an adapter." },
          { group: ["@slack/*"], message: "src/core is platform-free: use an adapter." },
          { group: ["better-sqlite3"], message: "src/core is storage-free: use src/store through a port." },
          { group: ["**/adapters/**", "**/store/**"], message: "src/core must not depend on adapters or the store." },
        ],
      }],
    },
  },
  {
    // Commands talk to services: no chat SDK, no SQLite, no store, no adapter (and so no tokens).
    files: ["commands/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["discord.js", "discord.js/*", "@discordjs/*"], message: "commands/ are platform-free: adapters translate." },
          { group: ["@slack/*"], message: "commands/ are platform-free: adapters translate." },
          { group: ["better-sqlite3", "pg"], message: "commands/ use services, never storage." },
          { group: ["**/src/store/**", "**/src/adapters/**", "**/src/config.ts", "**/src/app.ts"], message: "commands/ use the services they are given: no store, adapter, configuration or composition root." },
        ],
      }],
    },
  },
);
