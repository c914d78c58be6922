# Shieldwall container image. Build: docker build -t shieldwall .
# Run (embedded defaults, data in a volume):
#   docker run -p 8080:8080 -v shieldwall-data:/data shieldwall
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native addon when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    SHIELDWALL_HOST=0.0.0.0 \
    SHIELDWALL_PORT=8080 \
    SHIELDWALL_DATA=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The shipped models (scam checker, safeguards classifier, password filter, warninglists).
COPY --from=build /app/models ./models
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: SIGTERM reaches Node, which drains in-flight requests before exiting.
ENTRYPOINT ["node", "dist/bin/shieldwall.js"]
CMD ["serve"]
