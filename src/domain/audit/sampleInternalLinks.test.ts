import { describe, expect, it } from "vitest";
import { extractPageFacts } from "./extractPageFacts";
import { sampleInternalLinks } from "./sampleInternalLinks";

const html = `<nav>
  <a href="/">Home</a><a href="https://acme.example/#top">Home again</a>
  <a href="/products/robot-arm">Arm</a><a href="/products/gripper">Gripper</a><a href="/products/camera">Camera</a>
  <a href="/pricing">Pricing</a><a href="/blog/launch">Launch</a><a href="/blog/hiring">Hiring</a>
  <a href="/contact">Contact</a>
</nav>`;
const facts = extractPageFacts(html, "https://www.acme.example/");

describe("sampleInternalLinks", () => {
  it("spreads the sample over sections before repeating one, skipping the page itself", () => {
    expect(sampleInternalLinks(facts, 4)).toEqual([
      "https://www.acme.example/products/robot-arm",
      "https://www.acme.example/pricing",
      "https://www.acme.example/blog/launch",
      "https://www.acme.example/contact",
    ]);
    expect(sampleInternalLinks(facts, 6)).toEqual([
      "https://www.acme.example/products/robot-arm",
      "https://www.acme.example/pricing",
      "https://www.acme.example/blog/launch",
      "https://www.acme.example/contact",
      "https://www.acme.example/products/gripper",
      "https://www.acme.example/products/camera",
    ]);
  });

  it("returns everything when asked for more, nothing for a non-positive max, and the same every time", () => {
    expect(sampleInternalLinks(facts, 100)).toHaveLength(7);
    expect(sampleInternalLinks(facts, 0)).toEqual([]);
    expect(sampleInternalLinks(facts, -3)).toEqual([]);
    expect(sampleInternalLinks(facts, 2.9)).toEqual(sampleInternalLinks(facts, 2));
    expect(sampleInternalLinks(facts, 5)).toEqual(sampleInternalLinks(structuredClone(facts), 5));
  });
});
