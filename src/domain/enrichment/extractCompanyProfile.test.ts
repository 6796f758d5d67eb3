import { describe, expect, it } from "vitest";
import { extractCompanyProfile, type SitePage } from "./index";

const NOW = new Date("2024-06-15T12:00:00Z");
const profileOf = (pages: SitePage[], now = NOW) => extractCompanyProfile(pages, now);
const home = (html: string, url = "https://www.acme-robotics.example/"): SitePage => ({ url, html });

const EMPTY = {
  name: null,
  description: null,
  industryHints: [],
  socialLinks: [],
  signals: [],
  emails: [],
  phones: [],
};

const homepage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Home | Acme Robotics</title>
  <meta name="description" content="  Acme Robotics builds warehouse
     automation &amp; logistics software for mid-sized manufacturers.&nbsp;We&#39;re based in Leeds. ">
  <meta property="og:site_name" content="Acme Robotics">
  <script type="application/ld+json">
    {"@context":"https://schema.org","@type":"Organization","name":"Acme Robotics Ltd",
     "sameAs":["https://www.linkedin.com/company/acme-robotics/","https://github.com/acme-robotics"]}
  </script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/pricing">Pricing</a> <a href="/careers">Careers</a></nav>
  <h1>Robots that pick, pack and ship</h1>
  <h2>Built for manufacturing and e-commerce fulfilment</h2>
  <p>Questions? Write to <a href="mailto:Sales@Acme-Robotics.example?subject=Demo">our sales team</a>
     or hello@acme-robotics.example. Press: press@othermedia.example</p>
  <p>Call <a href="tel:+44 113 496 0000">+44 113 496 0000</a></p>
  <footer>
    <h2>Legal</h2>
    <a href="https://twitter.com/intent/tweet?text=Acme">Tweet this</a>
    <a href="http://x.com/AcmeRobotics/?utm_source=site&amp;s=20">X</a>
    <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Facme-robotics.example">Share</a>
    <a href="https://www.youtube.com/@acmerobotics/?feature=shared">YouTube</a>
    <a href="https://twitter.com/someone_else">Also Twitter</a>
  </footer>
</body>
</html>`;

describe("extractCompanyProfile: empty and broken input", () => {
  it("returns nulls and empty lists for no pages", () => {
    expect(profileOf([])).toEqual(EMPTY);
  });

  it("returns nulls and empty lists for empty, blank and junk pages", () => {
    expect(
      profileOf([
        { url: "https://acme.example/", html: "" },
        { url: "not a url", html: "   \n " },
        { url: "https://acme.example/x", html: "<<<>>> <div <p <a href=" },
      ]),
    ).toEqual(EMPTY);
  });

  it("ignores JSON-LD that fails to parse and still reads the rest of the page", () => {
    const profile = profileOf([
      home(`<head>
        <script type="application/ld+json">{"@type":"Organization","name":"Broken Inc",</script>
        <script type="application/ld+json">{"@type":"Organization","name":"Acme Robotics","sameAs":"https://instagram.com/acmerobotics"}</script>
        <meta name="description" content="Still here.">
      </head>`),
    ]);
    expect(profile.name).toBe("Acme Robotics");
    expect(profile.description).toBe("Still here.");
    expect(profile.socialLinks).toEqual([{ kind: "instagram", url: "https://instagram.com/acmerobotics" }]);
  });

  it("copes with unclosed tags and a page cut off mid-tag", () => {
    const profile = profileOf([
      home(`<title>Acme Robotics</title><div><p>Mail <a href="mailto:info@acme-robotics.example">us<p>
        <h2>Logistics robots<div><a href="tel:0113 496 0001">call</a><a href="https://github.com/acm`),
    ]);
    expect(profile.name).toBe("Acme Robotics");
    expect(profile.emails).toEqual(["info@acme-robotics.example"]);
    expect(profile.phones).toEqual(["01134960001"]);
    expect(profile.industryHints).toEqual(["logistics"]);
    expect(profile.socialLinks).toEqual([]);
  });

  it("reads at most the first 2 MB of a page", () => {
    const filler = `<p>${"x".repeat(2 * 1024 * 1024)}</p>`;
    const profile = profileOf([
      home(
        `<a href="mailto:early@acme-robotics.example">a</a>${filler}<a href="mailto:late@acme-robotics.example">b</a>`,
      ),
    ]);
    expect(profile.emails).toEqual(["early@acme-robotics.example"]);
  });
});

