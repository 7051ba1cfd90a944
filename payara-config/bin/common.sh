#!/usr/bin/env bash
# Shared settings and helpers for the run scripts. Sourced, never run.
#
# Two profiles live side by side on one machine:
#   dev  - what `./payrail run` starts: the ports in the README, database `payrail`
#   test - what `./payrail test` starts and stops: every port moved, databases `payrail_test`
#          (system tests) and `payrail_it` (in-container tests), its own broker and domain
# One MariaDB server serves both (different databases). Everything the scripts create lives
# under .runtime/ in the repository (git-ignored); downloads come from Maven Central via ~/.m2.

set -euo pipefail

PAYRAIL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PAYRAIL_PROFILE="${PAYRAIL_PROFILE:-dev}"
RUNTIME_DIR="${PAYRAIL_RUNTIME_DIR:-$PAYRAIL_ROOT/.runtime}"
PROFILE_DIR="$RUNTIME_DIR/$PAYRAIL_PROFILE"
LOG_DIR="$PROFILE_DIR/logs"
DOWNLOADS="$RUNTIME_DIR/downloads"

PAYARA_VERSION="${PAYARA_VERSION:-6.2025.10}"
ARTEMIS_VERSION="${ARTEMIS_VERSION:-2.40.0}"
MYSQL_CONNECTOR_VERSION="${MYSQL_CONNECTOR_VERSION:-9.5.0}"
PROJECT_VERSION="0.1.0-SNAPSHOT"

# test: the bank's read timeout is short, so the system tests can make the simulator outlast it,
# the notification retry and channel check schedules are seconds instead of WeChat Pay's hours, and
# an open channel breaker half-opens after 5 s instead of 15 s; the job calendar (yesterday's
# statements reconciled and today's settlements drafted from 02:00 UTC) is off, the tests start their jobs
case "$PAYRAIL_PROFILE" in
  dev)  PORT_OFFSET=0;     BROKER_PORT_DEFAULT=61616; SIM_PORT_DEFAULT=8290;  DB_NAME_DEFAULT=payrail;      CHANNEL_READ_TIMEOUT_MS=10000
        NOTIFY_SCHEDULE="15s,15s,30s,3m,10m,20m,30m,30m,30m,60m,3h,3h,3h,6h,6h"
        RESOLVE_SCHEDULE="5s,10s,30s,1m,2m,5m,10m,30m,1h"; BREAKER_DELAY_MS=15000; JOBS_DAILY_AT=02:00 ;;
  test) PORT_OFFSET="${PAYRAIL_PORT_OFFSET:-10000}"; BROKER_PORT_DEFAULT=$((61616 + PORT_OFFSET / 1000))
        SIM_PORT_DEFAULT=$((8290 + PORT_OFFSET)); DB_NAME_DEFAULT=payrail_test; CHANNEL_READ_TIMEOUT_MS=3000
        NOTIFY_SCHEDULE="1s,1s,2s,2s,3s"
        RESOLVE_SCHEDULE="1s,1s,2s,2s,3s"; BREAKER_DELAY_MS=5000; JOBS_DAILY_AT=off ;;
  *) echo "unknown PAYRAIL_PROFILE '$PAYRAIL_PROFILE' (dev or test)" >&2; exit 2 ;;
esac

# --- MariaDB / MySQL (one server for all profiles) ---
# PAYRAIL_PORT_OFFSET (test profile only, default 10000) moves a whole test stack, MariaDB included,
# so that a second checkout can run its own beside this one (e.g. 20000: HTTPS 28181, database 3326)
DB_PORT_DEFAULT=3306
[ "$PORT_OFFSET" -gt 10000 ] && DB_PORT_DEFAULT=$((3306 + PORT_OFFSET / 1000))
DB_HOST="${PAYRAIL_DB_HOST:-127.0.0.1}"
# what Hibernate assumes the server is (it reads no JDBC metadata at boot): MariaDB 11.4 here, MySQL 8.0 elsewhere
DB_PRODUCT="${PAYRAIL_DB_PRODUCT:-MariaDB}"
DB_VERSION="${PAYRAIL_DB_VERSION:-11.4}"
DB_PORT="${PAYRAIL_DB_PORT:-$DB_PORT_DEFAULT}"
DB_NAME="${PAYRAIL_DB_NAME:-$DB_NAME_DEFAULT}"
DB_USER="${PAYRAIL_DB_USER:-payrail}"
DB_PASSWORD="${PAYRAIL_DB_PASSWORD:-payrail}"
MARIADB_DIR="$RUNTIME_DIR/mariadb"

