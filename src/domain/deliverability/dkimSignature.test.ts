import { describe, expect, it } from "vitest";
import { alignedDkimSignature, dkimSignatures } from "./dkimSignature";

const message = (...headers: string[]) =>
  [
    ...headers,
    "From: Ada <ada@acme.example>",
    "Subject: probe",
    "",
    "DKIM-Signature: d=body.example; s=no",
  ].join("\r\n");

describe("dkimSignatures", () => {
  it.each<[string, string, { domain: string; selector: string }[]]>([
    [
      "one signature on one line",
      message("DKIM-Signature: v=1; a=rsa-sha256; d=acme.example; s=s2024; h=from:subject; bh=abc=; b=def="),
      [{ domain: "acme.example", selector: "s2024" }],
    ],
    [
      "folded over lines, with spaces around tags and values, upper case",
      message(
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;",
        "\td = ACME.Example. ;",
        "        s= Google ; t=1700000000;",
        "        b=dGhpcyBpcyBub3Qg",
        "         YSByZWFsIHNpZw==",
      ),
      [{ domain: "acme.example", selector: "google" }],
    ],
    [
      "two signatures in header order, the header name in any case",
      message(
        "dkim-signature: v=1; d=acme.example; s=k1; b=x",
        "DKIM-Signature: v=1; d=mailer.example; s=pm; b=y",
      ),
      [
        { domain: "acme.example", selector: "k1" },
        { domain: "mailer.example", selector: "pm" },
      ],
    ],
    [
      "a signature without s= names no key",
      message("DKIM-Signature: v=1; d=acme.example; b=x", "DKIM-Signature: v=1; s=k2; b=x"),
      [],
    ],
    ["an unsigned message (a body line that looks like one does not count)", message(), []],
    [
      "a tag given twice keeps the first",
      message("DKIM-Signature: v=1; d=acme.example; s=first; s=second; b=x"),
      [{ domain: "acme.example", selector: "first" }],
    ],
    [
      "LF line ends",
      "DKIM-Signature: v=1; d=acme.example;\n s=lf; b=x\nFrom: a@acme.example\n\nbody",
      [{ domain: "acme.example", selector: "lf" }],
    ],
  ])("%s", (_name, raw, expected) => {
    expect(dkimSignatures(raw)).toEqual(expected);
  });
});

describe("alignedDkimSignature", () => {
  const sig = (domain: string, selector = "s") => ({ domain, selector });
  it.each<[string, ReturnType<typeof sig>[], string, string | null]>([
    ["exact d= wins", [sig("mailer.example", "pm"), sig("acme.example", "k1")], "acme.example", "k1"],
    [
      "exact beats organizational, whatever the order",
      [sig("acme.example", "org"), sig("mail.acme.example", "own")],
      "mail.acme.example",
      "own",
    ],
    ["a parent domain aligns (relaxed)", [sig("acme.example", "k1")], "mail.acme.example", "k1"],
    ["a sibling subdomain aligns (relaxed)", [sig("news.acme.example", "k2")], "mail.acme.example", "k2"],
    ["only the provider's own domain: none aligns", [sig("mailer.example", "pm")], "acme.example", null],
    [
      "a public suffix is no organization: two co.uk domains do not align",
      [sig("other.co.uk", "x")],
      "acme.co.uk",
      null,
    ],
    ["no signature", [], "acme.example", null],
  ])("%s", (_name, sigs, from, selector) => {
    expect(alignedDkimSignature(sigs, from)?.selector ?? null).toBe(selector);
  });
});
