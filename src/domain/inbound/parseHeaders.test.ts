import { describe, expect, it } from "vitest";
import { decodeEncodedWords } from "./encodedWords";
import { decodedHeaderValue, headersToRecord, headerValue, headerValues, parseHeaders } from "./parseHeaders";

const raw = [
  "From sender@example.com Mon Mar  2 10:00:00 2026",
  "Received: from a.example",
  "\tby b.example; Mon, 2 Mar 2026 10:00:00 +0000",
  "Received: from c.example by d.example",
  "subject: =?UTF-8?B?UsOpcG9uc2UgYXV0b21hdGlxdWU=?=",
  "References: <a@x.example>",
  "  <b@x.example>",
  "X-Empty:",
  "not a header line",
  "Content-Type: text/plain",
  "",
  "Body: not a header",
].join("\r\n");

describe("parseHeaders", () => {
  const fields = parseHeaders(raw);

  it("unfolds, keeps every occurrence and stops at the empty line", () => {
    expect(fields.map((f) => f.key)).toEqual([
      "received",
      "received",
      "subject",
      "references",
      "x-empty",
      "content-type",
    ]);
    expect(headerValues(fields, "RECEIVED")).toEqual([
      "from a.example\tby b.example; Mon, 2 Mar 2026 10:00:00 +0000",
      "from c.example by d.example",
    ]);
    expect(headerValue(fields, "references")).toBe("<a@x.example>  <b@x.example>");
    expect(headerValue(fields, "x-empty")).toBe("");
    expect(headerValue(fields, "body")).toBeNull();
    expect(headerValue(fields, "missing")).toBeNull();
  });

  it("keeps the name as written and lower-cases the key", () => {
    expect(fields[2]).toMatchObject({ name: "subject", key: "subject" });
    expect(headersToRecord(fields).received).toHaveLength(2);
  });

  it("decodes encoded-words in the Subject on request", () => {
    expect(headerValue(fields, "subject")).toBe("=?UTF-8?B?UsOpcG9uc2UgYXV0b21hdGlxdWU=?=");
    expect(decodedHeaderValue(fields, "Subject")).toBe("Réponse automatique");
  });

  it("reads bytes: raw UTF-8 headers (RFC 6532) and Latin-1 ones", () => {
    const utf8 = new TextEncoder().encode("Subject: Grüße\n\nx");
    expect(headerValue(parseHeaders(utf8), "subject")).toBe("Grüße");
    const latin1 = Uint8Array.from([..."Subject: Gr"].map((c) => c.charCodeAt(0)).concat([0xfc, 0xdf, 0x65]));
    expect(headerValue(parseHeaders(latin1), "subject")).toBe("Grüße");
  });

  it("handles a header block without a body and a body without headers", () => {
    expect(headerValue(parseHeaders("A: 1\nB: 2"), "b")).toBe("2");
    expect(parseHeaders("\nA: 1")).toEqual([]);
  });
});

describe("decodeEncodedWords", () => {
  it.each([
    ["=?UTF-8?B?UsOpcG9uc2UgYXV0b21hdGlxdWU=?=", "Réponse automatique"],
    ["=?utf-8?q?Abwesenheitsnotiz=3A_Gr=C3=BC=C3=9Fe?=", "Abwesenheitsnotiz: Grüße"],
    ["=?ISO-8859-1?Q?Abwesenheitsnotiz=3A_Gr=FC=DFe?=", "Abwesenheitsnotiz: Grüße"],
    ["=?iso-8859-1?B?UmVzcG9zdGEgYXV0b23hdGljYQ==?=", "Resposta automática"],
    ["=?UTF-8?Q?Respuesta_autom=C3?= =?UTF-8?Q?=A1tica?=", "Respuesta automática"],
    ["=?UTF-8?Q?a?=\r\n =?UTF-8?Q?b?=", "ab"],
    ["Re: =?UTF-8?Q?caf=C3=A9?= ok", "Re: café ok"],
    ["=?UTF-8*en?Q?hello?=", "hello"],
    ["=?x-unknown?Q?plain?=", "plain"],
    ["no words here", "no words here"],
    ["=?UTF-8?Q?broken", "=?UTF-8?Q?broken"],
  ])("%s → %s", (input, want) => {
    expect(decodeEncodedWords(input)).toBe(want);
  });
});
