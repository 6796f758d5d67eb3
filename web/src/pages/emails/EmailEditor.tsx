import { useState } from "react";
import { Tabs } from "../../components/Tabs";

export type EmailText = { subject: string; body: string };

/** The preview and edit tabs of one email; `meta` is the line under the tabs (recipient, links, hook). */
export function EmailEditor(p: {
  text: EmailText;
  onChange(t: EmailText): void;
  readOnly: boolean;
  meta: React.ReactNode;
}) {
  const [tab, setTab] = useState<"preview" | "edit">("preview");
  return (
    <>
      <Tabs
        tabs={[
          ["preview", "Email preview"],
          ["edit", "Edit email"],
        ]}
        value={tab}
        onChange={setTab}
      />
      <div className="small muted">{p.meta}</div>
      {tab === "preview" ? (
        <div>
          <div className="strong">{p.text.subject}</div>
          <div className="mail-preview">{p.text.body}</div>
        </div>
      ) : (
        <div className="stack">
          <label>
            Subject
            <input
              value={p.text.subject}
              disabled={p.readOnly}
              onChange={(e) => p.onChange({ ...p.text, subject: e.target.value })}
            />
          </label>
          <label>
            Body
            <textarea
              rows={14}
              value={p.text.body}
              disabled={p.readOnly}
              onChange={(e) => p.onChange({ ...p.text, body: e.target.value })}
            />
          </label>
        </div>
      )}
    </>
  );
}
