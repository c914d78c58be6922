/**
 * A bounded first-in-first-out queue between the inputs and the detectors. Inputs that can wait
 * (a file being tailed: the data stays on disk) `put` and are held back while it is full; inputs
 * that cannot (syslog over UDP or TCP: senders do not wait) `offer` and the item is dropped and
 * counted. Memory never grows past `capacity` items.
 */
export class EventQueue<T> {
  private items: T[] = [];
  private head = 0;
  private readonly spaceWaiters: (() => void)[] = [];
  private itemWaiter: (() => void) | undefined;
  private closedFlag = false;
  /** Items refused by `offer` because the queue was full. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  get length(): number {
    return this.items.length - this.head;
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Adds the item, or drops and counts it when full (or closed). */
  offer(item: T): boolean {
    if (this.closedFlag || this.length >= this.capacity) {
      this.dropped += 1;
      return false;
    }
    this.push(item);
    return true;
  }

  /** Adds the item, waiting for room while full. Resolves false (item not added) once closed. */
  async put(item: T): Promise<boolean> {
    while (!this.closedFlag && this.length >= this.capacity)
      await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    if (this.closedFlag) return false;
    this.push(item);
    return true;
  }

  /** Up to `max` items, waiting until there is at least one; empty once closed and drained. */
  async take(max: number): Promise<T[]> {
    while (this.length === 0) {
      if (this.closedFlag) return [];
      await new Promise<void>((resolve) => {
        this.itemWaiter = resolve;
      });
    }
    const end = Math.min(this.items.length, this.head + max);
    const out = this.items.slice(this.head, end);
    this.head = end;
    // Compact now and then, so the array does not keep taken items alive.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    for (const w of this.spaceWaiters.splice(0)) w();
    return out;
  }

  /** No more items: waiting `put`s resolve false, `take` drains what is left, then returns []. */
  close(): void {
    this.closedFlag = true;
    for (const w of this.spaceWaiters.splice(0)) w();
    this.wake();
  }

  private push(item: T): void {
    this.items.push(item);
    this.wake();
  }

  private wake(): void {
    const w = this.itemWaiter;
    this.itemWaiter = undefined;
    w?.();
  }
}
