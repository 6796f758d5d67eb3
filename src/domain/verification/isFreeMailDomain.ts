import { domainInList } from "./domainInList";

// Providers that run the same consumer service under many country domains.
const BRANDS: ReadonlySet<string> = new Set(["gmx", "hotmail", "outlook", "yahoo"]);

const FREE_MAIL: ReadonlySet<string> = new Set([
  // Google, Microsoft, Yahoo, Apple, AOL
  "gmail.com",
  "googlemail.com",
  "live.com",
  "live.co.uk",
  "live.fr",
  "live.nl",
  "live.it",
  "live.ca",
  "live.com.au",
  "msn.com",
  "passport.com",
  "ymail.com",
  "rocketmail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "aim.com",
  // privacy-focused and independent
  "proton.me",
  "protonmail.com",
  "protonmail.ch",
  "pm.me",
  "tutanota.com",
  "tutanota.de",
  "tuta.io",
  "tuta.com",
  "fastmail.com",
  "hey.com",
  "zoho.com",
  "zohomail.com",
  "mail.com",
  // Europe
  "web.de",
  "t-online.de",
  "freenet.de",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "laposte.net",
  "sfr.fr",
  "libero.it",
  "virgilio.it",
  "seznam.cz",
  "wp.pl",
  "o2.pl",
  "interia.pl",
  "onet.pl",
  "btinternet.com",
  "sky.com",
  // Russia and Asia
  "mail.ru",
  "bk.ru",
  "inbox.ru",
  "list.ru",
  "yandex.ru",
  "yandex.com",
  "ya.ru",
  "qq.com",
  "163.com",
  "126.com",
  "sina.com",
  "naver.com",
  "hanmail.net",
  "daum.net",
  "rediffmail.com",
  // Americas and Oceania (ISP mailboxes used as personal addresses)
  "comcast.net",
  "verizon.net",
  "att.net",
  "sbcglobal.net",
  "shaw.ca",
  "rogers.com",
  "bigpond.com",
  "uol.com.br",
  "bol.com.br",
  "terra.com.br",
]);

/**
 * Whether the domain is a consumer mailbox provider rather than a company. Exact domains only:
 * a subdomain of gmail.com is not where anyone's mailbox lives.
 */
export function isFreeMailDomain(domain: string): boolean {
  return domainInList(domain, FREE_MAIL, BRANDS, false);
}
