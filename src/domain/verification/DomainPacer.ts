/**
 * Spaces probes to the same domain at least `perDomainIntervalMs` apart, so that verifying a list
 * of one company's people does not look like a directory-harvest attack to its mail server.
 * Pure bookkeeping over the times the caller passes in; the caller does the waiting. Keying by
 * MX host instead of domain (pass it as `domain`) also paces domains hosted on the same servers.
 */
export class DomainPacer {
  private readonly intervalMs: number;
  /** Earliest start of the next probe, per domain. */
  private readonly freeAt = new Map<string, number>();
  private sweepAt = 1024;

  constructor(o: { perDomainIntervalMs: number }) {
    if (!Number.isFinite(o.perDomainIntervalMs) || o.perDomainIntervalMs < 0)
      throw new RangeError("perDomainIntervalMs must be a finite number ≥ 0");
    this.intervalMs = o.perDomainIntervalMs;
  }

  /** The earliest ms at which a probe to this domain may start; that slot is reserved. */
  nextSlot(domain: string, nowMs: number): number {
    if (!Number.isFinite(nowMs)) throw new RangeError("nowMs must be a finite number");
    const key = domain.trim().toLowerCase().replace(/\.$/, "");
    const slot = Math.max(nowMs, this.freeAt.get(key) ?? nowMs);
    this.freeAt.set(key, slot + this.intervalMs);
    if (this.freeAt.size > this.sweepAt) this.sweep(nowMs);
    return slot;
  }

  // Entries already free no longer constrain anything; dropping them keeps a long-running
  // worker's memory bounded by the domains probed within one interval.
  private sweep(nowMs: number): void {
    for (const [key, freeAt] of this.freeAt) if (freeAt <= nowMs) this.freeAt.delete(key);
    this.sweepAt = Math.max(1024, this.freeAt.size * 2);
  }

  /** How many domains are currently being tracked (for tests and metrics). */
  get trackedDomains(): number {
    return this.freeAt.size;
  }
}
