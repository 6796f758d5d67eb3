import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { client, data } from "../../api/client";

/**
 * The senders a sequence rotates through, as checkboxes: the order checked is the rotation's order
 * (the first is the sequence's main sender), shown as a number beside each. One checked is the
 * single sender of before. Each lead entering gets one of them, in proportion to their daily caps.
 */
export function SenderChecklist({
  value,
  onChange,
  disabled,
  legend = "Sender accounts",
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  legend?: string;
}) {
  const senders = useQuery({
    queryKey: ["/api/sender-accounts"],
    queryFn: () => data(client.GET("/api/sender-accounts")),
  });
  const list = senders.data ?? [];
  // A click shows at once; the saved rotation replaces it when it comes back.
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  const change = (ids: string[]) => {
    setShown(ids);
    onChange(ids);
  };
  return (
    <fieldset className="plain-fieldset sender-checklist">
      <legend className="field-label">{legend}</legend>
      {!list.length && (
        <span className="muted small">
          Add one under Settings → Senders (the sandbox keeps mail on this machine).
        </span>
      )}
      {list.map((s) => {
        const at = shown.indexOf(s.id);
        return (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              checked={at >= 0}
              disabled={disabled}
              onChange={(e) => change(e.target.checked ? [...shown, s.id] : shown.filter((x) => x !== s.id))}
            />
            {s.name}
            <span className="muted small">
              {at >= 0 && shown.length > 1 ? `#${at + 1} · ` : ""}
              {s.dailyCap} a day
            </span>
          </label>
        );
      })}
      {shown.length > 1 && (
        <span className="muted small">
          Each new lead gets one of these senders, in proportion to their daily caps, and keeps it for the
          whole thread.
        </span>
      )}
    </fieldset>
  );
}