describe("extractCompanyProfile: company facts", () => {
  it("reads a realistic homepage", () => {
    const profile = profileOf([home(homepage)]);
    expect(profile).toEqual({
      name: "Acme Robotics",
      description:
        "Acme Robotics builds warehouse automation & logistics software for mid-sized manufacturers. We're based in Leeds.",
      industryHints: ["logistics", "manufacturing", "e-commerce"],
      socialLinks: [
        { kind: "linkedin", url: "https://www.linkedin.com/company/acme-robotics" },
        { kind: "github", url: "https://github.com/acme-robotics" },
        { kind: "twitter", url: "https://x.com/AcmeRobotics" },
        { kind: "youtube", url: "https://www.youtube.com/@acmerobotics" },
      ],
      signals: [
        {
          kind: "hiring",
          text: "They are hiring",
          url: "https://www.acme-robotics.example/careers",
          date: null,
        },
      ],
      emails: ["sales@acme-robotics.example", "hello@acme-robotics.example"],
      phones: ["+441134960000"],
    });
  });

  it("takes the name from og:site_name before JSON-LD and the title", () => {
    const html = `<title>Robots | Acme</title><meta property="og:site_name" content=" Acme &amp; Sons ">
      <script type="application/ld+json">{"@type":"Organization","name":"Acme Holdings"}</script>`;
    expect(profileOf([home(html)]).name).toBe("Acme & Sons");
  });

  it("takes the name from a JSON-LD Organization inside @graph when there is no og:site_name", () => {
    const html = `<title>Home</title><script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[
        {"@type":"WebPage","name":"Home"},
        {"@type":["Organization","Corporation"],"name":"Acme Robotics &amp; Co","description":"From JSON-LD."}
      ]}</script>`;
    const profile = profileOf([home(html)]);
    expect(profile.name).toBe("Acme Robotics & Co");
    expect(profile.description).toBe("From JSON-LD.");
  });

  it("splits titles on separators and skips generic parts", () => {
    const nameFor = (title: string, url = "https://www.northwind.example/") =>
      profileOf([{ url, html: `<title>${title}</title>` }]).name;
    expect(nameFor("Home | Northwind Traders")).toBe("Northwind Traders");
    expect(nameFor("Welcome - Northwind Traders")).toBe("Northwind Traders");
    expect(nameFor("Northwind · Home")).toBe("Northwind");
    expect(nameFor("Welcome to Northwind Traders")).toBe("Northwind Traders");
    // The part that names the domain wins over a shorter tagline.
    expect(nameFor("Spreadsheets, finally – Northwind")).toBe("Northwind");
    expect(nameFor("Fresh Bread Daily | Baker &amp; Daughter", "https://bakeranddaughter.example/")).toBe(
      "Baker & Daughter",
    );
    expect(nameFor("Home")).toBeNull();
    expect(nameFor("Welcome")).toBeNull();
  });

  it("uses the part the site's titles share when the domain does not help", () => {
    const pages = [
      { url: "https://nw.example/", html: "<title>Trade software for wholesalers | Northwind</title>" },
      { url: "https://nw.example/about", html: "<title>About | Northwind</title>" },
      { url: "https://nw.example/pricing", html: "<title>Pricing plans | Northwind</title>" },
    ];
    expect(profileOf(pages).name).toBe("Northwind");
  });

  it("falls back from meta description to og:description, preferring the homepage", () => {
    const pages = [
      { url: "https://acme.example/blog/post", html: `<meta name="description" content="A blog post.">` },
      {
        url: "https://acme.example/",
        html: `<meta property="og:description" content="We make &quot;robots&quot;.">`,
      },
    ];
    expect(profileOf(pages).description).toBe('We make "robots".');
  });

  it("cuts a long description at a word boundary within 300 characters", () => {
    const sentence = "Acme builds dependable warehouse robots for growing manufacturers. ";
    const long = sentence.repeat(6); // 402 characters
    const description = profileOf([home(`<meta name="description" content="${long}">`)]).description!;
    expect(description).toBe(`${sentence.repeat(4)}Acme builds dependable…`);
    expect(description.length).toBeLessThanOrEqual(300);
  });

  it("finds industry hints on word boundaries, in order of appearance, at most five", () => {
    const html = `<title>Acme | AI-powered SaaS for hospitals</title>
      <meta name="description" content="We maintain e-commerce and fintech payments tooling for a nonprofit and a law firm.">
      <h1>Cybersecurity too</h1><h3>Real estate (h3 is not read)</h3>`;
    expect(profileOf([home(html)]).industryHints).toEqual([
      "ai",
      "saas",
      "healthcare",
      "e-commerce",
      "fintech",
    ]);
    const noFalseFriends = `<title>Paint &amp; said</title><meta name="description" content="We maintain trains, the legality of aims.">`;
    expect(profileOf([home(noFalseFriends)]).industryHints).toEqual([]);
  });

  it("keeps social links one per kind, normalised, and ignores share buttons", () => {
    const html = `<body>
      <a href="https://twitter.com/intent/tweet?url=x">t</a>
      <a href="https://twitter.com/share?url=x">t</a>
      <a href="https://www.linkedin.com/shareArticle?mini=true&url=x">l</a>
      <a href="https://www.linkedin.com/sharing/share-offsite/?url=x">l</a>
      <a href="https://www.facebook.com/sharer/sharer.php?u=x">f</a>
      <a href="https://www.tiktok.com/@acme?lang=en">tt</a>
      <a href="http://www.facebook.com/AcmeRobotics/?fbclid=abc123#reviews">f</a>
      <a href="https://twitter.com/AcmeRobotics?ref_src=twsrc%5Etfw">t</a>
      <a href="https://x.com/acme_other">x</a>
      <a href="https://instagram.com/acme.hq/?igshid=xyz">ig</a>
      <a href="https://www.facebook.com/">f root</a>
      <a href="https://www.youtube.com/watch?v=abc">video</a>
      <a href="https://youtu.be/abc">video</a>
    </body>`;
    expect(profileOf([home(html)]).socialLinks).toEqual([
      { kind: "tiktok", url: "https://www.tiktok.com/@acme" },
      { kind: "facebook", url: "https://www.facebook.com/AcmeRobotics" },
      { kind: "twitter", url: "https://twitter.com/AcmeRobotics" },
      { kind: "instagram", url: "https://instagram.com/acme.hq" },
    ]);
  });

  it("keeps only the site's own email addresses, lower-cased and deduplicated, at most five", () => {
    const html = `<p>
      <a href="mailto:Info@Acme.example">Info@Acme.example</a>
      <a href="mailto:jobs@acme.example,billing@acme.example?subject=Hi">two</a>
      support@mail.acme.example, someone@gmail.example, logo@2x.png, privacy@acme.example.evil.example
      hello@acme.example sales@acme.example sixth@acme.example
    </p><script>var x = "hidden@acme.example";</script>`;
    expect(profileOf([home(html, "https://www.acme.example/")]).emails).toEqual([
      "info@acme.example",
      "jobs@acme.example",
      "billing@acme.example",
      "support@mail.acme.example",
      "hello@acme.example",
    ]);
  });

  it("reads phone numbers from tel: links only, normalised and deduplicated, at most three", () => {
    const html = `<p>Phone 0800 123 456 (not a link)</p>
      <a href="tel:+1%20(555)%20010-0199">US</a><a href="tel:+15550100199">same</a>
      <a href="tel:+49-30-1234567;ext=12">DE</a><a href="tel:12">too short</a>
      <a href="TEL:020 7946 0000">UK</a><a href="tel:+33 1 23 45 67 89">FR</a>`;
    expect(profileOf([home(html)]).phones).toEqual(["+15550100199", "+49301234567", "02079460000"]);
  });

  it("resolves relative links against the page URL and <base href>", () => {
    const pages = [
      { url: "https://acme.example/en/about/", html: `<a href="../careers/">Join our team</a>` },
      {
        url: "https://acme.example/de/",
        html: `<head><base href="https://acme.example/de/news/"></head>
          <article><h2><a href="launch-day">Acme launches RoboPick 2</a></h2><time datetime="2024-06-01">1. Juni</time></article>`,
      },
    ];
    expect(profileOf(pages).signals).toEqual([
      {
        kind: "launch",
        text: "Acme launches RoboPick 2",
        url: "https://acme.example/de/news/launch-day",
        date: "2024-06-01",
      },
      { kind: "hiring", text: "They are hiring", url: "https://acme.example/en/careers/", date: null },
    ]);
  });
});

