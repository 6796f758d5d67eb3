import { expect, it } from "vitest";
import { openapiDocument } from "./openapiDocument";
import { operationIdOf } from "./server";

type Doc = {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
};

it("names every operation of the OpenAPI document with a unique operationId and declares its 4xx", async () => {
  const doc = (await openapiDocument()) as unknown as Doc;
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({
      at: `${method.toUpperCase()} ${path}`,
      id: op.operationId,
      codes: Object.keys(op.responses ?? {}),
    })),
  );
  expect(ops.length).toBeGreaterThan(100);
  expect(ops.filter((o) => !o.id).map((o) => o.at)).toEqual([]);
  const ids = ops.map((o) => o.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  // And a client error declared on each: every operation can refuse bad input with a 400.
  expect(ops.filter((o) => !o.codes.some((c) => c.startsWith("4"))).map((o) => o.at)).toEqual([]);
  expect(operationIdOf("POST", "/api/sender-accounts/:id/test")).toBe("postSenderAccountsByIdTest");
  expect(operationIdOf("GET", "/api/leads/export.csv")).toBe("getLeadsExportCsv");
}, 60_000);
