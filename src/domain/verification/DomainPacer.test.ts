import { describe, expect, it } from "vitest";
import { DomainPacer } from "./DomainPacer";

describe("DomainPacer", () => {
  it("gives the first probe to a domain the current time", () => {
    expect(new DomainPacer({ perDomainIntervalMs: 5_000 }).nextSlot("acme.com", 1_000)).toBe(1_000);
  });

  it("spaces back-to-back probes to one domain by the interval, reserving each slot", () => {
    const pacer = new DomainPacer({ perDomainIntervalMs: 5_000 });
    expect([1, 2, 3].map(() => pacer.nextSlot("acme.com", 1_000))).toEqual([1_000, 6_000, 11_000]);
  });

  it("keeps domains independent", () => {
    const pacer = new DomainPacer({ perDomainIntervalMs: 5_000 });
    pacer.nextSlot("acme.com", 1_000);
    expect(pacer.nextSlot("globex.com", 1_200)).toBe(1_200);
    expect(pacer.nextSlot("acme.com", 1_200)).toBe(6_000);
  });

  it("treats domain case and a trailing dot as the same domain", () => {
    const pacer = new DomainPacer({ perDomainIntervalMs: 5_000 });
    pacer.nextSlot("Acme.COM.", 0);
    expect(pacer.nextSlot("acme.com", 0)).toBe(5_000);
  });

  it("returns the current time once the interval has passed", () => {
    const pacer = new DomainPacer({ perDomainIntervalMs: 5_000 });
    pacer.nextSlot("acme.com", 1_000);
    expect(pacer.nextSlot("acme.com", 9_000)).toBe(9_000);
    expect(pacer.nextSlot("acme.com", 9_000)).toBe(14_000);
  });

  it("counts from the reserved slot when the caller asks partway through the interval", () => {
    const pacer = new DomainPacer({ perDomainIntervalMs: 5_000 });
    pacer.nextSlot("acme.com", 1_000);
    expect(pacer.nextSlot("acme.com", 4_000)).toBe(6_000);
    expect(pacer.nextSlot("acme.com", 10_500)).toBe(11_000);
  });

  it("with a zero interval never delays", () => {
    const pacer = new DomainPacer({ perDomainIntervalMs: 0 });
    expect(pacer.nextSlot("acme.com", 7)).toBe(7);
    expect(pacer.nextSlot("acme.com", 7)).toBe(7);
  });

  it("forgets domains whose interval has passed once many are tracked, without changing answers", () => {
    const pacer = new DomainPacer({ perDomainIntervalMs: 1_000 });
    for (let i = 0; i < 1_000; i++) pacer.nextSlot(`d${i}.com`, 0);
    pacer.nextSlot("busy.com", 5_000);
    for (let i = 0; i < 100; i++) pacer.nextSlot(`late${i}.com`, 5_000);
    expect(pacer.trackedDomains).toBeLessThan(200);
    expect(pacer.nextSlot("busy.com", 5_000)).toBe(6_000);
    expect(pacer.nextSlot("d1.com", 5_000)).toBe(5_000);
  });

  it("refuses a negative or non-finite interval and a non-finite time", () => {
    expect(() => new DomainPacer({ perDomainIntervalMs: -1 })).toThrow(RangeError);
    expect(() => new DomainPacer({ perDomainIntervalMs: Number.NaN })).toThrow(RangeError);
    expect(() => new DomainPacer({ perDomainIntervalMs: 1 }).nextSlot("a.com", Number.NaN)).toThrow(
      RangeError,
    );
  });
});
