/**
 * A trie over folded word tokens: every alias of the gazetteer is one path, so finding all names
 * in a text costs one walk per token (bounded by the longest alias), whatever the number of names.
 * Built once when the module loads; never one regular expression per name.
 */
import { joinableBetween, type Token } from './normalize.js'

interface Node<T> {
  readonly next: Map<string, Node<T>>
  readonly values: T[]
}

export interface TokenTrie<T> {
  add(keys: readonly string[], value: T): void
  /**
   * Every path that starts at token `i`, as [index of the token after the match, values], shortest
   * first. Tokens of one match must be separated only by spaces, hyphens or apostrophes. Read only:
   * where no name starts, every call returns the same empty list.
   */
  walk(text: string, tokens: readonly Token[], i: number): readonly (readonly [number, readonly T[]])[]
  readonly depth: number
}

/** The answer of a walk where no name starts (shared: the list is read only). */
const NONE: readonly never[] = Object.freeze([])

export function tokenTrie<T>(): TokenTrie<T> {
  const root: Node<T> = { next: new Map(), values: [] }
  let depth = 0
  return {
    add(keys, value) {
      if (keys.length === 0) return
      let node = root
      for (const k of keys) {
        let child = node.next.get(k)
        if (!child) {
          child = { next: new Map(), values: [] }
          node.next.set(k, child)
        }
        node = child
      }
      node.values.push(value)
      depth = Math.max(depth, keys.length)
    },
    walk(text, tokens, i) {
      // most tokens start no name: one map lookup and no allocation for them
      if (i >= tokens.length || !root.next.has(tokens[i]!.key)) return NONE
      const out: Array<[number, readonly T[]]> = []
      let node: Node<T> | undefined = root
      for (let j = i; j < tokens.length && node; j++) {
        const tok = tokens[j]!
        if (j > i && !joinableBetween(text, tokens[j - 1]!.end, tok.start)) break
        node = node.next.get(tok.key)
        if (node && node.values.length > 0) out.push([j + 1, node.values])
      }
      return out
    },
    get depth() {
      return depth
    },
  }
}
