import { dismiss, useNotices } from "../api/notices";

/** The one place errors that no form shows inline are reported; each stays until dismissed. */
export function Notices() {
  const notices = useNotices();
  return (
    <div className="notices" role="alert" aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className="notice error">
          <span>{n.text}</span>
          <button type="button" className="link" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
