import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, shotsDir } from "../support/browser";
import { e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let ws: Awaited<ReturnType<typeof e2eWorkspace>>;
beforeAll(async () => {
  ws = await e2eWorkspace("Messy Co", "op@messy.test");
});
afterAll(async () => {
  await ws.close();
});

/**
 * An Apollo people export (its column layout, shortened) re-saved by Excel in a German locale:
 * semicolons, Windows-1252, CRLF. Line 4 has no email and no LinkedIn URL; line 6 opens a quote
 * it never closes; line 7 carries a NUL byte.
 */
function messyExport(file: string) {
  const rows = [
    "First Name;Last Name;Title;Company;Company Name for Emails;Email;Email Status;Seniority;Person Linkedin Url;Website;City;Country",
    "Jürgen;Müller;Geschäftsführer;Müller & Söhne GmbH;Müller;jm@mueller-soehne.de;Verified;Owner;http://www.linkedin.com/in/juergen-mueller;https://mueller-soehne.de;Köln;Germany",
    "Zoë;Lefèvre;Directrice commerciale;Café Crème SA;Café Crème;zoe@cafe-creme.fr;Verified;Director;;https://cafe-creme.fr;Paris;France",
    "Ines;Weiß;Einkauf;Weiß AG;Weiß;;Unavailable;Manager;;https://weiss.example;München;Germany",
    "Lukas;Steinhof;Co-Founder;Nimbus AI;Nimbus;lucas@getnimbus.ai;Verified;Founder;http://www.linkedin.com/in/lucas-steinhof;https://getnimbus.ai;Berlin;Germany",
    'Mia;Holm;"VP Sales;Quill;Quill;mia@quillhq.io;Verified;VP;;http://www.quillhq.io;Stockholm;Sweden',
    "Noah;Berg\u0000;CTO;Fjord;Fjord;noah@fjord.no;Verified;CXO;;https://fjord.no;Oslo;Norway",
    "Emma;Schäfer;Head of Growth;Blau GmbH;Blau;emma@blau.de;Verified;Head;;https://blau.de;Hamburg;Germany",
  ];
  writeFileSync(file, iconv.encode(rows.join("\r\n") + "\r\n", "windows-1252"));
}

describe.skipIf(!chromiumPath && !ci)("importing a messy export in the browser", () => {
  it("shows the report with line numbers, downloads the rejected rows, and a fixed re-import adds up", async () => {
    mkdirSync(shotsDir, { recursive: true });
    const file = path.join(shotsDir, "apollo-excel-de.csv");
    messyExport(file);
    const server = await startOverture(["all"], ws.env);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
      await page.goto(server.url);
      await page.getByLabel("Email").fill("op@messy.test");
      await page.getByLabel("Password").fill("violet-harbour-lantern-42");
      await page.getByRole("button", { name: "Sign in" }).click();

      await page.getByRole("navigation").getByRole("link", { name: "Lists" }).click();
      await page.getByRole("button", { name: "Import CSV / XLSX" }).click();
      await page.getByLabel("File").setInputFiles(file);
      await page.getByRole("button", { name: "Upload and review columns" }).click();
      const encoding = page.getByLabel("Characters (encoding)");
      await encoding.waitFor();
      expect(await encoding.inputValue()).toBe("windows-1252");
      expect(await page.getByLabel("Columns separated by").inputValue()).toBe(";");
      expect(await page.getByLabel("Import column Person Linkedin Url as").inputValue()).toBe("linkedinUrl");
      await expect(page.getByText("Jürgen").first().isVisible()).resolves.toBe(true);
      await page.getByLabel("New list name").fill("Messy import");
      await page.screenshot({ path: path.join(shotsDir, "import-messy-mapping.png"), fullPage: true });
      await page.getByRole("button", { name: "Import leads" }).click();

      const report = page.getByRole("status").filter({ hasText: "added" });
      await report.waitFor({ timeout: 60_000 });
      const text = await report.innerText();
      expect(text).toMatch(/5\s*added/);
      expect(text).toMatch(/2\s*rejected/);
      expect(text).toMatch(/1\s*warnings/);
      expect(text).toContain("Line 4: a lead needs a LinkedIn URL or an email");
      expect(text).toContain("Line 6: a quote opened on this line is never closed");
      expect(text).toContain("as WINDOWS-1252, semicolon-separated");
      await page.getByText("Warnings (imported, with a change)").click();
      expect(await report.innerText()).toContain("Line 7: NUL characters were removed");
      await page.screenshot({ path: path.join(shotsDir, "import-messy-report.png"), fullPage: true });

      const downloading = page.waitForEvent("download");
      await page.getByRole("link", { name: "Download the 2 rejected rows (CSV)" }).click();
      const download = await downloading;
      const rejected = path.join(shotsDir, "rejected-rows.csv");
      await download.saveAs(rejected);
      const lines = readFileSync(rejected, "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]!.endsWith(";Line in original file;Why it was rejected")).toBe(true);
      expect(lines.slice(1).map((l) => l.split(";")[0])).toEqual(["Ines", "Mia"]);

      // Fix the two rows the way a person would in a spreadsheet: give Ines her email, close Mia's quote.
      const fixed = [
        lines[0],
        lines[1]!.replace(";;Unavailable;", ";ines@weiss.example;Unavailable;"),
        lines[2]!.replace('"VP Sales', "VP Sales"),
      ];
      const fixedFile = path.join(shotsDir, "rejected-rows-fixed.csv");
      writeFileSync(fixedFile, "\uFEFF" + fixed.join("\r\n") + "\r\n");

      await page.getByRole("button", { name: "Close import" }).click();
      await page.getByRole("button", { name: "Import CSV / XLSX" }).click();
      await page.getByLabel("File").setInputFiles(fixedFile);
      await page.getByRole("button", { name: "Upload and review columns" }).click();
      await page.getByLabel("Import column Why it was rejected as").waitFor();
      expect(await page.getByLabel("Import column Why it was rejected as").inputValue()).toBe("ignore");
      await page.getByLabel("Into list").selectOption({ label: "Messy import" });
      await page.getByRole("button", { name: "Import leads" }).click();
      const second = page.getByRole("status").filter({ hasText: "added" });
      await second.waitFor({ timeout: 60_000 });
      const secondText = await second.innerText();
      expect(secondText).toMatch(/2\s*added/);
      expect(secondText).toMatch(/0\s*rejected/);
      await page.screenshot({ path: path.join(shotsDir, "import-fixed-report.png"), fullPage: true });

      await page.getByRole("button", { name: "Close import" }).click();
      const listRow = page.getByRole("row").filter({ hasText: "Messy import" });
      await listRow.waitFor();
      await page.reload();
      await listRow.waitFor();
      expect(await listRow.innerText()).toMatch(/\b7\b/);
      await page.screenshot({ path: path.join(shotsDir, "import-lists-count.png"), fullPage: true });
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 180_000);
});
