/**
 * Maps items through an async function with at most `window` calls in flight, yielding results in
 * input order. With a worker pool behind `fn`, this keeps every core busy while the writers still see
 * documents in the documented order, so the output is byte-identical whatever the number of jobs.
 */
export async function* mapOrdered<T, R>(
  items: Iterable<T>,
  fn: (item: T) => Promise<R>,
  window: number,
): AsyncGenerator<R> {
  const queue: Promise<R>[] = []
  const it = items[Symbol.iterator]()
  let done = false
  const fill = () => {
    while (!done && queue.length < window) {
      const next = it.next()
      if (next.done) done = true
      else {
        const p = fn(next.value)
        // a task that fails while an earlier one is awaited must not become an unhandled rejection
        // (which kills the process with a stack trace): its error is raised when its turn comes
        p.catch(() => undefined)
        queue.push(p)
      }
    }
  }
  fill()
  while (queue.length > 0) {
    const r = await queue.shift()!
    fill()
    yield r
  }
}
