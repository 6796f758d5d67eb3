import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchBrowser, shotsDir, signIn } from "../support/browser";
import { startDnsServer, type Zone } from "../support/dnsServer";
import { apiCaller, e2eWorkspace } from "../support/e2eWorkspace";
import { startOverture } from "../support/serverProcess";

const ci = process.env.CI === "true";
let closeWorkspace: () => Promise<void> | undefined = () => undefined;
let env: Record<string, string>;
let apiKey = "";
let dns: Awaited<ReturnType<typeof startDnsServer>>;

// Brightco's domain is set up right except its DMARC record, which misses the ";" after v=DMARC1.
const zone: Zone = {
  "brightco.test": {
    mx: [{ priority: 10, exchange: "mx.brightco.test" }],
    txt: ["v=spf1 include:_spf.mailhost.test -all"],
  },
  "_spf.mailhost.test": { txt: ["v=spf1 ip4:192.0.2.0/24 -all"] },
  "smtp.mailhost.test": { a: ["192.0.2.25"] },
  "25.2.0.192.in-addr.arpa": { ptr: ["out.mailhost.test"] },
  "out.mailhost.test": { a: ["192.0.2.25"] },
  "mh1._domainkey.brightco.test": { txt: ["v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQ"] },
  "_dmarc.brightco.test": { txt: ["v=DMARC1 p=quarantine"] },
};

beforeAll(async () => {
  dns = await startDnsServer(zone);
  // The server process reads DNS_SERVERS from its environment: its look-ups go to this test's server.
  ({
    env,
    apiKey,
    close: closeWorkspace,
  } = await e2eWorkspace("Bright Co", "op@brightco.test", {
    DNS_SERVERS: dns.address,
  }));
});
afterAll(async () => {
  await closeWorkspace();
  await dns?.close();
});

