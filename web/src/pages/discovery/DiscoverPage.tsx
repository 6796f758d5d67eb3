import { useState } from "react";
import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote } from "../../components/Field";
import { DescribeForm } from "./DescribeForm";
import {
  emptyDraft,
  errorText,
  type FilterDraft,
  type Preview,
  type ProviderKey,
  toDraft,
  toFilters,
} from "./discoveryTypes";
import { FiltersForm } from "./FiltersForm";
import { PreviewTable } from "./PreviewTable";
import { SavedSearches } from "./SavedSearches";
import { SaveSearchForm } from "./SaveSearchForm";

const key = (d: FilterDraft) => JSON.stringify(toFilters(d));

/** Describe people in plain words, check the filters, preview, then collect them into a new list. */
export function DiscoverPage() {
  const [text, setText] = useState("");
  const [draft, setDraft] = useState<FilterDraft>(emptyDraft);
  const [provider, setProvider] = useState<ProviderKey>("sandbox");
  const [summary, setSummary] = useState<{ for: string; text: string } | null>(null);
  const [preview, setPreview] = useState<{ for: string; data: Preview } | null>(null);
  const [reload, setReload] = useState(0);
  const current = key(draft);

  const previewing = useAction(
    (v: { for: string }) =>
      data(client.POST("/api/discovery/preview", { body: { provider, filters: toFilters(draft) } })).then(
        (d) => ({ for: v.for, data: d as Preview }),
      ),
    {
      inline: true,
      onSuccess: (r) => {
        setPreview(r);
        setSummary({ for: current, text: r.data.summary });
      },
    },
  );
  const start = useAction(
    (i: { name: string; count: number }) =>
      data(
        client.POST("/api/discovery/searches", {
          body: {
            name: i.name || undefined,
            query: text.trim() || undefined,
            provider,
            filters: toFilters(draft),
            count: i.count,
          },
        }),
      ),
    { inline: true, onSuccess: () => setReload((n) => n + 1) },
  );
  // The form shows the refusal in its own words (and clears it on the next try).
  const onStart = (i: { name: string; count: number }) =>
    start.mutateAsync(i).then(
      () => null,
      (e: unknown) => errorText(e),
    );

  return (
    <section className="discovery">
      <header className="page-head">
        <h1>Discover</h1>
        <p className="muted">
          Describe the people you want to reach, check the filters Overture makes of it, preview who they
          find, then collect them into a new list.
        </p>
      </header>
      <div className="stack">
        <DescribeForm
          text={text}
          onText={setText}
          onInterpreted={(r) => {
            const d = toDraft(r.filters);
            setDraft(d);
            setSummary({ for: key(d), text: r.summary });
          }}
        />
        <FiltersForm
          draft={draft}
          onDraft={setDraft}
          provider={provider}
          onProvider={setProvider}
          busy={previewing.isPending}
          onPreview={() => previewing.mutate({ for: current + provider })}
        />
        <ErrorNote error={previewing.error ? errorText(previewing.error) : null} />
        {preview && <PreviewTable preview={preview.data} stale={preview.for !== current + provider} />}
        <SaveSearchForm summary={summary?.for === current ? summary.text : null} onStart={onStart} />
        <SavedSearches reload={reload} />
      </div>
    </section>
  );
}
