# syntax=docker/dockerfile:1
#
# Tessera web image: the four single-page apps behind nginx, which also load-balances /api/
# across the API instances (docker/nginx.conf).
#   /             apps/portal      /box-office/  apps/box-office
#   /admin/       apps/admin       /scanner/     apps/scanner
#
# Build from the repository root:
#   docker build -f docker/web.Dockerfile -t tessera/web .

ARG NODE_IMAGE=node:20-bookworm-slim
# 1.27.3 or later: docker/nginx.conf uses `resolve` on the upstream servers.
ARG NGINX_IMAGE=nginx:1.28-alpine

# The manifests and install steps match docker/api.Dockerfile line for line, so a builder that
# has built one image reuses those layers for the other.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && cp package.json package-lock.json /manifests/ \
 && find apps libs -mindepth 2 -maxdepth 2 -name package.json -exec cp --parents {} /manifests/ \;

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci
COPY . .
# The apps import libs/ui and libs/api-client from source; Vite writes apps/<app>/dist with the
# base path of each app (/, /admin/, /box-office/, /scanner/) already applied.
RUN npm run build:apps

FROM ${NGINX_IMAGE} AS runtime
# One document root laid out like the URL space: the portal at the top, each other app in the
# folder named after its base path.
RUN rm -f /etc/nginx/conf.d/default.conf \
 && rm -rf /usr/share/nginx/html
COPY --from=build /src/apps/portal/dist/     /usr/share/nginx/tessera/
COPY --from=build /src/apps/admin/dist/      /usr/share/nginx/tessera/admin/
COPY --from=build /src/apps/box-office/dist/ /usr/share/nginx/tessera/box-office/
COPY --from=build /src/apps/scanner/dist/    /usr/share/nginx/tessera/scanner/
COPY docker/nginx.conf /etc/nginx/nginx.conf

EXPOSE 80
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1/healthz"]
