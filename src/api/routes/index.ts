import type { AppContext } from "../../app/context";
import type { Api } from "../server";
import { authRoutes } from "./authRoutes";
import { healthRoutes } from "./healthRoutes";
import { jobRoutes } from "./jobRoutes";
import { workspaceRoutes } from "./workspaceRoutes";

/** Every route group; later issues add theirs here. */
export function apiRoutes(app: Api, ctx: AppContext) {
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  workspaceRoutes(app, ctx);
  jobRoutes(app, ctx);
}
