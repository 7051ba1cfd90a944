#!/usr/bin/env bash
# ./payrail bench: what a payment costs on a RUNNING stack, and how fast the platform goes
# (benchmarks/README.md): the end-to-end load closed loop at 1, 8 and 32 clients, an open loop at a
# fixed rate, one hot merchant against 32, a plain-JDBC baseline on the same MariaDB, SQL
# statements, commits and fsyncs per payment, CPU per payment of each process. Prints progress every
# 5 s and a table; appends one row per step to benchmarks/results/bench.csv.
#
#   ./payrail bench [--profile dev|test] [--no-build] [options of the bench]   (--help lists them)
#
# --profile dev (default) measures the stack of `./payrail run`; --profile test the test stack
# (PAYRAIL_PORT_OFFSET respected). It starts nothing of the stack: a part that is down is an error
# that says how to start it. It creates the scratch database payrail_bench for the baseline and
# drops it at the end. Files of the run: .runtime/<profile>/bench-runs/<UTC time>/.
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE="${PAYRAIL_PROFILE:-dev}"
BUILD=1
HELP=0
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) [ $# -ge 2 ] || { echo "ERROR: --profile needs dev or test" >&2; exit 2; }; PROFILE="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) HELP=1; shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
case "$PROFILE" in
  dev|test) ;;
  *) echo "ERROR: unknown profile '$PROFILE'" >&2; echo "       next: --profile dev (./payrail run's stack) or --profile test" >&2; exit 2 ;;
esac
export PAYRAIL_PROFILE="$PROFILE"
# shellcheck source=../payara-config/bin/stack.sh
source payara-config/bin/stack.sh

BENCH_JAR="$PAYRAIL_ROOT/benchmarks/target/payrail-benchmarks.jar"
bench_java() { java -Xmx512m -cp "$BENCH_JAR:$PAYRAIL_ROOT/benchmarks/target/lib/*" io.payrail.bench.Bench "$@"; }

if [ "$HELP" = 1 ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  if [ -f "$BENCH_JAR" ]; then echo; bench_java --help || true; else echo "(build it for the list of options: mvn -pl benchmarks -am package)"; fi
  exit 0
fi

if [ "$PROFILE" = test ]; then
  START="PAYRAIL_PORT_OFFSET=$PORT_OFFSET ./payrail test-up"
else
  START="./payrail run"
fi

# --- the stack must be running: the bench starts none of it ------------------------------------------
port_open "$DB_HOST" "$DB_PORT" || fail "the stack is not running: no database answers on $DB_HOST:$DB_PORT" "$START"
{ pid_alive "$BROKER_PID" && port_open "$BROKER_HOST" "$BROKER_PORT"; } \
  || fail "the stack is not running: its broker is down (tcp://$BROKER_HOST:$BROKER_PORT)" "$START"
sim_health || fail "the stack is not running: the channel simulator does not answer at $SIM_URL" "$START"
payara_health || fail "the stack is not running: Payara Server is not healthy (http://127.0.0.1:$LOCAL_HTTP_PORT/health)" "$START"

# one user of the test stack at a time: ./payrail test recreates its database under a bench, and a
# fault run's kills would spoil the figures
if [ "$PROFILE" = test ] && command -v flock >/dev/null 2>&1; then
  exec 9>"$PROFILE_DIR/stack.lock"
  flock -n 9 || fail "the test stack is in use by another run holding $PROFILE_DIR/stack.lock (./payrail test or a fault run)" \
    "wait for it to finish, then run the bench again"
fi

if [ "$BUILD" = 1 ] || [ ! -f "$BENCH_JAR" ]; then
  require_java
  step "building the merchant SDK and the bench (mvn; log in $LOG_DIR/bench-build.log)"
  mvn -B -DskipTests -pl benchmarks -am package >"$LOG_DIR/bench-build.log" 2>&1 \
    || { tail -30 "$LOG_DIR/bench-build.log" >&2; fail "the build failed (see $LOG_DIR/bench-build.log)" "fix it, then run the bench again"; }
fi

RUN_DIR="$PROFILE_DIR/bench-runs/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RUN_DIR"

# the baseline's scratch database, dropped again however the bench ends
BASELINE_DB=payrail_bench
BASELINE_ARGS=()
drop_baseline_db() { db_admin_sql "DROP DATABASE IF EXISTS \`$BASELINE_DB\`;" 2>/dev/null || true; }
if (db_up "$BASELINE_DB") >"$RUN_DIR/baseline-db.log" 2>&1 9>&-; then
  trap drop_baseline_db EXIT
  BASELINE_ARGS=(--baseline-db-url "jdbc:mysql://$DB_HOST:$DB_PORT/$BASELINE_DB?sslMode=DISABLED")
else
  info "cannot create the scratch database $BASELINE_DB (see $RUN_DIR/baseline-db.log): the plain-JDBC baseline is left out"
  info "(set PAYRAIL_DB_ADMIN_USER/PAYRAIL_DB_ADMIN_PASSWORD for a database server this script did not start)"
fi

PIDS=(--pid "payara=$DOMAIN_DIR/config/pid" --pid "artemis=$BROKER_PID" --pid "simulator=$SIM_PID")
# MariaDB's CPU only when it is the private server these scripts started (its pid file is ours)
db_ours && PIDS+=(--pid "mariadb=$MARIADB_PID")

COMMIT="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
# the results file itself does not make the code dirty
[ -n "$(git status --porcelain -- . ':!benchmarks/results' 2>/dev/null)" ] && COMMIT="$COMMIT-dirty"

# the bench onboards its merchants as the scripts' staff account (OPERATIONS): a fresh token, kept
# in the run's folder for this run only (0600)
(umask 077; staff_token "$CLI_STAFF" >"$RUN_DIR/operator-token") \
  || fail "could not sign in to the operator API as $CLI_STAFF" "is the stack running? ./payrail status"
step "bench on the $PROFILE stack (https://localhost:$HTTPS_PORT, database $DB_NAME on $DB_HOST:$DB_PORT); output also in $RUN_DIR/bench.log"
export PAYRAIL_DB_PASSWORD="$DB_PASSWORD"
set +e
bench_java --profile "$PROFILE" --base "https://localhost:$HTTPS_PORT" --tls-cert "$TLS_DIR/payrail-tls.crt" \
  --operator-token-file "$RUN_DIR/operator-token" --sim-url "$SIM_URL" \
  --db-url "jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME?sslMode=DISABLED" --db-user "$DB_USER" "${BASELINE_ARGS[@]}" \
  "${PIDS[@]}" --clock-ticks "$(getconf CLK_TCK)" --csv "$PAYRAIL_ROOT/benchmarks/results/bench.csv" --out "$RUN_DIR" \
  --commit "$COMMIT" --payara-version "$PAYARA_VERSION" --artemis-version "$ARTEMIS_VERSION" \
  "${ARGS[@]}" 9>&- 2>&1 | tee "$RUN_DIR/bench.log"
rc=${PIPESTATUS[0]}
set -e
exit "$rc"
