import type { Channel, OutboundMessage, SendResult } from "../channel";

/**
 * The built-in sender for trying Overture with no mail server or LinkedIn account: nothing leaves the
 * machine. The message row the scheduler wrote is the sandbox mailbox; the UI shows it and lets you
 * answer as the prospect.
 */
export function sandboxChannel(): Channel {
  return {
    async send(msg: OutboundMessage): Promise<SendResult> {
      return { accepted: true, providerId: msg.messageId, response: "stored in the sandbox" };
    },
  };
}
