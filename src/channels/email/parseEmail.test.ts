import { describe, expect, it } from "vitest";
import { addressOf } from "../../domain/inbound/addressOf";
import { htmlToText } from "../../domain/inbound/htmlToText";
import { normaliseLineEnds, parseEmail } from "./parseEmail";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const mail = (lines: string[], eol = "\r\n") => Buffer.from(lines.join(eol), "utf8");

const report = [
  "From: Mail Delivery System <MAILER-DAEMON@mx.example>",
  "Return-Path: <>",
  "Subject: =?UTF-8?B?UsOpcG9uc2UgYXV0b21hdGlxdWU=?=",
  "Message-ID: <r1@mx.example>",
  "In-Reply-To: <a@overture.test>",
  "References: <a@overture.test>",
  "  <b@Overture.TEST>",
  "Received: from a.example",
  "\tby b.example",
  "Received: from c.example",
  'Content-Type: multipart/report; report-type=delivery-status; boundary="outer"',
  "",
  "--outer",
  'Content-Type: multipart/alternative; boundary="inner"',
  "",
  "--inner",
  "Content-Type: text/plain; charset=utf-8",
  "Content-Transfer-Encoding: base64",
  "",
  b64("Grüße: <jane@acme.com>: 550 5.1.1 user unknown"),
  "--inner",
  "Content-Type: text/html; charset=iso-8859-1",
  "",
  "<p>ignored</p>",
  "--inner--",
  "--outer",
  "Content-Type: message/delivery-status",
  "Content-Transfer-Encoding: base64",
  "",
  b64(
    "Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; jane@acme.com\r\nAction: failed\r\nStatus: 5.1.1\r\n",
  ),
  "--outer",
  "Content-Type: text/rfc822-headers",
  "",
  "Message-ID: <a@overture.test>",
  "To: jane@acme.com",
  "Subject: =?utf-8?q?caf=C3=A9?=",
  "--outer--",
  "",
];

describe("parseEmail (one parse with mailparser)", () => {
  it("reads headers, ids, the readable text and the report's parts", async () => {
    const m = await parseEmail(mail(report));
    expect(m).toMatchObject({
      from: "mailer-daemon@mx.example",
      fromName: "Mail Delivery System",
      returnPath: "",
      subject: "Réponse automatique",
      messageId: "<r1@mx.example>",
      inReplyTo: ["<a@overture.test>"],
      references: ["<a@overture.test>", "<b@overture.test>"],
      text: "Grüße: <jane@acme.com>: 550 5.1.1 user unknown",
    });
    expect(m.headers.filter((h) => h.key === "received").map((h) => h.value)).toEqual([
      "from a.example by b.example",
      "from c.example",
    ]);
    expect(m.parts.map((p) => p.contentType)).toEqual(["message/delivery-status", "text/rfc822-headers"]);
    expect(m.parts[0]!.text).toContain("Final-Recipient: rfc822; jane@acme.com");
    expect(m.parts[1]!.headers).toEqual([
      { key: "message-id", value: "<a@overture.test>" },
      { key: "to", value: "jane@acme.com" },
      { key: "subject", value: "café" },
    ]);
  });

  it("LF-only and CR-only sources read exactly like CRLF", async () => {
    const crlf = await parseEmail(mail(report));
    expect(await parseEmail(mail(report, "\n"))).toEqual(crlf);
    expect(await parseEmail(mail(report, "\r"))).toEqual(crlf);
    expect(normaliseLineEnds(Buffer.from("a\rb\nc\r\nd\xff", "latin1")).toString("latin1")).toBe(
      "a\r\nb\r\nc\r\nd\xff",
    );
  });

  it("a returned message/rfc822 gives its headers, never its body", async () => {
    const m = await parseEmail(
      mail([
        "From: postmaster@mx.example",
        'Content-Type: multipart/mixed; boundary="b"',
        "",
        "--b",
        "Content-Type: text/plain",
        "",
        "failed",
        "--b",
        "Content-Type: message/rfc822",
        "",
        "Message-ID: <orig@overture.test>",
        "From: me@overture.test",
        "",
        "Our pitch, with an Out of Office in it",
        "--b--",
      ]),
    );
    expect(m.text).toBe("failed");
    expect(m.parts).toEqual([
      {
        contentType: "message/rfc822",
        params: {},
        isAttachment: false,
        text: null,
        headers: [
          { key: "message-id", value: "<orig@overture.test>" },
          { key: "from", value: "me@overture.test" },
        ],
      },
    ]);
  });

  it("HTML-only mail through html-to-text: entities decoded, comments and styles dropped", async () => {
    const m = await parseEmail(
      mail([
        "From: Jane <jane@acme.com>",
        "Content-Type: text/html; charset=utf-8",
        "",
        "<style>p{}</style><p>I&rsquo;m away &eacute;t&eacute; &#x2014; back <b>Monday</b></p><!-- tracking: secret --><p>Line<br>two &amp; more</p>",
      ]),
    );
    expect(m.text).toBe("I’m away été — back Monday\n\nLine\ntwo & more");
    expect(htmlToText("x&#99999999;y")).toBe("x\uFFFDy");
  });

  it("`MAILER-DAEMON <>` has a name and no address; a broken MIME body keeps its words", async () => {
    const m = await parseEmail(
      mail([
        "From: MAILER-DAEMON <>",
        'Content-Type: multipart/mixed; boundary="b"',
        "",
        "--b",
        "Content-Type: multipart/alternative;",
        'boundary="lost"',
        "",
        "--lost",
        "Content-Type: text/plain",
        "",
        "550 no such user here",
        "--b--",
      ]),
    );
    expect([m.from, m.fromName]).toEqual(["", "MAILER-DAEMON"]);
    expect(m.text).toContain("550 no such user here");
  });
});

describe("parseEmail on what mailparser refuses", () => {
  it("over 1,000 MIME parts or a 2 MB header: kept with what can be read, never thrown", async () => {
    const many =
      "From: Jane <jane@acme.com>\r\nSubject: parts\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n" +
      "--z\r\nContent-Type: text/plain\r\n\r\nhi\r\n".repeat(1500) +
      "--z--\r\n";
    expect(await parseEmail(Buffer.from(many))).toMatchObject({
      from: "jane@acme.com",
      subject: "parts",
      parts: [],
      text: expect.stringContaining("hi"),
    });
    const bigHeader = `From: jane@acme.com\r\nX-Big: ${"a".repeat(2_000_000)}\r\n\r\nbody`;
    expect(await parseEmail(Buffer.from(bigHeader))).toMatchObject({ from: "", headers: [], text: "body" });
  });
});

describe("addressOf", () => {
  it.each([
    ["Jane Doe <Jane@Acme.com>", "jane@acme.com"],
    ['"jane@evil.example" <jane@acme.com>', "jane@acme.com"],
    ["jane@acme.com (Jane Doe)", "jane@acme.com"],
    ["MAILER-DAEMON@mx.example (Mail Delivery System)", "mailer-daemon@mx.example"],
    ["", ""],
  ])("%s → %s", (value, want) => {
    expect(addressOf(value)).toBe(want);
  });
});
