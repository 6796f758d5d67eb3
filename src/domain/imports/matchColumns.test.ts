import { describe, expect, it } from "vitest";
import { applyMapping } from "./applyMapping";
import { matchColumns } from "./matchColumns";
import { validateLeadRow } from "./validateLeadRow";

const targets = (headers: string[], rows: string[][] = []) =>
  Object.fromEntries(matchColumns(headers, rows).map((m) => [m.header, m.target]));

describe("matchColumns", () => {
  it("maps an Apollo export, preferring Email over Email Status", () => {
    expect(
      targets([
        "First Name",
        "Last Name",
        "Title",
        "Company",
        "Email",
        "Email Status",
        "Person Linkedin Url",
        "Website",
        "City",
        "# Employees",
        "Seniority",
        "Mobile Phone",
        "Industry",
      ]),
    ).toMatchObject({
      "First Name": "firstName",
      "Last Name": "lastName",
      Title: "jobTitle",
      Company: "company",
      Email: "email",
      "Email Status": "custom",
      "Person Linkedin Url": "linkedinUrl",
      Website: "companyDomain",
      City: "location",
      "# Employees": "companySize",
      Seniority: "seniority",
      "Mobile Phone": "phone",
      Industry: "industry",
    });
  });

  it("maps lemlist / Instantly camel and snake case", () => {
    expect(targets(["firstName", "lastName", "companyName", "linkedinUrl", "icebreaker"])).toEqual({
      firstName: "firstName",
      lastName: "lastName",
      companyName: "company",
      linkedinUrl: "linkedinUrl",
      icebreaker: "custom",
    });
    expect(
      targets(["first_name", "last_name", "company_name", "email", "personalization", "website"]),
    ).toMatchObject({
      first_name: "firstName",
      company_name: "company",
      personalization: "custom",
      website: "companyDomain",
    });
  });

  it("maps HubSpot and plain spreadsheet headers", () => {
    expect(
      targets([
        "Given name",
        "Surname",
        "E-mail",
        "Organisation",
        "Position",
        "Country/Region",
        "Phone Number",
        "Time zone",
      ]),
    ).toEqual({
      "Given name": "firstName",
      Surname: "lastName",
      "E-mail": "email",
      Organisation: "company",
      Position: "jobTitle",
      "Country/Region": "location",
      "Phone Number": "phone",
      "Time zone": "timezone",
    });
  });

  it("splits a Full Name column when there are no first/last columns", () => {
    const m = matchColumns(["Full Name", "Profile"], [["Ada Lovelace King", "linkedin.com/in/ada"]]);
    expect(m.map((c) => c.target)).toEqual(["fullName", "linkedinUrl"]);
    expect(m[1]!.confidence).toBe("sniffed");
    expect(applyMapping(m, ["Ada Lovelace King", "linkedin.com/in/ada"])).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace King",
    });
  });

  it("sniffs unknown columns by their values and keeps the rest as custom merge fields", () => {
    const m = matchColumns(
      ["Who", "Contact at"],
      [
        ["x", "jane@acme.com"],
        ["y", "bob@acme.com"],
      ],
    );
    expect(m.map((c) => [c.target, c.customKey])).toEqual([
      ["custom", "who"],
      ["email", undefined],
    ]);
    expect(m[1]!.samples).toEqual(["jane@acme.com", "bob@acme.com"]);
  });
});

describe("validateLeadRow", () => {
  it("needs a LinkedIn URL or an email", () => {
    expect(validateLeadRow({ firstName: "Ada" })).toEqual({
      ok: false,
      reason: "a lead needs a LinkedIn URL or an email",
    });
    const bad = validateLeadRow({ email: "nope" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('email "nope" is not a valid address');
  });
  it("keeps a person with a good LinkedIn URL and drops a bad email with a warning", () => {
    const r = validateLeadRow({ linkedinUrl: "uk.linkedin.com/in/Ada/", email: "broken@" });
    expect(r.ok && r.lead).toMatchObject({
      linkedinKey: "li:ada",
      linkedinUrl: "https://www.linkedin.com/in/ada",
    });
    expect(r.ok && r.warnings.length).toBe(1);
  });
  it("derives the company domain from a work email, not from a free mailbox", () => {
    expect(
      validateLeadRow({ email: "Ada@Acme.io" }).ok && validateLeadRow({ email: "Ada@Acme.io" }),
    ).toMatchObject({ lead: { email: "ada@acme.io", companyDomain: "acme.io" } });
    const gmail = validateLeadRow({ email: "ada@gmail.com" });
    expect(gmail.ok && gmail.lead.companyDomain).toBeUndefined();
  });
});