const blogListing = `<html><head><title>Blog | Acme Robotics</title></head><body>
  <nav><a href="/">Home</a><a href="/blog">Blog</a></nav>
  <h1>Blog</h1>
  <article class="post">
    <h2><a href="/blog/picking-speed">How we doubled picking speed</a></h2>
    <time datetime="2024-05-20T09:30:00+01:00">20 May 2024</time>
    <a href="/blog/category/engineering">Engineering</a>
  </article>
  <article class="post">
    <a href="/blog/q1-review"><img src="/q1.png" alt=""></a>
    <h2><a href="/blog/q1-review">Our Q1 in review</a></h2>
    <time datetime="2024-04-02">2 April 2024</time>
  </article>
  <article class="post">
    <h2><a href="/blog/undated">An undated post</a></h2>
  </article>
  <article class="post">
    <h2><a href="/blog/warehouse-tour">Inside a customer warehouse</a></h2>
    <time datetime="2024-06-10">10 June 2024</time>
  </article>
  <article class="post">
    <h2><a href="/blog/robots-101">Robots 101</a></h2>
    <time datetime="2024-03-01">1 March 2024</time>
  </article>
  <article class="post">
    <h2><a href="/blog/old-news">Our 2023 office move</a></h2>
    <time datetime="2023-11-01">1 November 2023</time>
  </article>
</body></html>`;

