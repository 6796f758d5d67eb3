import { describe, expect, it } from "vitest";
import { assignSenders, type RotationSender } from "./assignSenders";

const s = (id: string, position: number, capToday: number, paused = false): RotationSender => ({
  id,
  position,
  capToday,
  paused,
});
const counts = (ids: string[]) => {
  const m: Record<string, number> = {};
  for (const id of ids) m[id] = (m[id] ?? 0) + 1;
  return m;
};

describe("assignSenders", () => {
  it.each([
    {
      name: "caps 2, 3, 5 over 30 leads",
      senders: [s("a", 0, 2), s("b", 1, 3), s("c", 2, 5)],
      n: 30,
      want: { a: 6, b: 9, c: 15 },
    },
    {
      name: "caps 2, 3, 5 over 10 leads: one day's volume",
      senders: [s("a", 0, 2), s("b", 1, 3), s("c", 2, 5)],
      n: 10,
      want: { a: 2, b: 3, c: 5 },
    },
    {
      name: "equal caps, remainder to the earlier position",
      senders: [s("a", 0, 10), s("b", 1, 10), s("c", 2, 10)],
      n: 4,
      want: { a: 2, b: 1, c: 1 },
    },
    { name: "largest remainder first", senders: [s("a", 0, 1), s("b", 1, 2)], n: 2, want: { a: 1, b: 1 } },
    {
      name: "a paused sender takes no new leads",
      senders: [s("a", 0, 5, true), s("b", 1, 5)],
      n: 3,
      want: { b: 3 },
    },
    {
      name: "all paused: shared as if none were",
      senders: [s("a", 0, 1, true), s("b", 1, 3, true)],
      n: 4,
      want: { a: 1, b: 3 },
    },
    {
      name: "all caps zero (warm-up not begun): shared evenly",
      senders: [s("a", 0, 0), s("b", 1, 0)],
      n: 3,
      want: { a: 2, b: 1 },
    },
    { name: "one sender takes every lead", senders: [s("only", 0, 50)], n: 7, want: { only: 7 } },
    {
      name: "fewer leads than senders: the biggest caps first",
      senders: [s("a", 0, 2), s("b", 1, 3), s("c", 2, 5)],
      n: 1,
      want: { c: 1 },
    },
  ])("$name", ({ senders, n, want }) => {
    const got = assignSenders(senders, n);
    expect(got).toHaveLength(n);
    expect(counts(got)).toEqual(want);
  });

  it("gives nobody a sender when there is no sender or no lead", () => {
    expect(assignSenders([], 5)).toEqual([]);
    expect(assignSenders([s("a", 0, 5)], 0)).toEqual([]);
  });

  it("interleaves, so the leads due first are spread over every sender", () => {
    const got = assignSenders([s("a", 0, 2), s("b", 1, 3), s("c", 2, 5)], 30);
    expect(got.slice(0, 10).sort()).toEqual(["a", "a", "b", "b", "b", "c", "c", "c", "c", "c"]);
    expect(got.slice(0, 4)).toEqual(["c", "b", "a", "c"]);
  });

  it("is deterministic and orders by position, not by the order given", () => {
    const senders = [s("z", 2, 5), s("x", 0, 2), s("y", 1, 3)];
    expect(assignSenders(senders, 30)).toEqual(assignSenders([...senders].reverse(), 30));
    expect(assignSenders([s("a", 1, 4), s("b", 0, 4)], 1)).toEqual(["b"]);
  });
});
