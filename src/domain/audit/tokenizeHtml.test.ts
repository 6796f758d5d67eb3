import { describe, expect, it } from "vitest";
import { decodeEntities } from "./decodeEntities";
import { graphemeLength } from "./textUtils";
import { tokenizeHtml } from "./tokenizeHtml";

const starts = (html: string) =>
  tokenizeHtml(html)
    .filter((t) => t.kind === "start")
    .map((t) =>
      t.kind === "start" ? `${t.name}${[...t.attrs].map(([k, v]) => ` ${k}=${v}`).join("")}` : "",
    );

describe("tokenizeHtml", () => {
  it("reads attributes in any quoting, keeps the first of duplicates, lower-cases names", () => {
    expect(starts(`<IMG SRC=a.png ALT='x "y"' alt="ignored" data-x = "1&amp;2" hidden/>`)).toEqual([
      'img src=a.png alt=x "y" data-x=1&2 hidden=',
    ]);
    expect(starts(`<a href=/about/>x</a>`)).toEqual(["a href=/about/"]);
  });

  it("treats script, style and noscript bodies as text and ends them only at their own end tag", () => {
    const tokens = tokenizeHtml(`<script>if (a</b) x("</scripts>");</script><p>after</p>`);
    expect(tokens).toEqual([
      { kind: "start", name: "script", attrs: new Map(), selfClosing: false, foreign: false },
      { kind: "text", text: 'if (a</b) x("</scripts>");' },
      { kind: "end", name: "script" },
      { kind: "start", name: "p", attrs: new Map(), selfClosing: false, foreign: false },
      { kind: "text", text: "after" },
      { kind: "end", name: "p" },
    ]);
  });

  it("skips comments, including the odd empty forms, and keeps stray '<' as text", () => {
    const text = tokenizeHtml(`a<!---->b<!-->c<!-- x --!>d < e <3 </ f>g`)
      .filter((t) => t.kind === "text")
      .map((t) => (t.kind === "text" ? t.text : ""))
      .join("");
    expect(text).toBe("abcd < e <3 g");
  });

  it("marks SVG content as foreign until the SVG closes", () => {
    const tokens = tokenizeHtml(`<svg><title>t</title><svg/></svg><title>page</title>`);
    expect(tokens.flatMap((t) => (t.kind === "start" ? [[t.name, t.foreign]] : []))).toEqual([
      ["svg", true],
      ["title", true],
      ["svg", true],
      ["title", false],
    ]);
  });

  // Homepages are untrusted input: every pathological shape must stay linear.
  it.each([
    ["unclosed tags", "<a ".repeat(200_000)],
    ["unclosed comment", "<!--" + "x".repeat(1_000_000)],
    ["unclosed attribute", `<div title="${"x".repeat(1_000_000)}`],
    ["many stray brackets", "<".repeat(1_000_000)],
    ["many short scripts", "<script>x</script>".repeat(100_000)],
    ["many unclosed scripts", "<script>".repeat(100_000)],
    ["many entities", "&amp;&#x41;&bogus;".repeat(100_000)],
  ])("handles %s quickly", (_, html) => {
    const started = performance.now();
    tokenizeHtml(html);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe("decodeEntities", () => {
  it("decodes named and numeric references once, leaving unknown ones alone", () => {
    expect(decodeEntities("&amp;lt; &#8211; &#x2014; &#150; &hellip; AT&T &bogus; &#0; &#xD800;")).toBe(
      "&lt; – — – … AT&T &bogus; \ufffd \ufffd",
    );
  });
});

describe("graphemeLength", () => {
  it("counts what a reader sees as one character once", () => {
    expect(graphemeLength("Cafe\u0301")).toBe(4);
    expect(graphemeLength("👩‍💻 Dev")).toBe(5);
    expect(graphemeLength("株式会社")).toBe(4);
  });
});