describe("extractCompanyProfile: news, funding and launch signals", () => {
  it("lists dated blog posts newest first, at most three, and never undated ones", () => {
    const profile = profileOf([{ url: "https://acme.example/blog", html: blogListing }]);
    expect(profile.signals).toEqual([
      {
        kind: "news",
        text: "Inside a customer warehouse",
        url: "https://acme.example/blog/warehouse-tour",
        date: "2024-06-10",
      },
      {
        kind: "news",
        text: "How we doubled picking speed",
        url: "https://acme.example/blog/picking-speed",
        date: "2024-05-20",
      },
      {
        kind: "news",
        text: "Our Q1 in review",
        url: "https://acme.example/blog/q1-review",
        date: "2024-04-02",
      },
    ]);
  });

  it("keeps posts from 120 days before now up to 1 day after it, and nothing outside", () => {
    const post = (slug: string, date: string) =>
      `<article><h3><a href="/news/${slug}">Post ${slug}</a></h3><time datetime="${date}">${date}</time></article>`;
    const html = [
      post("a", "2024-02-15"), // 121 days before
      post("b", "2024-02-16"), // exactly 120 days before
      post("c", "2024-06-16T08:00:00Z"), // tomorrow
      post("d", "2024-06-17"), // two days ahead
      post("e", "2024-02-30"), // not a date
    ].join("\n");
    const signals = profileOf([{ url: "https://acme.example/news", html }]).signals;
    expect(signals.map((s) => [s.text, s.date])).toEqual([
      ["Post c", "2024-06-16"],
      ["Post b", "2024-02-16"],
    ]);
  });

  it("classifies funding and launch posts and orders signals funding, launch, news, hiring", () => {
    const html = `<body><a href="/jobs">Jobs</a>
      <article><h2><a href="/press/launch">Introducing RoboPick: now available in Europe</a></h2><time datetime="2024-06-12">x</time></article>
      <article><h2><a href="/press/tour">Acme at LogiMAT 2024</a></h2><time datetime="2024-06-13">x</time></article>
      <article><h2><a href="/press/series-a">Acme raises $12M Series A led by Example Ventures</a></h2><time datetime="2024-05-02">x</time></article>
      <article><h2><a href="/press/prices">How to raise prices without losing customers</a></h2><time datetime="2024-06-14">x</time></article>
    </body>`;
    const signals = profileOf([{ url: "https://acme.example/press", html }]).signals;
    expect(signals).toEqual([
      {
        kind: "funding",
        text: "Acme raises $12M Series A led by Example Ventures",
        url: "https://acme.example/press/series-a",
        date: "2024-05-02",
      },
      {
        kind: "launch",
        text: "Introducing RoboPick: now available in Europe",
        url: "https://acme.example/press/launch",
        date: "2024-06-12",
      },
      {
        kind: "news",
        text: "How to raise prices without losing customers",
        url: "https://acme.example/press/prices",
        date: "2024-06-14",
      },
      {
        kind: "news",
        text: "Acme at LogiMAT 2024",
        url: "https://acme.example/press/tour",
        date: "2024-06-13",
      },
      { kind: "hiring", text: "They are hiring", url: "https://acme.example/jobs", date: null },
    ]);
  });

  it("caps signals at five, keeping room for hiring", () => {
    const posts = Array.from(
      { length: 8 },
      (_, i) =>
        `<article><h2><a href="/news/p${i}">Acme launches product ${i}</a></h2><time datetime="2024-06-0${i + 1}">x</time></article>`,
    ).join("");
    const signals = profileOf([
      { url: "https://acme.example/news", html: `${posts}<a href="/careers">Careers</a>` },
    ]).signals;
    expect(signals.map((s) => `${s.kind}:${s.date}`)).toEqual([
      "launch:2024-06-08",
      "launch:2024-06-07",
      "hiring:null",
    ]);
    const mixed = Array.from({ length: 9 }, (_, i) => {
      const title = ["Acme raises €4M seed round", "Announcing Acme Cloud", "Team offsite"][i % 3];
      return `<article><h2><a href="/news/m${i}">${title} ${i}</a></h2><time datetime="2024-06-0${i + 1}">x</time></article>`;
    }).join("");
    const capped = profileOf([
      { url: "https://acme.example/news", html: `${mixed}<a href="/careers">Careers</a>` },
    ]).signals;
    expect(capped.map((s) => `${s.kind}:${s.date}`)).toEqual([
      "funding:2024-06-07",
      "funding:2024-06-04",
      "launch:2024-06-08",
      "launch:2024-06-05",
      "hiring:null",
    ]);
  });

  it("dates a post page from article:published_time and titles it from its h1", () => {
    const html = `<head><title>We are now SOC 2 certified | Acme Blog</title>
      <meta property="og:type" content="article">
      <meta property="article:published_time" content="2024-05-30T10:00:00+00:00"></head>
      <body><h1>We are now SOC 2 certified</h1><p>Text.</p>
      <aside><h3>Related</h3><a href="/blog/older">Older post</a></aside></body>`;
    expect(profileOf([{ url: "https://acme.example/blog/soc2", html }]).signals).toEqual([
      {
        kind: "news",
        text: "We are now SOC 2 certified",
        url: "https://acme.example/blog/soc2",
        date: "2024-05-30",
      },
    ]);
  });

  it("treats a post page's main <article> as one post, not its comments", () => {
    const html = `<body><main><article>
      <header><h1>Acme   unveils RoboPick&nbsp;3</h1><time datetime="2024-06-05T08:00:00Z">5 June</time></header>
      <p>Body text with <a href="https://partner.example/">a partner link</a>.</p>
      <section class="comments">
        <article><a href="/users/jo">Jo</a> <time datetime="2024-06-06">6 June</time><p>Great news!</p></article>
        <article><h4>Re: pricing</h4><time datetime="2024-06-07">7 June</time></article>
      </section>
    </article></main></body>`;
    expect(profileOf([{ url: "https://acme.example/news/robopick-3", html }]).signals).toEqual([
      {
        kind: "launch",
        text: "Acme unveils RoboPick 3",
        url: "https://acme.example/news/robopick-3",
        date: "2024-06-05",
      },
    ]);
  });

  it("reads JSON-LD BlogPosting lists with datePublished", () => {
    const html = `<script type="application/ld+json">{"@type":"Blog","blogPost":[
      {"@type":"BlogPosting","headline":"Acme secures &#8364;3 million to expand","datePublished":"2024-06-01","url":"/updates/expansion"},
      {"@type":"BlogPosting","headline":"No date here","url":"/updates/nodate"},
      {"@type":"BlogPosting","headline":"Too old","datePublished":"2023-01-01","url":"/updates/old"}
    ]}</script>`;
    expect(profileOf([{ url: "https://acme.example/updates/", html }]).signals).toEqual([
      {
        kind: "funding",
        text: "Acme secures €3 million to expand",
        url: "https://acme.example/updates/expansion",
        date: "2024-06-01",
      },
    ]);
  });

  it("pairs post links with the date in the same list item when there are no <article> elements", () => {
    const html = `<body>
      <nav><a href="/">Home</a><a href="/pricing">Pricing</a><a href="/news">News</a></nav>
      <ul class="posts">
        <li><div class="meta"><time datetime="2024-06-03">3 Jun</time></div>
            <h3><a href="/news/berlin-office">Acme opens a Berlin office</a></h3>
            <a href="/news/berlin-office">Read more</a></li>
        <li><h3><a href="/news/undated">Undated post</a></h3></li>
        <li><h3><a href="/news/partner">A new partnership with Example Logistics</a></h3>
            <span>Posted <time datetime="2024-05-11">11 May</time></span></li>
      </ul>
      <footer>© <time datetime="2024-06-14">2024</time> Acme</footer>
    </body>`;
    expect(profileOf([{ url: "https://acme.example/news", html }]).signals).toEqual([
      {
        kind: "news",
        text: "Acme opens a Berlin office",
        url: "https://acme.example/news/berlin-office",
        date: "2024-06-03",
      },
      {
        kind: "news",
        text: "A new partnership with Example Logistics",
        url: "https://acme.example/news/partner",
        date: "2024-05-11",
      },
    ]);
  });

  it("uses `now`, not the clock", () => {
    const html = `<article><h2><a href="/blog/x">An old post</a></h2><time datetime="2019-03-01">x</time></article>`;
    const page = { url: "https://acme.example/blog", html };
    expect(profileOf([page], new Date("2019-03-10T00:00:00Z")).signals).toHaveLength(1);
    expect(profileOf([page]).signals).toEqual([]);
  });
});

