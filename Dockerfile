# Peerbridge: web app + mediasoup SFU in one image.
#
# The mediasoup worker is compiled here against Debian bookworm's libraries
# (scripts/mediasoup/build-worker.sh), so both stages must stay on bookworm.

# ---------------------------------------------------------------------------
# Build stage
# ---------------------------------------------------------------------------
FROM node:20-bookworm AS build

RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      meson ninja-build pkg-config g++ patch \
      libuv1-dev libssl-dev libsrtp2-dev libusrsctp-dev nlohmann-json3-dev libabsl-dev \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so this layer is reused while the lockfile is unchanged.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY client/package.json client/
COPY shared/package.json shared/
COPY e2e/package.json e2e/
# MEDIASOUP_WORKER_BIN only for this command: it makes mediasoup's postinstall
# skip its (network) download/build. It must NOT be set at run time, or
# mediasoup would treat it as the worker's path.
RUN MEDIASOUP_WORKER_BIN=skip PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci

# The worker build (~3 min) depends only on the installed mediasoup and the
# build script, so copy just that before the rest of the sources.
COPY scripts/mediasoup/ scripts/mediasoup/
RUN bash scripts/mediasoup/build-worker.sh \
 && test -x node_modules/mediasoup/worker/out/Release/mediasoup-worker

COPY . .
RUN npm run build -w @peerbridge/client \
 && npm run build -w @peerbridge/server \
 && MEDIASOUP_WORKER_BIN=skip npm prune --omit=dev \
 && test -x node_modules/mediasoup/worker/out/Release/mediasoup-worker

# ---------------------------------------------------------------------------
# Runtime stage
# ---------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime

# Shared libraries the mediasoup worker links against (no -dev packages).
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libuv1 libssl3 libsrtp2-1 libusrsctp2 libabsl20220623 ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data && chown node:node /app/data

ENV NODE_ENV=production
USER node

# HTTP + Socket.IO
EXPOSE 3000/tcp
# WebRTC media: one UDP+TCP port per mediasoup worker (MEDIA_RTC_PORT + i).
EXPOSE 40000/udp 40000/tcp 40001/udp 40001/tcp

# npm start compiles the server to plain JavaScript first (esbuild, under a second) and runs that.
CMD ["npm", "run", "start", "-w", "@peerbridge/server"]
