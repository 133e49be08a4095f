import type { App } from "./app.ts";
import type { Adapter } from "./core/chat/adapter.ts";

export interface ServeOptions {
  /** How often timed work sweeps (deadlines, reminders, announcements); default 15 s. */
  sweepMs?: number;
  /** Stop on SIGTERM and SIGINT (the bot's processes); tests leave signals alone. */
  signals?: boolean;
  /** Called once every adapter has started and timed work runs (the bot logs that it is up). */
  started?: () => void;
}

/**
 * Runs adapters against one app until one of them ends by itself (the console at the end of its
 * input) or a signal asks to stop: timed work first settles what fell due while nothing ran, then
 * sweeps on a timer; on the way out, the sweep in progress and every adapter finish cleanly.
 */
export async function serve(app: App, adapters: Adapter[], options: ServeOptions = {}): Promise<void> {
  for (const adapter of adapters) app.timedWork.attach(adapter);
  let stopSignal = () => {};
  const signalled = new Promise<void>((resolve) => (stopSignal = resolve));
  const signals = options.signals ? (["SIGTERM", "SIGINT"] as const) : [];
  for (const s of signals) process.once(s, stopSignal);
  try {
    await app.timedWork.sweep(new Date());
    await Promise.all(adapters.map((a) => a.start()));
    app.timedWork.start(options.sweepMs ?? 15_000);
    options.started?.();
    const ended = adapters.flatMap((a) => (a.ended ? [a.ended] : []));
    await Promise.race([signalled, ...(ended.length ? [Promise.race(ended)] : [])]);
  } finally {
    stopSignal();
    for (const s of signals) process.off(s, stopSignal);
    await app.timedWork.stop();
    await Promise.all(adapters.map((a) => a.stop()));
    for (const adapter of adapters) app.timedWork.detach(adapter);
  }
}
