# syntax=docker/dockerfile:1
# Moat: moatd in a small Debian 12 image.
#   docker build -t moat .
#   docker run -d -p 8080:8080 -p 8081:8081 -v moat-data:/var/lib/moat moat
#   docker logs <container>      # the first start prints admin@localhost's password
# Set MOAT_ADMIN_PASSWORD to choose that password instead.

# ---- build: the -dev packages and the compiler, then `make all` ----
FROM debian:bookworm-slim AS build
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      gcc make pkg-config \
      libmicrohttpd-dev libwebsockets-dev libsqlite3-dev libjansson-dev \
      libmbedtls-dev libcmocka-dev libcurl4-openssl-dev libargon2-dev libpq-dev \
      python3 python3-idna unicode-data \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make all

# ---- runtime: only the shared libraries moatd links against ----
FROM debian:bookworm-slim
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libmicrohttpd12 libwebsockets17 libsqlite3-0 libjansson4 \
      libmbedcrypto7 libcurl4 libargon2-1 libpq5 ca-certificates libjs-chart.js \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system moat \
 && useradd --system --gid moat --home-dir /var/lib/moat --no-create-home \
      --shell /usr/sbin/nologin moat \
 && mkdir -p /var/lib/moat \
 && chown moat:moat /var/lib/moat \
 && chmod 0750 /var/lib/moat

COPY --from=build /src/build/moatd /usr/local/bin/moatd
COPY web/ /usr/share/moat/web/

ENV MOAT_DB=/var/lib/moat/moat.db \
    MOAT_WEB_ROOT=/usr/share/moat/web \
    MOAT_LISTEN=0.0.0.0:8080 \
    MOAT_AGENT_LISTEN=0.0.0.0:8081

USER moat
WORKDIR /var/lib/moat
VOLUME /var/lib/moat
EXPOSE 8080 8081

# No curl or wget in the image: bash's /dev/tcp sends one request to
# /healthz on the port of MOAT_LISTEN and checks for a 200 status line.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MOAT_LISTEN##*:} && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/1\\.[01] 200 '"]

ENTRYPOINT ["moatd"]
CMD ["serve"]