describe.skipIf(!chromiumPath && !ci)("sender domain checks in the browser", () => {
  it("a broken DMARC record holds launch with its fix; fixed and checked again, the sequence launches", async () => {
    // Links in mail point to PUBLIC_URL: the host a tracking domain's CNAME must name.
    // The server prints PUBLIC_URL, a name only this test's DNS knows; the browser goes to the listen address.
    const started = await startOverture(["all"], { ...env, PUBLIC_URL: "http://overture-host.com" });
    const server = { ...started, url: `http://127.0.0.1:${env.PORT}` };
    const browser = await launchBrowser();
    const call = apiCaller(server.url, apiKey);
    try {
      const list = await call("POST", "/api/lists", { name: "Prospects" });
      await call("POST", "/api/leads", { firstName: "Ada", email: "ada@prospect.example", listId: list.id });

      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await signIn(page, server.url, "op@brightco.test");

      // A new user adds their real mailbox as a sender.
      await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
      await page.getByRole("tab", { name: "Senders" }).click();
      await page.getByLabel("Kind").selectOption("smtp");
      await page.getByLabel("Account name").fill("Olive at Bright");
      await page.getByLabel("From address").fill("olive@brightco.test");
      await page.getByLabel("SMTP host").fill("smtp.mailhost.test");
      await page.getByRole("button", { name: "Add sender" }).click();
      await page.getByText("Added Olive at Bright").waitFor();

      const card = page.getByLabel("Domain check of Olive at Bright");
      await card.getByText("Not checked yet.").waitFor();
      // Finding the selector from a test message needs the mailbox's IMAP settings to read it back.
      await card.getByRole("button", { name: "Find from a test message" }).click();
      await card.getByText(/add the IMAP settings of this mailbox .* or enter the selector/).waitFor();
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shotsDir, "sender-domain-find-dkim-needs-imap.png") });
      await card.getByLabel("DKIM selector").fill("mh1");
      await card.getByRole("button", { name: "Check domain" }).click();
      const dmarcRow = card.getByRole("row").filter({ hasText: "DMARC" });
      await dmarcRow.getByText("fail").waitFor();
      expect(await dmarcRow.innerText()).toMatch(/malformed \(it must start with "v=DMARC1;"\)/);
      for (const name of ["MX", "SPF", "DKIM", "Reverse DNS"])
        expect(await card.getByRole("row").filter({ hasText: name }).first().innerText()).toMatch(/pass/);
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shotsDir, "sender-domain-check-failing.png"), fullPage: true });

      // The sequence on that sender: launch is held, and the dialog says what to fix.
      const senders = await call("GET", "/api/sender-accounts");
      const run = await call("POST", "/api/runs", { name: "Q3", playKey: "builtin:email-only" });
      const seq = await call("POST", "/api/sequences", {
        runId: run.id,
        name: "Bright intro",
        listIds: [list.id],
        senderAccountId: senders[0].id,
        steps: [
          { channel: "email", delayDays: 0, condition: "always", subject: "Hi", body: "A short note." },
        ],
      });
      await page.goto(`${server.url}/sequences/${seq.id}`);
      await page.getByRole("button", { name: "Launch" }).click();
      const dialog = page.getByRole("dialog", { name: "Launch this sequence?" });
      await dialog.getByRole("button", { name: "Launch now" }).click();
      const alert = dialog.getByRole("alert");
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(
        /DMARC of brightco.test .*failed: The DMARC record at _dmarc.brightco.test is malformed/,
      );
      await page.screenshot({ path: path.join(shotsDir, "sender-domain-launch-held.png"), fullPage: true });
      await dialog.getByRole("button", { name: "Cancel" }).click();

      // An admin may accept the failure (it goes on the audit log) ...
      await page.goto(`${server.url}/settings?tab=senders`);
      await card.getByLabel("Why launch anyway?").fill("IT fixes DMARC today");
      await card.getByRole("button", { name: "Launch anyway" }).click();
      await card.getByText(/chose to launch anyway .*“IT fixes DMARC today”/).waitFor();
      // ... but here the user fixes the record at their DNS host, checks again (which asks anew), and launches.
      zone["_dmarc.brightco.test"] = { txt: ["v=DMARC1; p=quarantine"] };
      await card.getByRole("button", { name: "Check domain" }).click();
      await card.getByRole("row").filter({ hasText: "DMARC" }).getByText("pass").waitFor();
      expect(await card.getByText(/chose to launch anyway/).count()).toBe(0);
      await page.screenshot({ path: path.join(shotsDir, "sender-domain-fixed.png"), fullPage: true });
      await page.goto(`${server.url}/sequences/${seq.id}`);
      await page.getByRole("button", { name: "Launch" }).click();
      await dialog.getByRole("button", { name: "Launch now" }).click();
      await page.getByText(/Launched: 1 lead/).waitFor();
      await page.screenshot({ path: path.join(shotsDir, "sender-domain-launched.png"), fullPage: true });

      // A tracking domain: saved before its CNAME exists, links stay on PUBLIC_URL and the record to add
      // is named; once the record is there, Check again moves the links to it.
      await page.goto(`${server.url}/settings?tab=senders`);
      const tracking = card.getByRole("group", { name: "Custom tracking domain" });
      await tracking.getByLabel("Tracking domain", { exact: true }).fill("Track.Brightco.com");
      await tracking.getByRole("button", { name: "Save and check" }).click();
      const status = tracking.getByRole("status");
      await status.getByText("fail").waitFor();
      expect(await status.innerText()).toMatch(
        /track\.brightco\.com has no CNAME record\. Add a DNS record: track\.brightco\.com CNAME overture-host\.com\. Links in this sender's mail point to http:\/\/overture-host\.com\./,
      );
      await tracking.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shotsDir, "tracking-domain-missing-cname.png") });
      zone["track.brightco.com"] = { cname: "overture-host.com" };
      await tracking.getByRole("button", { name: "Check again" }).click();
      await status.getByText("pass").waitFor();
      expect(await status.innerText()).toMatch(/point to http:\/\/track\.brightco\.com\./);
      expect(await tracking.getByLabel("Tracking domain", { exact: true }).inputValue()).toBe(
        "track.brightco.com",
      );
      await page.screenshot({ path: path.join(shotsDir, "tracking-domain-in-use.png") });

      // The sender's deliverability page, from its name in Sender health: charts, warm-up, DNS results.
      await page.goto(`${server.url}/settings?tab=senders`);
      await page
        .getByRole("region", { name: "Sender health" })
        .getByRole("link", { name: "Olive at Bright" })
        .click();
      await page.getByRole("heading", { name: /Olive at Bright/ }).waitFor();
      await page.getByRole("img", { name: "Bounces by class and complaints per day" }).waitFor();
      expect(await page.getByText(/Last 30 days, by day in /).innerText()).toMatch(/0 bounced/);
      expect(await page.getByText(/No warm-up: the full cap of \d+ a day/).count()).toBe(1);
      const dns = page.getByRole("region", { name: "Domain check" });
      expect(await dns.getByRole("row").filter({ hasText: "DMARC" }).innerText()).toMatch(/pass/);
      await page.screenshot({ path: path.join(shotsDir, "sender-deliverability.png"), fullPage: true });
      await page.goBack();
      await page.getByRole("tab", { name: "Senders", selected: true }).waitFor();
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 120_000);
});
