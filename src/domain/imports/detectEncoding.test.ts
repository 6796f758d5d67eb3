import { describe, expect, it } from "vitest";
import { bomLength, detectEncoding } from "./detectEncoding";

const utf16le = (s: string, bom = true) =>
  Uint8Array.from([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(s, "utf16le")]);
const utf16be = (s: string) => Uint8Array.from([0xfe, 0xff, ...Buffer.from(s, "utf16le").swap16()]);
/** Bytes in a single-byte code page, from a table of the few letters the tests use. */
const codePage = (s: string, table: Record<string, number>) =>
  Uint8Array.from([...s].map((c) => table[c] ?? c.charCodeAt(0)));
const cp1252 = { é: 0xe9, ö: 0xf6, ü: 0xfc, ß: 0xdf, "€": 0x80, ç: 0xe7 };
const cp1250 = { ł: 0xb3, ś: 0x9c, ą: 0xb9, ę: 0xea, ó: 0xf3, ż: 0xbf, č: 0xe8, ř: 0xf8 };

describe("detectEncoding", () => {
  it("reads byte-order marks: Excel's CSV UTF-8 and Unicode text (UTF-16LE), and UTF-16BE", () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: "utf-8",
      bomBytes: 3,
      how: "bom",
    });
    expect(detectEncoding(utf16le("First Name\tEmail\r\n"))).toEqual({
      encoding: "utf-16le",
      bomBytes: 2,
      how: "bom",
    });
    expect(detectEncoding(utf16be("a,b\n")).encoding).toBe("utf-16be");
  });

  it("recognises UTF-16 without a mark by its zero bytes", () => {
    expect(detectEncoding(utf16le("Name,Email\nZoë,z@x.io\n", false))).toMatchObject({
      encoding: "utf-16le",
      how: "detected",
    });
  });

  it("takes valid UTF-8 as UTF-8, even when a multi-byte letter is cut at the end of the sample", () => {
    const b = Buffer.from("Name\nZoë Müller\n");
    expect(detectEncoding(b).encoding).toBe("utf-8");
    expect(detectEncoding(b.subarray(0, b.indexOf(0xc3) + 1)).encoding).toBe("utf-8");
  });

  it("tells Western from Central European code pages by which reads like words", () => {
    const german = codePage(
      "Name;Straße;Ort\nJürgen Müller;Königstraße 5;Köln\nFrançois;Rue;Genève €\n",
      cp1252,
    );
    expect(detectEncoding(german)).toMatchObject({ encoding: "windows-1252", how: "detected" });
    const polish = codePage(
      "Imię;Nazwisko;Miasto\nŁukasz;Wiśniewski;Łódź\nAgnieszka;Bąk;Kraków\nJiří;Dvořák;Brno\n",
      {
        ...cp1250,
        Ł: 0xa3,
        ń: 0xf1,
        ź: 0x9f,
        í: 0xed,
        á: 0xe1,
        ę: 0xea,
      },
    );
    expect(detectEncoding(polish)).toMatchObject({ encoding: "windows-1250", how: "detected" });
  });

  it("skips a byte-order mark only when it belongs to the chosen encoding", () => {
    expect(bomLength(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), "utf-8")).toBe(3);
    expect(bomLength(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), "windows-1252")).toBe(0);
  });
});
