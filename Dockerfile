# Resonance for production: the API, web app and job worker in one image, talking to PostgreSQL
# (DATABASE_URL). Two stages: the first builds the web app, the second installs only what runs.
# docker build -t resonance . && docker run -e DATABASE_URL=postgres://… -p 8080:8080 resonance

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# The web stack is in dependencies, so the production install can build it (no dev tools needed).
RUN npm ci --omit=dev --no-audit --no-fund
COPY vite.config.ts tsconfig.json ./
COPY src ./src
RUN npm run build:web

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY src/server ./src/server
COPY src/shared ./src/shared
COPY --from=build /app/dist/web ./dist/web
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# --migrate applies pending migrations under an advisory lock, so several replicas may start at once.
CMD ["node", "bin/resonance.js", "serve", "--migrate"]
