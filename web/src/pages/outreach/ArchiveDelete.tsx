import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ask } from "../../components/confirm";
import { navigate } from "../../router";

type Kind = "sequences" | "runs";
const noun = { sequences: "sequence", runs: "run" } as const;

/**
 * Archive / Unarchive and Delete for a run or a sequence. Each asks first and says what happens to
 * the messages: archiving keeps everything and stops sending; deleting removes the record of what
 * was sent (with the counts), while replies stay in the Inbox and leads stay.
 */
export function ArchiveDelete({ kind, id, archived }: { kind: Kind; id: string; archived: boolean }) {
  const what = noun[kind];
  const invalidate = [[`/api/${kind}/{id}`, id], [`/api/${kind}`], ["/api/home"]];
  const archive = useAction<boolean, unknown>(
    (on: boolean) =>
      kind === "sequences"
        ? data(
            client.POST("/api/sequences/{id}/archive", { params: { path: { id } }, body: { archived: on } }),
          )
        : data(client.POST("/api/runs/{id}/archive", { params: { path: { id } }, body: { archived: on } })),
    { invalidate },
  );
  const remove = useAction<void, unknown>(
    () =>
      kind === "sequences"
        ? data(client.DELETE("/api/sequences/{id}", { params: { path: { id } } }))
        : data(client.DELETE("/api/runs/{id}", { params: { path: { id } } })),
    { invalidate, onSuccess: () => navigate(kind === "sequences" ? "/sequences" : "/runs") },
  );
  const onArchive = async () => {
    if (archived) return archive.mutate(false);
    const ok = await ask({
      title: `Archive this ${what}?`,
      body: `Sending stops (${kind === "runs" ? "every sequence in it is paused" : "it is paused"}) and it leaves the lists. Its enrollments, sent messages, replies and analytics are all kept; you can unarchive it later.`,
      confirm: "Archive",
    });
    if (ok) archive.mutate(true);
  };
  const onDelete = async () => {
    const c =
      kind === "sequences"
        ? await data(client.GET("/api/sequences/{id}/deletion", { params: { path: { id } } }))
        : await data(client.GET("/api/runs/{id}/deletion", { params: { path: { id } } }));
    const ok = await ask({
      title: `Delete this ${what} for good?`,
      body: `${kind === "runs" ? `Its ${c.sequences} sequence(s), their` : "Its"} steps, ${c.enrollments} enrollment(s) (the schedule), the record of ${c.messages} sent message(s) and ${c.drafts} Messaging Lab draft(s) are deleted. What was sent stays in the recipients' mailboxes; replies stay in the Inbox and the leads stay. To keep the record, archive it instead.`,
      confirm: "Delete",
      danger: true,
    });
    if (ok) remove.mutate();
  };
  return (
    <>
      <button type="button" className="secondary" disabled={archive.isPending} onClick={onArchive}>
        {archived ? "Unarchive" : "Archive"}
      </button>
      <button type="button" className="danger" disabled={remove.isPending} onClick={onDelete}>
        Delete
      </button>
    </>
  );
}