describe("extractCompanyProfile: hiring signals", () => {
  it("names a visible job title on a careers page, linking the posting", () => {
    const html = `<body><nav><a href="/product">Product</a><a href="/careers">Careers</a></nav>
      <h1>Careers at Acme</h1><h2>Lead with empathy</h2><h2>Open positions</h2>
      <ul>
        <li><a href="https://jobs.lever.co/acme/5f1e"><h3>Senior Backend Engineer</h3><p>Leeds · Full-time</p></a></li>
        <li><a href="https://jobs.lever.co/acme/77aa"><h3>Product Designer</h3></a></li>
      </ul></body>`;
    const profile = profileOf([
      home(`<a href="/careers">Careers</a>`, "https://acme.example/"),
      { url: "https://acme.example/careers", html },
    ]);
    expect(profile.signals).toEqual([
      {
        kind: "hiring",
        text: "Hiring: Senior Backend Engineer",
        url: "https://jobs.lever.co/acme/5f1e",
        date: null,
      },
    ]);
  });

  it("says 'They are hiring' for a link to an ATS job board", () => {
    const html = `<footer><a href="https://boards.greenhouse.io/acme">Work at Acme</a>
      <a href="https://www.greenhouse.io/">Powered by Greenhouse</a></footer>`;
    expect(profileOf([home(html, "https://acme.example/")]).signals).toEqual([
      { kind: "hiring", text: "They are hiring", url: "https://boards.greenhouse.io/acme", date: null },
    ]);
  });

  it("recognises 'We're hiring' headings and job links outside the careers page", () => {
    expect(profileOf([home(`<h2>We&rsquo;re hiring!</h2>`, "https://acme.example/")]).signals).toEqual([
      { kind: "hiring", text: "They are hiring", url: "https://acme.example/", date: null },
    ]);
    const jobLink = `<a href="/careers">Careers</a><a href="https://acme.recruitee.com/o/account-executive">Account Executive (DACH)</a>`;
    expect(profileOf([home(jobLink, "https://acme.example/")]).signals).toEqual([
      {
        kind: "hiring",
        text: "Hiring: Account Executive (DACH)",
        url: "https://acme.recruitee.com/o/account-executive",
        date: null,
      },
    ]);
  });

  it("gives no hiring signal when the careers page says there are no openings", () => {
    const pages = [
      home(`<footer><a href="/careers">Careers</a></footer>`, "https://acme.example/"),
      {
        url: "https://acme.example/careers/",
        html: `<h1>Careers</h1><p>There are no open positions right now. Check back soon!</p>`,
      },
    ];
    expect(profileOf(pages).signals).toEqual([]);
  });

  it("does not mistake other uses of 'jobs' for hiring", () => {
    const html = `<a href="/blog/steve-jobs-quote">What Steve Jobs taught us</a><h2>Jobs to be done, explained</h2>`;
    expect(profileOf([home(html, "https://acme.example/")]).signals).toEqual([]);
  });

  it("prefers a current JSON-LD JobPosting and skips expired ones", () => {
    const html = `<script type="application/ld+json">[
      {"@type":"JobPosting","title":"Warehouse Technician","datePosted":"2024-01-02","validThrough":"2024-03-01"},
      {"@type":"JobPosting","title":"Field Service Engineer","datePosted":"2024-06-01T00:00","validThrough":"2024-07-31","url":"https://acme.example/careers/fse"}
    ]</script>`;
    expect(profileOf([{ url: "https://acme.example/careers", html }]).signals).toEqual([
      {
        kind: "hiring",
        text: "Hiring: Field Service Engineer",
        url: "https://acme.example/careers/fse",
        date: "2024-06-01",
      },
    ]);
  });
});

