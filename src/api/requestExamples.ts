/**
 * One realistic request body per write route, shown in the OpenAPI document (and the docs UI at
 * /api/docs). `test/openapiExamples.test.ts` checks that every route with a body has one and that
 * each passes its route's validation. Ids are placeholders: use your own.
 */
const LEAD = "7b1f9a52-3c1e-4a8e-9a3b-2f1d0c9e8a71";
const LIST = "0c5d8e2a-91b4-4f3a-8e6d-5a4b3c2d1e0f";
const RUN = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
const SENDER = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
const PROFILE = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const DRAFT = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
const emailStep = {
  channel: "email",
  delayDays: 0,
  condition: "always",
  subject: "An idea for {{company|your team}}",
  body: "Hi {{first_name|there}},\n\nA short idea for {{company|your team}}.",
};

export const requestExamples: Record<string, unknown> = {
  "POST /api/setup": {
    workspaceName: "Acme Sales",
    email: "owner@acme.example",
    password: "a-long-passphrase",
  },
  "POST /api/auth/login": { email: "owner@acme.example", password: "a-long-passphrase" },
  "POST /api/auth/switch-workspace": { workspaceId: "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f" },
  "PATCH /api/workspace": {
    name: "Acme Sales",
    timezone: "Europe/Berlin",
    windowStart: "09:00",
    skipWeekends: true,
  },
  "POST /api/members": {
    email: "rep@acme.example",
    name: "Rita Rep",
    role: "member",
    password: "a-long-passphrase",
  },
  "PATCH /api/members/:userId": { role: "admin" },
  "POST /api/api-keys": { name: "CRM sync" },
  "POST /api/leads": {
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@engines.example",
    company: "Analytical Engines",
    companyDomain: "engines.example",
    jobTitle: "Head of Engineering",
    linkedinUrl: "https://www.linkedin.com/in/ada-lovelace",
    location: "London, UK",
    listId: LIST,
  },
  "PATCH /api/leads/:id": { jobTitle: "CTO", status: "replied" },
  "POST /api/leads/bulk": { action: "add_to_list", ids: [LEAD], listId: LIST },
  "POST /api/lists": { name: "Q1 prospects" },
  "PATCH /api/lists/:id": { name: "Q1 prospects (EMEA)" },
  "POST /api/lists/:id/duplicate": { name: "Q1 prospects copy" },
  "POST /api/lists/:id/members": { leadIds: [LEAD] },
  "POST /api/lists/:id/members/remove": { leadIds: [LEAD] },
  "POST /api/imports/:id/start": { listId: LIST },
  "POST /api/blocklist": { value: "competitor.example", reason: "competitor" },
  "POST /api/blocklist/import": { text: "competitor.example\nceo@partner.example" },
  "POST /api/plays": {
    name: "Webinar follow-up",
    goal: "Book a demo with attendees",
    category: "events",
    relationship: "warm",
    channels: ["email"],
    steps: [
      { channel: "email", delayDays: 0, condition: "always" },
      { channel: "email", delayDays: 3, condition: "no_reply" },
    ],
  },
  "POST /api/runs": { name: "Q1 outbound", playKey: "builtin:email-only" },
  "PATCH /api/runs/:id": { status: "paused" },
  "POST /api/strategy-profiles": {
    name: "Main pitch",
    senderName: "Sam",
    senderCompany: "Overture",
    offer: "cut release time in half",
    proofPoints: ["Acme ships daily now"],
    tone: "friendly",
    callToAction: "Open to a short call",
  },
  "POST /api/sender-accounts": {
    kind: "smtp",
    name: "Sam at Acme",
    fromEmail: "sam@acme.example",
    fromName: "Sam",
    smtp: {
      host: "smtp.acme.example",
      port: 587,
      secure: false,
      user: "sam@acme.example",
      password: "app-password",
    },
    imap: {
      host: "imap.acme.example",
      port: 993,
      secure: true,
      user: "sam@acme.example",
      password: "app-password",
    },
    dailyCap: 50,
    minGapSeconds: 120,
    jitterSeconds: 180,
  },
  "PATCH /api/sender-accounts/:id": { dailyCap: 80, minGapSeconds: 90, dkimSelector: "s1" },
  "POST /api/sender-accounts/:id/domain-check": { dkimSelector: "s1" },
  "POST /api/sender-accounts/:id/domain-check/override": {
    reason: "DMARC is being fixed by IT this week; the first sends are to existing customers",
  },
  "PUT /api/sender-accounts/:id/tracking-domain": { domain: "track.acme.com" },
  "POST /api/sequences": {
    runId: RUN,
    name: "Engineering leaders",
    listIds: [LIST],
    strategyProfileId: PROFILE,
    senderAccountId: SENDER,
    steps: [
      emailStep,
      { channel: "email", delayDays: 3, condition: "no_reply", body: "Following up, {{first_name|there}}." },
    ],
  },
  "PATCH /api/sequences/:id": {
    senderAccountIds: [SENDER],
    trackOpens: true,
    messageSource: "personalised",
    sendDays: [1, 2, 3, 4, 5],
    skipHolidays: true,
  },
  "PUT /api/sequences/:id/steps": { steps: [emailStep] },
  "PUT /api/sequences/:id/steps/:idx/winner": { winner: "B" },
  "POST /api/sequences/:id/launch": { skipBlocked: true },
  "POST /api/sequences/:id/archive": { archived: true },
  "POST /api/runs/:id/archive": { archived: true },
  "POST /api/sandbox/messages/:id/report": { kind: "mailbox_full" },
  "PATCH /api/deliverability": {
    bouncePauseRate: 0.04,
    complaintPauseRate: 0.002,
    softBounceLimit: 3,
    perDomainDailyLimit: 15,
  },
  "POST /api/sandbox/messages/:id/reply": {
    text: "Sounds interesting, can we talk Thursday?",
    autoReply: false,
  },
  "POST /api/leads/audits": { leadIds: [LEAD] },
  "POST /api/leads/verify-emails": { leadIds: [LEAD] },
  "POST /api/leads/enrich": { leadIds: [LEAD] },
  "PATCH /api/emails/:id": {
    subject: "A quick note on your site",
    body: "Hi Ada,\n\nOne thing stood out on your site…",
  },
  "POST /api/emails/:id/send": { senderAccountId: SENDER },
  "POST /api/sequences/:id/messages/generate": { mode: "missing" },
  "PATCH /api/messages/drafts/:id": {
    subject: "Your post on Rust builds",
    body: "Hi Ada, your post on Rust builds…",
  },
  "POST /api/messages/drafts/approve": { ids: [DRAFT] },
  "POST /api/webhooks": {
    url: "https://crm.acme.example/overture-events",
    events: ["lead.replied", "lead.status_changed"],
    description: "CRM sync",
  },
  "PATCH /api/webhooks/:id": { active: false },
  "POST /api/inbox/leads/:id/:channel/reply": { text: "Thursday 3pm works. I'll send an invite." },
  "POST /api/inbox/messages/:id/classify": { classification: "interested", markConverted: true },
  "PATCH /api/usage/limits": { llmCostUsd: 25, verifications: 5000, emailsSent: null },
  "PUT /api/integrations/plusvibe": { apiKey: "pv_live_…", workspaceId: "65f0c1e2a9b8c7d6e5f4a3b2" },
  "POST /api/plusvibe/leads/push": { leadIds: [LEAD], campaignId: "66a1b2c3d4e5f6a7b8c9d0e1" },
  "POST /api/plusvibe/leads/complete": { leadIds: [LEAD] },
  "PUT /api/integrations/linkedin": {
    apiKey: "unipile-key…",
    dsn: "api8.unipile.com:13851",
    accountId: "3H-KVe-mQ2GT9M0hKSkgHgs",
  },
  "POST /api/discovery/interpret": {
    text: "Heads of marketing at SaaS companies in Germany with 50-200 employees",
  },
  "POST /api/discovery/preview": {
    provider: "sandbox",
    filters: { titles: ["Head of Marketing"], industries: ["SaaS"], locations: ["Germany"] },
  },
  "POST /api/discovery/searches": {
    name: "Marketing heads, German SaaS",
    query: "Heads of marketing at SaaS companies in Germany",
    provider: "sandbox",
    filters: { titles: ["Head of Marketing"], industries: ["SaaS"], locations: ["Germany"] },
    count: 50,
  },
  "PUT /api/integrations/linkedin/limits": {
    invitesPerDay: 15,
    invitesPerWeek: 80,
    messagesPerDay: 40,
    workStart: "08:30",
    workEnd: "17:30",
    timezone: "Europe/Berlin",
    freeAccount: true,
  },
  "POST /api/linkedin/webhooks/:token": {
    event: "message_received",
    account_id: "3H-KVe-mQ2GT9M0hKSkgHgs",
    sender: { attendee_provider_id: "ACoAAB…", attendee_public_identifier: "ada-lovelace" },
    message: "Thanks for reaching out, happy to talk.",
  },
  "POST /api/plusvibe/webhooks/:token": {
    webhook_event: "ALL_EMAIL_REPLIES",
    lead_email: "ada@engines.example",
    subject: "Re: A quick note",
    text_body: "Sounds interesting, let's talk.",
  },
};
