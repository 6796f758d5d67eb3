export type ReadinessCode =
  | "no_email_for_email_step"
  | "email_not_verified"
  | "unfilled_merge_variable"
  | "note_too_long"
  | "blocklisted"
  | "no_sender_account"
  | "spam_phrase"
  | "missing_unsubscribe"
  | "empty_body"
  | "subject_missing"
  | "message_not_written"
  | "message_not_approved"
  | "template_placeholder"
  | "broken_spintax"
  | "no_linkedin_account"
  | "sender_domain_failed"
  | "sender_domain_overridden"
  | "sender_domain_warning"
  | "sender_domain_not_checked"
  | "tracking_domain_not_in_use"
  | "sender_paused";

/** "blocking" stops the launch for that lead (or the whole sequence); "warning" is shown and allowed. */
export type ReadinessSeverity = "blocking" | "warning";

export type ReadinessFinding = {
  code: ReadinessCode;
  severity: ReadinessSeverity;
  /** A sentence for the person launching: what is wrong and how to fix it. */
  message: string;
  leadId?: string;
  stepIndex?: number;
};

export type ReadinessChannel = "email" | "linkedin_invite" | "linkedin_message";

export type EmailStatus = "valid" | "risky" | "catch_all" | "invalid" | "unknown" | null;
