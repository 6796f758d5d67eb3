import { Link } from "../../components/Link";
import { LabMessage, type Message } from "./LabMessage";
import type { LabLead } from "./labTypes";
import type { useLabActions } from "./useLabActions";

const STATE = { ready: "Ready", warning: "Warnings", blocking: "Blocked" } as const;

/** One lead of the lab: who it is, what holds it, and its messages to read, edit and approve. */
export function LabLeadCard({
  lead: l,
  actions,
  selected,
  onToggle,
}: {
  lead: LabLead;
  actions: ReturnType<typeof useLabActions>;
  selected: Set<string>;
  onToggle: (messageId: string) => void;
}) {
  return (
    <article className={`card lab-lead ${l.state}`}>
      <div className="row-between">
        <div>
          <Link to={`/leads/${l.id}`}>
            <strong>{l.name}</strong>
          </Link>{" "}
          <span className="muted small">
            {[l.jobTitle, l.company].filter(Boolean).join(" · ")} · {l.email ?? "no email"}
            {l.email && ` (${l.emailStatus ?? "not verified"})`}
          </span>
        </div>
        <span className="actions">
          <span className={`badge state-${l.state}`}>{STATE[l.state]}</span>
          <button
            type="button"
            className="secondary"
            aria-label={`Remove ${l.name} from this sequence`}
            title="Takes the lead out of this sequence only; its lists stay as they are"
            disabled={actions.remove.isPending}
            onClick={() => actions.remove.mutate({ leadId: l.id, name: l.name })}
          >
            Remove
          </button>
        </span>
      </div>
      {!!l.findings.length && (
        <ul className="findings">
          {l.findings.map((f, i) => (
            <li key={`${f.code}-${f.stepIndex ?? ""}-${i}`} className={`finding ${f.severity}`}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {l.messages.map((m) => (
        <LabMessage
          key={m.id}
          // hook and usage are open objects in the API schema; LabMessage reads the fields it knows.
          message={m as Message}
          leadName={l.name}
          selected={selected.has(m.id)}
          onToggle={() => onToggle(m.id)}
          onApprove={() => actions.approve.mutate([m.id])}
          onSave={(patch) => actions.save.mutate({ messageId: m.id, ...patch })}
          onRegenerate={() => actions.regenerate.mutate(m.id)}
        />
      ))}
    </article>
  );
}
