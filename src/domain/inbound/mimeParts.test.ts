import { describe, expect, it } from "vitest";
import { parseContentType } from "./contentType";
import { decodeBase64, decodeQuotedPrintable } from "./mimeDecoding";
import { mimeParts } from "./mimeParts";
import { addressOf, htmlToText, readMessage } from "./readMessage";

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

describe("parseContentType", () => {
  it.each([
    [
      'multipart/report; report-type=delivery-status;\tboundary="a;b"',
      "multipart/report",
      { "report-type": "delivery-status", boundary: "a;b" },
    ],
    ['Multipart/Mixed; BOUNDARY="x\\"y" (comment)', "multipart/mixed", { boundary: 'x"y' }],
    ["text/plain; charset*=utf-8''caf%C3%A9", "text/plain", { charset: "café" }],
    ['text/plain; name*0="a"; name*1="b"', "text/plain", { name: "ab" }],
    ["", "text/plain", {}],
    ["garbage", "text/plain", {}],
  ])("%s", (value, type, params) => {
    expect(parseContentType(value)).toEqual({ type, params });
  });
});

describe("transfer decodings", () => {
  it("quoted-printable: soft breaks, escapes, trailing space", () => {
    expect(decodeQuotedPrintable("a=3Db=\nc  \nd=C3=A9")).toBe("a=bc\nd\u00c3\u00a9");
  });
  it("base64: tolerant of line breaks, junk and missing padding", () => {
    expect(decodeBase64("aGVs\nbG8*")).toBe("hello");
    expect(decodeBase64("aGVsbG8")).toBe("hello");
  });
});

describe("mimeParts", () => {
  const raw = [
    "Content-Type: multipart/mixed; boundary=outer",
    "",
    "preamble",
    "--outer",
    'Content-Type: multipart/alternative; boundary="inner"',
    "",
    "--inner",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    b64("Grüße"),
    "--inner",
    "Content-Type: text/html; charset=iso-8859-1",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "<p>Gr=FC=DFe</p>",
    "--inner--",
    "--outer",
    "Content-Type: message/rfc822",
    "",
    "Content-Type: multipart/mixed; boundary=outer",
    "",
    "--outer-not-a-delimiter",
    "--outer",
    "Content-Disposition: attachment; filename=a.txt",
    "",
    "attached",
    "--outer--",
    "epilogue",
  ].join("\r\n");

  it("walks nested multiparts depth first, decoding transfer encodings", () => {
    const parts = mimeParts(raw);
    expect(parts.map((p) => [p.path.join("."), p.type, p.isAttachment])).toEqual([
      ["", "multipart/mixed", false],
      ["0", "multipart/alternative", false],
      ["0.0", "text/plain", false],
      ["0.1", "text/html", false],
      ["1", "message/rfc822", false],
      ["2", "text/plain", true],
    ]);
    expect(new TextDecoder().decode(Uint8Array.from(parts[2]!.body, (c) => c.charCodeAt(0)))).toBe("Grüße");
    expect(parts[4]!.body).toBe("Content-Type: multipart/mixed; boundary=outer\n\n--outer-not-a-delimiter");
    expect(parts[5]!.body).toBe("attached");
  });

  it("keeps what arrived of a truncated multipart", () => {
    const parts = mimeParts(
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond, cut off",
    );
    expect(parts.map((p) => p.body)).toEqual(["", "first", "second, cut off"]);
  });

  it("readMessage picks the text/plain part, else the html as text", () => {
    expect(readMessage(raw).text).toBe("Grüße");
    const htmlOnly = "Content-Type: text/html; charset=utf-8\n\n<p>Hi &amp; bye</p><p>Line<br>two</p>";
    expect(readMessage(htmlOnly).text).toBe("Hi & bye\nLine\ntwo");
  });
});

describe("addressOf / htmlToText", () => {
  it.each([
    ["Jane Doe <Jane@Acme.com>", "jane@acme.com"],
    ['"jane@evil.example" <jane@acme.com>', "jane@acme.com"],
    ["jane@acme.com (Jane Doe)", "jane@acme.com"],
    ["=?UTF-8?Q?J=C3=BCrgen?= <juergen@firma.example>", "juergen@firma.example"],
    ["MAILER-DAEMON@mx.example (Mail Delivery System)", "mailer-daemon@mx.example"],
    ["", ""],
  ])("%s → %s", (value, want) => {
    expect(addressOf(value)).toBe(want);
  });
  it("drops scripts and styles and decodes entities", () => {
    expect(htmlToText("<style>p{}</style><div>a&lt;b&#39;s&nbsp;c</div>")).toBe("a<b's c");
    expect(htmlToText("x&#99999999;y")).toBe("x\uFFFDy"); // past U+10FFFF: replaced, not thrown
  });
});