/** A ~50 KB page like a real marketing site's: utility classes, inline data, nav, cards, footer. */
function realisticPage(i: number): string {
  const nav = ["Product", "Solutions", "Pricing", "Customers", "Docs", "Blog", "Careers", "About", "Contact"]
    .map(
      (n) =>
        `<li class="nav-item"><a class="px-3 py-2 text-sm font-medium" href="/${n.toLowerCase()}">${n}</a></li>`,
    )
    .join("");
  const data = JSON.stringify(
    Array.from({ length: 120 }, (_, k) => ({ id: k, title: `Item ${k}`, tags: ["a", "b"] })),
  );
  const style = ".card{margin:0 auto;padding:12px 16px;border-radius:8px;box-shadow:0 1px 2px #0002}".repeat(
    60,
  );
  const feature = (
    k: number,
  ) => `<section class="mx-auto max-w-7xl px-6 lg:px-8"><div class="grid grid-cols-1 gap-8">
    <h3 class="text-lg font-semibold leading-7 text-gray-900">Feature ${k}: faster picking</h3>
    <p class="mt-2 text-base leading-7 text-gray-600">${"Our robots move totes between aisles while your team packs orders, with live dashboards and alerts. ".repeat(3)}</p>
    <a class="text-indigo-600 hover:underline" href="/features/${k}?utm_source=home">Learn more <span aria-hidden="true">&rarr;</span></a></div></section>`;
  const card = (k: number) => `<div class="card"><div class="card-body"><span class="badge">Engineering</span>
    <h3 class="card-title"><a href="/blog/post-${i}-${k}">Post ${i}-${k}: what we learned</a></h3>
    <p class="text-sm text-gray-500"><time datetime="2023-0${(k % 9) + 1}-1${k % 10}">Some day</time> · 5 min read</p></div></div>`;
  const footer = Array.from(
    { length: 40 },
    (_, k) => `<li><a class="text-sm text-gray-400" href="/legal/doc-${k}">Document ${k}</a></li>`,
  ).join("");
  let body = "";
  for (let k = 0; k < 37; k++) body += feature(k) + card(k);
  const recent =
    i === 0
      ? `<ul><li><h3><a href="/blog/a">Warehouse tour</a></h3><time datetime="2024-06-01">x</time></li>
      <li><h3><a href="/blog/b">Customer story</a></h3><time datetime="2024-05-01">x</time></li>
      <li><h3><a href="/blog/c">Office move</a></h3><time datetime="2024-04-01">x</time></li></ul>`
      : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog | Acme</title>
    <meta name="description" content="Warehouse robots for logistics teams."><style>${style}</style>
    <script>window.__DATA__ = ${data};</script>
    <script type="application/ld+json">{"@type":"Organization","name":"Acme","sameAs":["https://www.linkedin.com/company/acme"]}</script>
    </head><body><header><nav><ul class="flex gap-4">${nav}</ul></nav></header><main>${recent}${body}</main>
    <footer><ul>${footer}</ul><a href="https://github.com/acme">GitHub</a><a href="mailto:hello@acme.example">Mail</a></footer></body></html>`;
}

describe("extractCompanyProfile: performance and purity", () => {
  // Speed belongs in a benchmark, never in a wall-clock assertion of a unit test.
  it("reads 200 pages of about 50 KB into one profile", () => {
    const pages = Array.from({ length: 200 }, (_, i) => {
      const html = realisticPage(i);
      expect(html.length).toBeGreaterThan(48_000);
      expect(html.length).toBeLessThan(56_000);
      return { url: i === 0 ? "https://acme.example/" : `https://acme.example/blog/page-${i}`, html };
    });
    const profile = profileOf(pages);
    expect(profile.name).toBe("Acme");
    expect(profile.signals.map((s) => s.kind)).toEqual(["news", "news", "news", "hiring"]);
    expect(profile.socialLinks).toHaveLength(2);
  });

  it("returns the same profile for the same input and does not mutate it", () => {
    const pages = [home(homepage), { url: "https://acme.example/blog", html: blogListing }];
    const copy = structuredClone(pages);
    const first = profileOf(pages);
    expect(profileOf(pages)).toEqual(first);
    expect(pages).toEqual(copy);
  });
});
