/**
 * Yields to the event loop, so that I/O callbacks run (the write streams of the Arrow files drain only
 * there), unlike awaiting an already-settled promise, which runs before any I/O.
 */
export const tick = (): Promise<void> => new Promise<void>((r) => setImmediate(r))
