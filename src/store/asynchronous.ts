/** The synchronous form of an asynchronous port: what a better-sqlite3 repository implements. */
export type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/**
 * The port's asynchronous form of a synchronous repository: each method runs through `run`
 * (which decides when the statement may use the connection) and answers with a promise.
 */
export function asynchronous<T extends object>(repository: Sync<T>, run: <R>(statement: () => R) => Promise<R>): T {
  const methods: Record<string, unknown> = {};
  for (let proto = Object.getPrototypeOf(repository) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const method = (repository as Record<string, unknown>)[name];
      if (name === "constructor" || name in methods || typeof method !== "function") continue;
      methods[name] = (...args: unknown[]) => run(() => (method as (...a: unknown[]) => unknown).apply(repository, args));
    }
  }
  return methods as T;
}
