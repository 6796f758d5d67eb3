import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { labKey } from "./labTypes";

type Refusal = { id: string; reason: string };

/**
 * The lab's writes, each refreshing the lab before it says what happened (the Launch button follows
 * the findings); failures go to the notices region.
 */
export function useLabActions(id: string, say: (text: string) => void, onApproved: () => void) {
  const invalidate = [labKey(id), ["/api/sequences/{id}", id]];
  const patchSequence = useAction(
    (body: { messageSource?: "template" | "personalised"; senderAccountIds?: string[] }) =>
      data(client.PATCH("/api/sequences/{id}", { params: { path: { id } }, body })),
    { invalidate },
  );
  const approve = useAction(
    (ids: string[]) => data(client.POST("/api/messages/drafts/approve", { body: { ids } })),
    {
      invalidate,
      onSuccess: (r) => {
        const refused = r.refused as Refusal[];
        onApproved();
        say(
          `Approved ${r.approved.length}${refused.length ? `; ${refused.length} refused: ${refused[0]!.reason}` : ""}`,
        );
      },
    },
  );
  const save = useAction(
    ({ messageId, subject, body }: { messageId: string; subject: string; body: string }) =>
      data(
        client.PATCH("/api/messages/drafts/{id}", {
          params: { path: { id: messageId } },
          body: { subject, body },
        }),
      ),
    { invalidate, onSuccess: () => say("Saved; approve it again to send it") },
  );
  const regenerate = useAction(
    (messageId: string) =>
      data(client.POST("/api/messages/drafts/{id}/regenerate", { params: { path: { id: messageId } } })),
    { invalidate, onSuccess: () => say("Rewritten; read it and approve it") },
  );
  const remove = useAction(
    ({ leadId }: { leadId: string; name: string }) =>
      data(client.PUT("/api/sequences/{id}/exclusions/{leadId}", { params: { path: { id, leadId } } })),
    { invalidate, onSuccess: (_, { name }) => say(`Removed ${name} from this sequence`) },
  );
  return { patchSequence, approve, save, regenerate, remove };
}
