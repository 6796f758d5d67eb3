import { convert } from "html-to-text";

/**
 * Readable text of an HTML body through html-to-text (a maintained HTML parser): entities decoded
 * (&rsquo; &eacute; &#x2014;), comments, scripts, styles and images dropped, link targets left out, list items bulleted
 * (a reply's words are what the classifiers read), no hard wrapping.
 */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "ul", options: { itemPrefix: "• " } },
    ],
  })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
