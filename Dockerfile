# Switchboard in a container: the production path CI checks (.scripts/check-production.mjs):
# build everything with dev dependencies, then run dist/ under plain node with production
# dependencies only. Build: docker build -t switchboard .   Run: docker run -p 8787:8787 -v switchboard-data:/app/data switchboard

# Compilers for better-sqlite3, used only when its prebuilt binary cannot be downloaded.
FROM node:20-bookworm-slim AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./

# The front ends (Vite) and the server (esbuild) into dist/, compressed assets included.
FROM toolchain AS build
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build

# Production dependencies only (package.json's allowScripts lets better-sqlite3 build).
FROM toolchain AS runtime-deps
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    DATABASE_URL=sqlite:/app/data/switchboard.db
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# `docker compose exec switchboard npx switchboard doctor` (and the other commands) run the built CLI.
COPY signaling/cli/bin.mjs ./signaling/cli/bin.mjs
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8787
# /livez: the process answers (the image has no curl; node's fetch does). Orchestrators that route
# traffic should also ask /readyz, which is 503 while migrations run and while draining.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8787)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1, with no npm in between: SIGTERM reaches the server, which drains and exits 0.
CMD ["node", "--enable-source-maps", "dist/server/server.js"]
