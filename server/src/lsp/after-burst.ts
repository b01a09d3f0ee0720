// Work that each message of a burst would repeat (a check per keystroke, a
// reload per config save) runs once, after the burst: `delayMs` after the
// last call for its key, then one more turn of the event loop. The
// connection handles one received message a turn, so messages that already
// arrived come first, and one that calls again for the key starts over.

export class AfterBurst<K> {
  private readonly pending = new Map<K, NodeJS.Timeout>();

  /** Runs `work` after the burst of calls for `key`; only the last call's work runs. */
  run(key: K, delayMs: number, work: () => void): void {
    clearTimeout(this.pending.get(key));
    const timer: NodeJS.Timeout = setTimeout(
      () =>
        setImmediate(() => {
          if (this.pending.get(key) !== timer) return;
          this.pending.delete(key);
          work();
        }),
      delayMs,
    );
    this.pending.set(key, timer);
  }

  isPending(key: K): boolean {
    return this.pending.has(key);
  }

  cancel(key: K): void {
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
  }
}
