/**
 * Compact storage for the inverted index: every posting is one 32-bit integer in a shared pool, no object per
 * posting and no typed array per list.
 *
 * A list is a chain of blocks inside `PostingPool.data`. A block is `[next, capacity, item × capacity]`;
 * `next` is the offset of the following block or -1. New lists start with a block of 2 items and each new block
 * doubles, up to MAX_BLOCK items, so appending is O(1) and a list of n items has O(log n + n / MAX_BLOCK)
 * blocks. `rebuild()` copies every list into one exactly-sized block (used when the index compacts).
 *
 * Items are appended in increasing order by the index (document ordinals grow), so every list is sorted.
 */

const FIRST_BLOCK = 2;
const MAX_BLOCK = 2048;
const HEADER = 2;

/** A growable Int32Array. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(Math.max(1, capacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Grow a typed array to at least `min` elements, keeping its content. */
export function grow<T extends Int32Array | Uint32Array | Float64Array | Float32Array | Uint8Array>(arr: T, min: number): T {
  if (arr.length >= min) return arr;
  // Double small arrays; grow large ones (over 1M elements) by half, to waste less.
  let size = Math.max(arr.length, 16);
  while (size < min) size = size < 1 << 20 ? size * 2 : Math.ceil(size * 1.5);
  const next = new (arr.constructor as new (n: number) => T)(size);
  next.set(arr);
  return next;
}

export class PostingPool {
  /** Blocks of all lists. */
  data = new Int32Array(1 << 16);
  used = 0;
  /** Per list: offset of the first block, of the last block, and the number of items in the last block. */
  head = new Int32Array(1024).fill(-1);
  tail = new Int32Array(1024);
  fill = new Int32Array(1024);

  /** Make room for list ids below `n`. */
  ensureLists(n: number): void {
    if (n <= this.head.length) return;
    const old = this.head.length;
    this.head = grow(this.head, n);
    this.head.fill(-1, old);
    this.tail = grow(this.tail, n);
    this.fill = grow(this.fill, n);
  }

  private alloc(capacity: number): number {
    const need = this.used + HEADER + capacity;
    if (need > this.data.length) this.data = grow(this.data, need);
    const off = this.used;
    this.data[off] = -1;
    this.data[off + 1] = capacity;
    this.used = need;
    return off;
  }

  append(list: number, value: number): void {
    let t: number;
    if (this.head[list] === -1) {
      t = this.alloc(FIRST_BLOCK);
      this.head[list] = t;
      this.tail[list] = t;
      this.fill[list] = 0;
    } else {
      t = this.tail[list];
      const cap = this.data[t + 1];
      if (this.fill[list] === cap) {
        const next = this.alloc(Math.min(Math.max(cap * 2, FIRST_BLOCK), MAX_BLOCK));
        this.data[t] = next;
        this.tail[list] = next;
        this.fill[list] = 0;
        t = next;
      }
    }
    this.data[t + HEADER + this.fill[list]++] = value;
  }

  isEmpty(list: number): boolean {
    return list >= this.head.length || this.head[list] === -1;
  }

  /** Calls `fn` with each item of the list in order. For hot loops, iterate the blocks inline instead. */
  forEach(list: number, fn: (value: number) => void): void {
    if (list >= this.head.length) return;
    const data = this.data;
    const tail = this.tail[list];
    for (let off = this.head[list]; off !== -1; off = data[off]) {
      const end = off + HEADER + (off === tail ? this.fill[list] : data[off + 1]);
      for (let i = off + HEADER; i < end; i++) fn(data[i]);
    }
  }

  /**
   * A new pool holding, for each list id below `lists`, the items `map` returns for its items (-1 drops an item),
   * each list in one exactly-sized block; the pool's array is sized to the content plus 1/8 for later appends.
   */
  rebuild(lists: number, map: (value: number) => number): PostingPool {
    const counts = new Int32Array(lists);
    let total = 0;
    for (let l = 0; l < lists; l++) {
      let n = 0;
      this.forEach(l, (v) => {
        if (map(v) !== -1) n++;
      });
      counts[l] = n;
      if (n > 0) total += HEADER + n;
    }
    const out = new PostingPool();
    out.data = new Int32Array(Math.ceil(total * 1.125) + 1024);
    out.ensureLists(lists);
    for (let l = 0; l < lists; l++) {
      if (counts[l] === 0) continue;
      const off = out.alloc(counts[l]);
      let i = off + HEADER;
      this.forEach(l, (v) => {
        const m = map(v);
        if (m !== -1) out.data[i++] = m;
      });
      out.head[l] = off;
      out.tail[l] = off;
      out.fill[l] = counts[l];
    }
    return out;
  }

  /** Bytes held by the pool's arrays. */
  bytes(): number {
    return this.data.byteLength + this.head.byteLength + this.tail.byteLength + this.fill.byteLength;
  }
}

export const POSTING_HEADER = HEADER;
