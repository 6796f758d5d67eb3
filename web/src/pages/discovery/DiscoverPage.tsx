import { useState } from "react";
import { api } from "../../api";
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
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const current = key(draft);

  async function runPreview() {
    setPreviewing(true);
    setError(null);
    try {
      const data = await api<Preview>("POST", "/api/discovery/preview", {
        provider,
        filters: toFilters(draft),
      });
      setPreview({ for: current + provider, data });
      setSummary({ for: current, text: data.summary });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPreviewing(false);
    }
  }

  async function start(i: { name: string; count: number }): Promise<string | null> {
    try {
      await api("POST", "/api/discovery/searches", {
        name: i.name || undefined,
        query: text.trim() || undefined,
        provider,
        filters: toFilters(draft),
        count: i.count,
      });
      setReload((n) => n + 1);
      return null;
    } catch (e) {
      return errorText(e);
    }
  }

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
          busy={previewing}
          onPreview={runPreview}
        />
        <ErrorNote error={error} />
        {preview && <PreviewTable preview={preview.data} stale={preview.for !== current + provider} />}
        <SaveSearchForm summary={summary?.for === current ? summary.text : null} onStart={start} />
        <SavedSearches reload={reload} />
      </div>
    </section>
  );
}
