import { Link } from "./Link";

/** An unknown address, or an id that names nothing here (a mistyped link, another workspace's id). */
export function NotFound({ what }: { what?: string }) {
  return (
    <section>
      <header className="page-head">
        <h1>{what ? `This ${what} was not found` : "Page not found"}</h1>
      </header>
      <div className="empty">
        <p>
          {what
            ? `The link does not point to a ${what} in this workspace: it may have been deleted, or the address was mistyped.`
            : "There is no page at this address."}
        </p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </div>
    </section>
  );
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids in our URLs are UUIDs; anything else is answered with the friendly page, not a 400. */
export const isId = (s: string | undefined): s is string => !!s && uuid.test(s);
