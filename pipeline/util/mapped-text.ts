/**
 * Text that remembers where each of its UTF-16 units came from in an original string.
 * Every cleaning step goes through these operations, so any offset in the final text can be traced
 * back to the decoded input (and from there to raw bytes, see `parse/decode.ts`).
 *
 * `from[i]`/`to[i]` give the original span of unit i. Units inserted by a step (a space added between
 * glued sentences) get an empty span at the place of insertion.
 */
export class MappedText {
  constructor(
    readonly text: string,
    readonly from: Int32Array,
    readonly to: Int32Array,
  ) {
    if (from.length !== text.length || to.length !== text.length)
      throw new RangeError('MappedText: map length differs from text length')
  }

  static identity(text: string): MappedText {
    const from = new Int32Array(text.length)
    const to = new Int32Array(text.length)
    for (let i = 0; i < text.length; i++) {
      from[i] = i
      to[i] = i + 1
    }
    return new MappedText(text, from, to)
  }

  get length(): number {
    return this.text.length
  }

  /** Original span of a span of this text: [start of first unit, end of last unit). */
  origin(start: number, end: number): { start: number; end: number } {
    if (end <= start) {
      const at = start < this.length ? this.from[start]! : this.length > 0 ? this.to[this.length - 1]! : 0
      return { start: at, end: at }
    }
    return { start: this.from[start]!, end: this.to[end - 1]! }
  }

  slice(start: number, end: number): MappedText {
    return new MappedText(this.text.slice(start, end), this.from.slice(start, end), this.to.slice(start, end))
  }

  /** Concatenate pieces with a separator (separator units map to an empty span at the next piece's start). */
  static join(parts: readonly MappedText[], separator: string): MappedText {
    const b = new MappedBuilder()
    parts.forEach((p, k) => {
      if (k > 0) {
        const at = p.length > 0 ? p.from[0]! : 0
        b.insert(separator, at)
      }
      b.copy(p, 0, p.length)
    })
    return b.finish()
  }

  /**
   * Replace every match of a global regular expression. The replacement keeps the mapping of any
   * prefix and suffix it shares with the match, so `.L` → `. L` keeps `.` and `L` traced and maps the
   * inserted space to an empty span; changed units map to the span of the changed part of the match.
   *
   * `seek(text, from)`, when given, names the next position at or after `from` where a match may
   * start (-1: none); the pattern is then tried only there (sticky), so a pattern that matches rarely
   * is not run at every position. It must never skip a position where a match starts: the result is
   * then the same as without it.
   */
  replace(
    pattern: RegExp,
    replacer: (match: RegExpExecArray) => string,
    seek?: (text: string, from: number) => number,
  ): MappedText {
    if (!pattern.global) throw new TypeError('MappedText.replace needs a global RegExp')
    const text = this.text
    const sticky = seek ? stickyOf(pattern) : pattern
    const next = (from: number): RegExpExecArray | null => {
      if (!seek) {
        pattern.lastIndex = from
        return pattern.exec(text)
      }
      for (let p = seek(text, from); p >= 0 && p <= text.length; p = seek(text, p + 1)) {
        sticky.lastIndex = p
        const m = sticky.exec(text)
        if (m) return m
      }
      return null
    }
    let m = next(0)
    if (m === null) return this
    const b = new MappedBuilder()
    let last = 0
    while (m !== null) {
      const start = m.index
      const end = start + m[0].length
      const rep = replacer(m)
      if (rep !== m[0]) {
        b.copy(this, last, start)
        b.replaceSpan(this, start, end, rep)
        last = end
      }
      m = next(m[0].length === 0 ? end + 1 : end)
    }
    b.copy(this, last, this.length)
    return b.finish()
  }
}

const stickies = new WeakMap<RegExp, RegExp>()
/** The same pattern, matching only at `lastIndex` (compiled once per pattern). */
function stickyOf(pattern: RegExp): RegExp {
  let s = stickies.get(pattern)
  if (!s) {
    s = new RegExp(pattern.source, pattern.flags.includes('y') ? pattern.flags : `${pattern.flags}y`)
    stickies.set(pattern, s)
  }
  return s
}

/** Appends text and maps into growing typed arrays: whole runs are copied with `set`, never unit by unit. */
class MappedBuilder {
  private parts: string[] = []
  private from = new Int32Array(256)
  private to = new Int32Array(256)
  private n = 0

  private reserve(extra: number): void {
    if (this.n + extra <= this.from.length) return
    let size = this.from.length * 2
    while (size < this.n + extra) size *= 2
    const f = new Int32Array(size)
    f.set(this.from.subarray(0, this.n))
    const t = new Int32Array(size)
    t.set(this.to.subarray(0, this.n))
    this.from = f
    this.to = t
  }

  copy(src: MappedText, start: number, end: number): void {
    if (end <= start) return
    this.parts.push(src.text.slice(start, end))
    this.reserve(end - start)
    this.from.set(src.from.subarray(start, end), this.n)
    this.to.set(src.to.subarray(start, end), this.n)
    this.n += end - start
  }

  private fill(count: number, from: number, to: number): void {
    this.reserve(count)
    this.from.fill(from, this.n, this.n + count)
    this.to.fill(to, this.n, this.n + count)
    this.n += count
  }

  insert(text: string, at: number): void {
    this.parts.push(text)
    this.fill(text.length, at, at)
  }

  replaceSpan(src: MappedText, start: number, end: number, rep: string): void {
    const old = src.text.slice(start, end)
    let p = 0
    while (p < old.length && p < rep.length && old[p] === rep[p]) p++
    let s = 0
    while (s < old.length - p && s < rep.length - p && old[old.length - 1 - s] === rep[rep.length - 1 - s])
      s++
    this.copy(src, start, start + p)
    const midStart = start + p
    const midEnd = end - s
    const midRep = rep.slice(p, rep.length - s)
    if (midEnd > midStart) {
      if (midRep.length === midEnd - midStart) {
        // same length: unit for unit
        this.parts.push(midRep)
        this.reserve(midRep.length)
        this.from.set(src.from.subarray(midStart, midEnd), this.n)
        this.to.set(src.to.subarray(midStart, midEnd), this.n)
        this.n += midRep.length
      } else {
        const o = src.origin(midStart, midEnd)
        this.parts.push(midRep)
        this.fill(midRep.length, o.start, o.end)
      }
    } else {
      const at = midStart < src.length ? src.from[midStart]! : src.length > 0 ? src.to[src.length - 1]! : 0
      this.insert(midRep, at)
    }
    this.copy(src, end - s, end)
  }

  finish(): MappedText {
    return new MappedText(this.parts.join(''), this.from.slice(0, this.n), this.to.slice(0, this.n))
  }
}
