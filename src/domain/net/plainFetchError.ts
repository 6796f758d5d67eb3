/**
 * A failed website fetch in plain words for the timeline and the lead page: Node's codes
 * ("getaddrinfo ENOTFOUND acme.example") mean nothing to the person reading them. An error this does
 * not know is passed on as it is.
 */
export function plainFetchError(message: string): string {
  const host = message.match(/(?:ENOTFOUND|EAI_AGAIN)\s+(\S+)/)?.[1];
  if (/ENOTFOUND/.test(message))
    return `the website's name${host ? ` ${host}` : ""} does not exist (no DNS record)`;
  if (/EAI_AGAIN/.test(message))
    return `the website's name${host ? ` ${host}` : ""} could not be looked up just now`;
  if (/ECONNREFUSED/.test(message)) return "the website refused the connection";
  if (/ECONNRESET|socket hang up/i.test(message)) return "the website closed the connection";
  if (/ETIMEDOUT|timed? ?out|timeout/i.test(message)) return "the website did not answer in time";
  if (/certificate|CERT_|SSL|TLS/i.test(message)) return "the website's HTTPS certificate is not valid";
  return message;
}
