/**
 * Where each hashed feature came from, kept only when an explanation is
 * wanted: the bucket and sign it was counted in, the exact input span it
 * covers, and the tokens it belongs to (so the explainer can merge the
 * character n-grams and bigrams of neighbouring words into one phrase).
 * Offsets are UTF-16 code units into the original input.
 */
export interface FeatureEvidence {
  readonly count: number;
  readonly bucket: Int32Array;
  readonly sign: Int8Array;
  readonly family: Uint8Array;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  /** First and last token index the feature belongs to (equal for one-token features). */
  readonly firstToken: Int32Array;
  readonly lastToken: Int32Array;
  /** Each token's span in the original input. */
  readonly tokenStart: Uint32Array;
  readonly tokenEnd: Uint32Array;
}

export class OccurrenceLog {
  private n = 0;
  private bucket = new Int32Array(256);
  private sign = new Int8Array(256);
  private family = new Uint8Array(256);
  private start = new Uint32Array(256);
  private end = new Uint32Array(256);
  private first = new Int32Array(256);
  private last = new Int32Array(256);
  private readonly tokenStart: number[] = [];
  private readonly tokenEnd: number[] = [];

  /**
   * When features are computed on a rewritten input (the URL model drops a
   * leading "www."), offsets at or after `shiftFrom` move by `shift` to point
   * into the original again.
   */
  constructor(
    private readonly shiftFrom = Number.POSITIVE_INFINITY,
    private readonly shift = 0,
  ) {}

  private map(offset: number): number {
    return offset >= this.shiftFrom ? offset + this.shift : offset;
  }

  addToken(start: number, end: number): void {
    this.tokenStart.push(this.map(start));
    this.tokenEnd.push(this.map(end));
  }

  add(
    bucket: number,
    sign: number,
    family: number,
    span: { start: number; end: number },
    firstToken: number,
    lastToken: number,
  ): void {
    if (this.n === this.bucket.length) this.grow();
    const i = this.n;
    this.bucket[i] = bucket;
    this.sign[i] = sign;
    this.family[i] = family;
    this.start[i] = this.map(span.start);
    this.end[i] = this.map(span.end);
    this.first[i] = firstToken;
    this.last[i] = lastToken;
    this.n += 1;
  }

  finish(): FeatureEvidence {
    const n = this.n;
    return {
      count: n,
      bucket: this.bucket.slice(0, n),
      sign: this.sign.slice(0, n),
      family: this.family.slice(0, n),
      start: this.start.slice(0, n),
      end: this.end.slice(0, n),
      firstToken: this.first.slice(0, n),
      lastToken: this.last.slice(0, n),
      tokenStart: Uint32Array.from(this.tokenStart),
      tokenEnd: Uint32Array.from(this.tokenEnd),
    };
  }

  private grow(): void {
    const size = this.bucket.length * 2;
    const grow32 = <T extends Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.bucket = grow32(this.bucket, (s) => new Int32Array(s));
    this.first = grow32(this.first, (s) => new Int32Array(s));
    this.last = grow32(this.last, (s) => new Int32Array(s));
    this.start = grow32(this.start, (s) => new Uint32Array(s));
    this.end = grow32(this.end, (s) => new Uint32Array(s));
    const sign = new Int8Array(size);
    sign.set(this.sign);
    this.sign = sign;
    const family = new Uint8Array(size);
    family.set(this.family);
    this.family = family;
  }
}
