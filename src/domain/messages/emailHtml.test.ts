import { describe, expect, it } from "vitest";
import { rewriteLinks, textToHtml } from "./emailHtml";

describe("emailHtml", () => {
  const track = (u: string) => `https://t.example/c?u=${encodeURIComponent(u)}`;

  it("rewrites each URL but not the punctuation after it, and keeps the ones asked", () => {
    expect(
      rewriteLinks(
        "See https://a.example/x?y=1, and (https://b.example). Stop: https://keep.example/u",
        track,
        (u) => u.startsWith("https://keep."),
      ),
    ).toBe(
      `See ${track("https://a.example/x?y=1")}, and (${track("https://b.example")}). Stop: https://keep.example/u`,
    );
  });

  it("escapes text, keeps paragraphs and line breaks, shows the real address and adds the pixel", () => {
    const html = textToHtml("Hi <Tess> & co,\n\nsee https://a.example/?q=1&r=2.\nBye", {
      href: track,
      pixelUrl: "https://t.example/o.gif",
    });
    expect(html).toContain("<p>Hi &lt;Tess&gt; &amp; co,</p>");
    expect(html).toContain(
      `<a href="${track("https://a.example/?q=1&r=2").replace(/&/g, "&amp;")}">https://a.example/?q=1&amp;r=2</a>.<br>Bye</p>`,
    );
    expect(html).toContain('<img src="https://t.example/o.gif" width="1" height="1" alt="">');
    expect(textToHtml("no links", { href: track, pixelUrl: null })).not.toContain("<img");
  });
});
