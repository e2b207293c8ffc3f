// A table from 5-gram hash (lib/similarity.ts grams: integers below 2^53) to a non-negative number, in
// typed arrays with open addressing. XDOC-PEER-COPY looks up every paragraph gram of the batch in it a few
// times; a Map keyed by such numbers boxes each key and cost about a sixth of the rule (issue 17), and
// one Map cannot hold more than 2^24 entries.

const EMPTY = -1

export class GramTable {
  private keys: Float64Array
  private vals: Float64Array
  private bits: number
  private n = 0

  constructor(bits = 16) {
    this.bits = bits
    this.keys = new Float64Array(1 << bits)
    this.vals = new Float64Array(1 << bits).fill(EMPTY)
  }

  get size(): number {
    return this.n
  }

  /** The slot of `g`, or of the empty slot where it would go (linear probing). */
  private slot(g: number): number {
    const mask = (1 << this.bits) - 1
    // The hash's low 32 bits (ToUint32 of an integer is exact), spread by a multiplicative hash.
    let i = Math.imul(g >>> 0, 0x9e3779b1) >>> (32 - this.bits)
    while (this.vals[i] !== EMPTY && this.keys[i] !== g) i = (i + 1) & mask
    return i
  }

  /** The value of `g`, or -1 when it has none. */
  get(g: number): number {
    return this.vals[this.slot(g)] as number
  }

  set(g: number, v: number): void {
    if (v < 0) throw new RangeError('GramTable holds non-negative values only')
    let i = this.slot(g)
    if (this.vals[i] === EMPTY) {
      // Kept at most half full: probes stay short.
      if ((this.n + 1) * 2 > this.keys.length) {
        this.grow()
        i = this.slot(g)
      }
      this.n++
      this.keys[i] = g
    }
    this.vals[i] = v
  }

  private grow(): void {
    const { keys, vals } = this
    this.bits++
    this.keys = new Float64Array(1 << this.bits)
    this.vals = new Float64Array(1 << this.bits).fill(EMPTY)
    for (let i = 0; i < keys.length; i++) {
      const v = vals[i] as number
      if (v === EMPTY) continue
      const k = keys[i] as number
      const j = this.slot(k)
      this.keys[j] = k
      this.vals[j] = v
    }
  }

  clear(): void {
    this.bits = 4
    this.n = 0
    this.keys = new Float64Array(1 << this.bits)
    this.vals = new Float64Array(1 << this.bits).fill(EMPTY)
  }
}
