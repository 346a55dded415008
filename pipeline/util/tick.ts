/**
 * Yields to the event loop, so that timers and I/O callbacks run, unlike awaiting an already-settled
 * promise, which runs before any I/O. A build yields now and then so that the program around it (an API
 * caller's timers, a server) keeps running; nothing of the build waits on it: its files are written
 * synchronously (`publish/text-sink.ts`, `publish/arrow-file-sink.ts`).
 */
export const tick = (): Promise<void> => new Promise<void>((r) => setImmediate(r))
