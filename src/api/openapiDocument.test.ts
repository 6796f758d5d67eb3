import { expect, it } from "vitest";
import { openapiDocument } from "./openapiDocument";
import { operationIdOf } from "./server";

type Doc = { paths: Record<string, Record<string, { operationId?: string }>> };

it("names every operation of the OpenAPI document with a unique operationId", async () => {
  const doc = (await openapiDocument()) as unknown as Doc;
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({
      at: `${method.toUpperCase()} ${path}`,
      id: op.operationId,
    })),
  );
  expect(ops.length).toBeGreaterThan(100);
  expect(ops.filter((o) => !o.id).map((o) => o.at)).toEqual([]);
  const ids = ops.map((o) => o.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  expect(operationIdOf("POST", "/api/sender-accounts/:id/test")).toBe("postSenderAccountsByIdTest");
  expect(operationIdOf("GET", "/api/leads/export.csv")).toBe("getLeadsExportCsv");
}, 60_000);
