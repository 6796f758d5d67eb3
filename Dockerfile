# Overture for self-hosters: `docker build -t overture .` then see compose.yaml and docs/operations.md.
# The image build itself is not exercised by this project's CI (no Docker daemon there); every
# command it runs is (npm ci, npm run build, bin/overture.mjs serve|worker|all, the health check).

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The web UI and the compiled server/CLI (dist/), then only what runs them.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
RUN groupadd --system overture \
  && useradd --system --gid overture --home-dir /app --shell /usr/sbin/nologin overture \
  && mkdir -p /data && chown overture:overture /data
COPY --from=build --chown=overture:overture /app /app
USER overture
EXPOSE 3000
VOLUME ["/data"]
# Served by `all` and `serve` (a worker has no HTTP port: compose.yaml turns the check off there).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "scripts/healthcheck.mjs"]
ENTRYPOINT ["node", "bin/overture.mjs"]
CMD ["all"]
