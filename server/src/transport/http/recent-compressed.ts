import { createHash } from 'node:crypto';

/*
 * The compressed bytes of JSON answers sent lately, by encoding and a SHA-256 of the text. The same answer goes
 * out again and again (an iPad that lost its copy of the day, a reload, every iPad of a school between changes),
 * and compressing it costs several times what hashing it does. An entry is a pure function of its key, so one
 * cache serves every request and every server in the process: a hit can only ever return the bytes of the very
 * text this request is answering with. SHA-256 rather than the ETag's SHA-1, whose collisions can be made.
 * Bounded by bytes; the least recently used go first.
 */
export class RecentCompressed {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** `text` compressed as `encoding`, from the cache, or made by `compress` and kept. */
  of(encoding: string, text: string, compress: (text: string) => Buffer): Buffer {
    const key = `${encoding}:${createHash('sha256').update(text).digest('base64')}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = compress(text);
    if (made.length > this.maxBytes) return made;
    this.entries.set(key, made);
    this.bytes += made.length;
    for (const [oldest, bytes] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= bytes.length;
    }
    return made;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
