import type { App } from "./app.ts";
import type { Adapter } from "./core/chat/adapter.ts";

export interface ServeOptions {
  /** How often timed work sweeps (deadlines, reminders, announcements); default 15 s. */
  sweepMs?: number;
  /** Stop on SIGTERM and SIGINT (the bot's processes); tests leave signals alone. */
  signals?: boolean;
  /** Called once every adapter has started and timed work runs (the bot logs that it is up). */
  started?: () => void;
  /** Called when a signal asks to stop, before anything stops (the bot logs it). */
  stopping?: (signal: NodeJS.Signals) => void;
}

/**
 * Runs adapters against one app until one of them ends by itself (the console at the end of its
 * input) or a signal asks to stop: timed work first settles what fell due while nothing ran, then
 * sweeps on a timer. On the way out, the dispatcher refuses new commands ("restarting") while the
 * adapters stop taking them and answer those running, so every answer taken is stored and
 * replied to; then the sweep in progress finishes. The caller closes the app.
 */
export async function serve(app: App, adapters: Adapter[], options: ServeOptions = {}): Promise<void> {
  for (const adapter of adapters) app.timedWork.attach(adapter);
  let signalled!: (signal?: NodeJS.Signals) => void;
  const stopped = new Promise<void>((resolve) => (signalled = (signal) => {
    if (signal) options.stopping?.(signal);
    resolve();
  }));
  const signals = options.signals ? (["SIGTERM", "SIGINT"] as const) : [];
  const listeners = signals.map((s) => [s, () => signalled(s)] as const);
  for (const [s, listener] of listeners) process.once(s, listener);
  try {
    await app.timedWork.sweep(new Date());
    await Promise.all(adapters.map((a) => a.start()));
    app.timedWork.start(options.sweepMs ?? 15_000);
    options.started?.();
    const ended = adapters.flatMap((a) => (a.ended ? [a.ended] : []));
    await Promise.race([stopped, ...(ended.length ? [Promise.race(ended)] : [])]);
  } finally {
    signalled();
    for (const [s, listener] of listeners) process.off(s, listener);
    const drained = app.dispatcher.drain();
    await app.timedWork.stop();
    await Promise.all(adapters.map((a) => a.stop()));
    await drained;
    // A delivery an answer queued while stopping (a regrade for its grader) that no adapter could
    // post stays in the outbox: the next start sends it.
    for (const adapter of adapters) app.timedWork.detach(adapter);
  }
}
