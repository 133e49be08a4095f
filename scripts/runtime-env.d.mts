/** See runtime-env.mjs. */
export declare const RUNTIME_ENV: Readonly<Record<string, string>>;