# --- Artemis ---
BROKER_HOST="${PAYRAIL_BROKER_HOST:-127.0.0.1}"
BROKER_PORT="${PAYRAIL_BROKER_PORT:-$BROKER_PORT_DEFAULT}"
BROKER_USER="${PAYRAIL_BROKER_USER:-payrail}"
BROKER_PASSWORD="${PAYRAIL_BROKER_PASSWORD:-payrail}"
ARTEMIS_HOME="$RUNTIME_DIR/apache-artemis-$ARTEMIS_VERSION"
BROKER_INSTANCE="$PROFILE_DIR/broker"

# --- Payara Server ---
PAYARA_HOME="$RUNTIME_DIR/payara6"
DOMAIN_NAME=payrail
DOMAINS_DIR="$PROFILE_DIR/domains"
DOMAIN_DIR="$DOMAINS_DIR/$DOMAIN_NAME"
ADMIN_PORT=$((4848 + PORT_OFFSET))
HTTP_PORT=$((8080 + PORT_OFFSET))
HTTPS_PORT=$((8181 + PORT_OFFSET))
# loopback-only plain HTTP listener: the scripts' health probe while the public listeners are closed
LOCAL_HTTP_PORT=$((8480 + PORT_OFFSET))
PAYARA_HEAP="${PAYRAIL_PAYARA_HEAP:-768m}"
# the platform's key for what it signs to merchants: rsa (PLATFORM-1, the default) or ec (P-256,
# PLATFORM-EC-1, beside PLATFORM-1, which channels keep verifying: their protocols are RSA-only)
SIGNING_KEY_TYPE="${PAYRAIL_SIGNING_KEY_TYPE:-rsa}"
case "$SIGNING_KEY_TYPE" in
  rsa) SIGNING_KEY_ID=PLATFORM-1 ;;
  ec)  SIGNING_KEY_ID=PLATFORM-EC-1 ;;
  *)   printf 'ERROR: PAYRAIL_SIGNING_KEY_TYPE is %s\n       next: set it to rsa (the default) or ec\n' "$SIGNING_KEY_TYPE" >&2; exit 1 ;;
esac
ASADMIN="$PAYARA_HOME/bin/asadmin"

# --- channel simulator (Payara Micro) ---
SIM_PORT="${PAYRAIL_SIM_PORT:-$SIM_PORT_DEFAULT}"
SIM_URL="http://127.0.0.1:$SIM_PORT/sim"
SIM_DATA_DIR="$PROFILE_DIR/simulator/data"
# the channels' key pairs: kept when the test run empties the simulator, so Payara's copy stays valid
SIM_KEYS_DIR="$SIM_DATA_DIR/keys"
MICRO_JAR="$DOWNLOADS/payara-micro-$PAYARA_VERSION.jar"

# --- secrets the scripts generate (kept across domain re-creation) ---
KEYS_DIR="$PROFILE_DIR/keys"
SIGNING_KEYSTORE="$KEYS_DIR/platform-signing.p12"
SIGNING_PASSWORD_FILE="$KEYS_DIR/platform-signing.password"
# the card vault's AES-256 key (base64), made once per profile; a new key id is a rotation (docs/cashier.md)
VAULT_KEY_ID=VK1
VAULT_KEY_FILE="$KEYS_DIR/vault-key-$VAULT_KEY_ID"
# staff the scripts create at deployment (StaffBootstrap reads the bootstrap file): the scripts' own
# automation account, the test profile's one account per role, and once the first administrator
STAFF_DIR="$PROFILE_DIR/staff"
STAFF_BOOTSTRAP_FILE="$STAFF_DIR/bootstrap.tsv"
# the scripts' account for the operator API (onboarding the demo merchant, ./payrail operator, fault run)
CLI_STAFF=payrail-cli
# the old shared operator token (before staff identities): deleted on sight, refused by the server
LEGACY_OPERATOR_TOKEN_FILE="$KEYS_DIR/operator-token"

# --- the demo merchant: its key pair is the published test pair of docs/authentication.md ---
DEMO_MERCHANT=M100001
DEMO_KEY_ID=K1
DEMO_PRIVATE_KEY="$PAYRAIL_ROOT/docs/examples/demo-merchant-private.pem"
DEMO_PUBLIC_KEY="$PAYRAIL_ROOT/docs/examples/demo-merchant-public.pem"

