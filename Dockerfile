# The bot as an image: Discord and/or Slack, chosen by the environment (see README.md).
#   docker build -t exam-tutor .
#   docker run --init -v tutor-data:/data -e DISCORD_TOKEN=... -e DISCORD_APPLICATION_ID=... exam-tutor
# The SQLite file lives in the /data volume; the question banks are built in (mount over
# /app/data/banks, or set TUTOR_BANKS, to use your own).

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt one fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# The bot runs as plain JavaScript: src/main.ts and the grading worker bundled (scripts/bundle.mjs).
COPY tsconfig.json ./
COPY scripts/bundle.mjs ./scripts/
COPY src ./src
COPY commands ./commands
RUN node scripts/bundle.mjs

FROM node:20-bookworm-slim
# MIMALLOC_PURGE_DELAY as npm start sets it (scripts/runtime-env.mjs).
ENV NODE_ENV=production \
    TUTOR_DB=/data/tutor.db \
    MIMALLOC_PURGE_DELAY=0
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=dependencies /app/dist ./dist
# The sources stay for their SQL migrations and for `npm run tutor` (the CLI runs them through tsx).
COPY package.json tsconfig.json ./
COPY src ./src
COPY commands ./commands
COPY data/banks ./data/banks
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Slack over HTTP listens here (SLACK_PORT); Discord and Slack Socket Mode need no inbound port.
EXPOSE 3000
# Only Slack over HTTP serves /healthz: probe it when that is the configuration (a bot token and no
# app token). Discord and Socket Mode open no port, so there the check passes while the process
# runs; a dead process stops the container anyway. Node 20 has fetch: no curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const e = process.env; if (!(e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID) || e.SLACK_APP_TOKEN) process.exit(0); fetch(`http://127.0.0.1:${e.SLACK_PORT || 3000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));"]
# node itself, not npm, is the process: SIGTERM reaches the bot, which finishes what it started
# and exits. Run with --init so a zombie child (a grading worker) is reaped. The heap settings are
# npm start's (a test keeps them equal): collect garbage before the heap grows past 1.2 times
# what is live, and a small young generation, so a class's rush stays within 300 MB.
CMD ["node", "--heap-growing-percent=20", "--max-semi-space-size=4", "dist/main.mjs"]