EAR_FILE="$PAYRAIL_ROOT/ear/target/payrail.ear"
SDK_JAR="$PAYRAIL_ROOT/merchant-sdk/target/payrail-merchant-sdk-$PROJECT_VERSION.jar"
RAR_FILE="$PAYRAIL_ROOT/jms-config/target/artemis-ra.rar"
SIM_WAR="$PAYRAIL_ROOT/channel-simulator/target/channel-simulator.war"

mkdir -p "$LOG_DIR" "$DOWNLOADS"

# --- output: every long step says what it does; every failure says what to do next ---
step()  { printf '\033[1m==> [%s] %s\033[0m\n' "$PAYRAIL_PROFILE" "$*"; }
info()  { printf '    %s\n' "$*"; }
fail()  { printf '\033[31mERROR: %s\033[0m\n' "$1" >&2; [ $# -gt 1 ] && printf '       next: %s\n' "$2" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for "what" seconds command...: polls once a second, printing a dot every 5 s
wait_for() {
  local what="$1" seconds="$2"; shift 2
  local i
  for ((i = 1; i <= seconds; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    (( i % 5 == 0 )) && printf '    ... waiting for %s (%ds)\n' "$what" "$i"
    sleep 1
  done
  return 1
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# A zombie whose threads have all exited counts as gone (its parent may not have reaped it yet). A
# zombie group leader with threads left is still running: a JVM's threads outlive its main thread
# for a moment after kill -9, and its sockets stay open until the last one exits.
proc_running() {
  local status
  status="$(cat "/proc/$1/status" 2>/dev/null)" || return 1
  ! { grep -q '^State:[[:space:]]*Z' <<<"$status" && grep -q '^Threads:[[:space:]]*1$' <<<"$status"; }
}

# kill9_verified NAME PID-FILE ARG...: kill -9 the process whose pid the file holds, but only once
# each ARG is exactly one of its command-line arguments (a pid file outlives its process after a
# crash, and the kernel hands its pid to the next process); returns once the process is gone
kill9_verified() {
  local name="$1" file="$2" pid args arg i
  shift 2
  [ -s "$file" ] || fail "no pid file $file: the $name of this stack is not running" "./payrail status shows what runs"
  pid="$(tr -dc '0-9' <"$file")"
  proc_running "$pid" || fail "the $name is not running (pid $pid of $file is gone)" "./payrail status shows what runs"
  # read once, then match: a `tr | grep -q` pipeline fails under pipefail when grep stops reading early
  args="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  for arg in "$@"; do
    grep -qxF -- "$arg" <<<"$args" \
      || fail "pid $pid (from $file) is not the $name of this stack: it has no argument $arg" "ps -fp $pid"
  done
  kill -9 "$pid"
  for ((i = 0; i < 100; i++)); do proc_running "$pid" || return 0; sleep 0.1; done
  fail "pid $pid ($name) is still alive 10 s after kill -9" "ps -fp $pid"
}

# stop_pid file name: TERM, wait up to 30 s, then KILL
stop_pid() {
  local file="$1" name="$2" pid i
  if ! pid_alive "$file"; then rm -f "$file"; return 0; fi
  pid="$(cat "$file")"
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 30; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then info "$name did not stop in 30 s; killing it"; kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$file"
}

# fetch_artifact groupId:artifactId:version[:packaging[:classifier]] dest-file
# Maven resolves from ~/.m2 or Maven Central; the copy is skipped when dest exists.
fetch_artifact() {
  local coords="$1" dest="$2"
  [ -s "$dest" ] && return 0
  info "fetching $coords from Maven Central (first run only)"
  local tmp; tmp="$(mktemp -d)"
  mvn -q -B dependency:copy -Dartifact="$coords" -DoutputDirectory="$tmp" -Dmdep.stripVersion=false \
    >"$LOG_DIR/fetch.log" 2>&1 || fail "could not fetch $coords (see $LOG_DIR/fetch.log)" \
    "check that Maven Central is reachable (mvn -v; curl -I https://repo.maven.apache.org)"
  mv "$tmp"/* "$dest"
  rmdir "$tmp"
}

require_java() {
  command -v java >/dev/null || fail "java is not on PATH" "install JDK 17 (apt-get install openjdk-17-jdk-headless)"
  local v; v="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  [ "${v%%.*}" -ge 17 ] 2>/dev/null || fail "Java $v found; Payrail needs Java 17" "set JAVA_HOME to a JDK 17"
  command -v mvn >/dev/null || fail "mvn is not on PATH" "install Maven 3.8+ (apt-get install maven)"
}
