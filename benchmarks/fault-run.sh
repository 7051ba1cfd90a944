#!/usr/bin/env bash
# Fault run: a load of payments, `kill -9` of parts of the stack in the middle of it (Payara Server,
# the database, the broker, the channel simulator, or all of them in turn), each followed by a
# restart, and then the checks that matter after a crash: every order final (within a bounded
# time after the last restart), nothing charged twice at the bank, every SUCCEEDED order's
# notification acknowledged, no outbox row left unpublished, no in-doubt XA transaction, every
# journal entry balanced and one capture per paid order, and no unsigned 404 seen by the clients.
#
#   bash benchmarks/fault-run.sh [--kill payara|database|broker|simulator|chaos] [--kills N]
#                                [--clients N] [--duration S] [--kill-after S] [--kill-gap S]
#                                [--converge-timeout S] [--decline-percent P] [--cashier-percent P] [--no-build]
#
# Runs on the isolated test stack (PAYRAIL_PROFILE=test, PAYRAIL_PORT_OFFSET respected); starts it
# with `./payrail test-up` when it is not up, and then stops it again at the end
# (PAYRAIL_KEEP_TEST_STACK=1 keeps it). A stack that was already up is left up. Kills and restarts
# are `./payrail test-kill PART` and `./payrail test-start PART`.
# Exit status 0 only when every check passes. Everything the run writes is in
# .runtime/test/fault-runs/<time>/ (the load generator's log, orders, notifications, details of each check).
set -euo pipefail
cd "$(dirname "$0")/.."
export PAYRAIL_PROFILE=test
# shellcheck source=../payara-config/bin/stack.sh
source payara-config/bin/stack.sh

KILL=payara          # what is killed: one part, or chaos (all four in turn)
KILLS=""             # how many kills (default 1, chaos 8: each part twice)
CLIENTS=8
DURATION=60          # new payments are started for at least this long ...
TAIL=10              # ... and until this long after the last restart
KILL_AFTER=15        # seconds of load before the first kill -9
KILL_GAP=10          # seconds of load between a recovered stack and the next kill
RECOVER_TIMEOUT=180  # seconds for the stack to be healthy again after a restart
CONVERGE_TIMEOUT=300 # seconds, from the last restart, for every order to be final and everything settled
DECLINE_PERCENT=10
CASHIER_PERCENT=30   # share of payments paid by a payer at the cashier (half card at CARDGW, half quick pay)
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --kill) KILL="$2"; shift 2 ;;
    --kills) KILLS="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --kill-after) KILL_AFTER="$2"; shift 2 ;;
    --kill-gap) KILL_GAP="$2"; shift 2 ;;
    --converge-timeout) CONVERGE_TIMEOUT="$2"; shift 2 ;;
    --decline-percent) DECLINE_PERCENT="$2"; shift 2 ;;
    --cashier-percent) CASHIER_PERCENT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1" "bash benchmarks/fault-run.sh --help" ;;
  esac
done
PARTS=(payara database broker simulator)
case "$KILL" in
  chaos) KILLS="${KILLS:-8}" ;;
  payara|database|broker|simulator) KILLS="${KILLS:-1}" ;;
  *) fail "unknown --kill '$KILL'" "one of: payara, database, broker, simulator, chaos" ;;
esac
for n in "$KILLS" "$CLIENTS" "$DURATION" "$KILL_AFTER" "$KILL_GAP" "$CONVERGE_TIMEOUT" "$CASHIER_PERCENT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || fail "'$n' is not a whole number of kills, clients or seconds" "bash benchmarks/fault-run.sh --help"
done
[ "$KILLS" -ge 1 ] || fail "--kills must be at least 1" "e.g. --kill chaos --kills 8"
# the kills in order: chaos takes the parts in turn, so each is killed KILLS/4 times or once more
KILL_PLAN=()
for ((i = 0; i < KILLS; i++)); do
  if [ "$KILL" = chaos ]; then KILL_PLAN+=("${PARTS[i % ${#PARTS[@]}]}"); else KILL_PLAN+=("$KILL"); fi
done
# the load lasts until the script ends it (the end file): this is only the generator's own limit
LOAD_LIMIT=$((DURATION + KILL_AFTER + KILLS * (KILL_GAP + 2 * RECOVER_TIMEOUT) + TAIL))
RETRY_DEADLINE=$((LOAD_LIMIT + 180))   # a create is retried (same merchant order number) until then

# One user of the test stack at a time: two fault runs, or a fault run and a `./payrail test` (which
# recreates payrail_test and restarts the stack), would spoil each other. This run holds
# $PROFILE_DIR/stack.lock; `./payrail test` can take the same lock (flock) to keep fault runs out.
STACK_LOCK="$PROFILE_DIR/stack.lock"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$STACK_LOCK"
  flock -n 9 || fail "the test stack is in use by another run holding $STACK_LOCK (a fault run or ./payrail test)" \
    "wait for it to finish, then run this again"
else
  info "flock not found: not guarding the test stack against a concurrent ./payrail test"
fi

BENCH_JAR="$PAYRAIL_ROOT/benchmarks/target/payrail-benchmarks.jar"
RUN_DIR="$PROFILE_DIR/fault-runs/$(date -u +%Y%m%dT%H%M%SZ)"
GEN_LOG="$RUN_DIR/load-generator.log"
mkdir -p "$RUN_DIR"
RUN_STARTED=$SECONDS
GEN_PID=""
STARTED_STACK=0
GEN_LINES_SHOWN=0
PHASES=()

phase_done() { PHASES+=("$(printf '%-34s %5d s' "$1" "$2")"); }
t() { printf '%4ds' $((SECONDS - RUN_STARTED)); }
say() { printf '    [%s] %s\n' "$(t)" "$*"; }

# the load generator's new log lines, indented (called from every wait loop)
show_generator_log() {
  [ -f "$GEN_LOG" ] || return 0
  local total; total=$(wc -l <"$GEN_LOG")
  if [ "$total" -gt "$GEN_LINES_SHOWN" ]; then
    sed -n "$((GEN_LINES_SHOWN + 1)),${total}p" "$GEN_LOG" | sed 's/^/      | /'
    GEN_LINES_SHOWN=$total
  fi
}

generator_alive() { [ -n "$GEN_PID" ] && kill -0 "$GEN_PID" 2>/dev/null; }

stop_generator() {
  generator_alive || return 0
  touch "$RUN_DIR/stop"
  local i
  for ((i = 0; i < 20; i++)); do generator_alive || break; sleep 0.5; done
  if generator_alive; then kill "$GEN_PID" 2>/dev/null || true; fi
  wait "$GEN_PID" 2>/dev/null || true
}

stack_down_if_ours() {
  if [ "$STARTED_STACK" = 1 ]; then
    if [ "${PAYRAIL_KEEP_TEST_STACK:-}" = 1 ]; then
      info "PAYRAIL_KEEP_TEST_STACK=1: the test stack keeps running (./payrail test-down stops it)"
    else
      step "stopping the test stack this run started (./payrail test-down; PAYRAIL_KEEP_TEST_STACK=1 keeps it)"
      ./payrail test-down >"$LOG_DIR/fault-run-test-down.log" 2>&1 9>&- || info "test-down failed: see $LOG_DIR/fault-run-test-down.log"
    fi
  fi
}

on_exit() {
  local rc=$?
  stop_generator
  if [ $rc -ne 0 ] && [ -z "${CHECKS_DONE:-}" ]; then
    printf '\n    The run stopped early. Look at: %s, %s/payara-server.log, %s/payara-start.log, %s/simulator.log\n' \
      "$GEN_LOG" "$LOG_DIR" "$LOG_DIR" "$LOG_DIR" >&2
    if [ -n "${KILLED_PART:-}" ] && [ "$STARTED_STACK" != 1 ]; then
      printf '    The %s was killed and may not be running: ./payrail test-start %s brings it back\n' "$KILLED_PART" "$KILLED_PART" >&2
    fi
  fi
  stack_down_if_ours
}
trap on_exit EXIT

stack_up() {
  port_open "$DB_HOST" "$DB_PORT" && pid_alive "$BROKER_PID" && port_open "$BROKER_HOST" "$BROKER_PORT" \
    && sim_health && payara_health
}

# --- 1. build ------------------------------------------------------------------------------------------
step "fault run: $CLIENTS clients, kill -9 of ${KILL_PLAN[*]} (first after $KILL_AFTER s, then $KILL_GAP s after each recovery); files in $RUN_DIR"
p=$SECONDS
if [ "$BUILD" = 1 ] || [ ! -f "$BENCH_JAR" ]; then
  require_java
  step "building the merchant SDK and the load generator (mvn; log in $LOG_DIR/fault-run-build.log)"
  if grep -q '<module>benchmarks</module>' pom.xml; then
    mvn -B -DskipTests -pl benchmarks -am package >"$LOG_DIR/fault-run-build.log" 2>&1
  else
    # benchmarks/ is not (yet) a module of the parent: install the parent POM and the SDK, then build it alone
    { mvn -B -N install && mvn -B -DskipTests -f merchant-sdk/pom.xml install && mvn -B -f benchmarks/pom.xml package; } \
      >"$LOG_DIR/fault-run-build.log" 2>&1
  fi || { tail -30 "$LOG_DIR/fault-run-build.log" >&2; fail "the build failed (see $LOG_DIR/fault-run-build.log)" "fix it, then re-run"; }
fi
phase_done "build" $((SECONDS - p))

# --- 2. the test stack -----------------------------------------------------------------------------------
p=$SECONDS
if stack_up; then
  step "the test stack is up (https://localhost:$HTTPS_PORT, simulator $SIM_URL, database $DB_NAME): using it"
else
  if payara_running || pid_alive "$SIM_PID" || pid_alive "$BROKER_PID"; then
    step "the test stack is partly up: ./payrail test-up (log in $LOG_DIR/fault-run-test-up.log); it stays up afterwards"
  else
    step "the test stack is down: ./payrail test-up (log in $LOG_DIR/fault-run-test-up.log); stopped again at the end"
    STARTED_STACK=1
  fi
  ./payrail test-up >"$LOG_DIR/fault-run-test-up.log" 2>&1 9>&- \
    || { tail -20 "$LOG_DIR/fault-run-test-up.log" >&2; fail "./payrail test-up failed (see $LOG_DIR/fault-run-test-up.log)" \
         "fix the stack first: ./payrail test-up"; }
  stack_up || fail "the test stack is still not healthy after test-up" "./payrail status (PAYRAIL_PROFILE=test)"
fi
phase_done "test stack up" $((SECONDS - p))
SIM_TOTALS_BEFORE="$(curl -s --max-time 5 "$SIM_URL/admin/charges" || echo '?')"

# --- 3. load, kills, restarts --------------------------------------------------------------------------------
step "starting the load generator (log $GEN_LOG)"
# the generator onboards its merchant as the scripts' staff account (OPERATIONS): a fresh token,
# kept in the run's folder for this run only (0600)
(umask 077; staff_token "$CLI_STAFF" >"$RUN_DIR/operator-token")
java -Xmx384m -cp "$BENCH_JAR:$PAYRAIL_ROOT/benchmarks/target/lib/*" io.payrail.bench.LoadGenerator \
  --base "https://localhost:$HTTPS_PORT" --tls-cert "$TLS_DIR/payrail-tls.crt" --operator-token-file "$RUN_DIR/operator-token" \
  --out "$RUN_DIR" --clients "$CLIENTS" --duration "$LOAD_LIMIT" --end-file "$RUN_DIR/end-load" \
  --retry-deadline "$RETRY_DEADLINE" --receiver-max $((RETRY_DEADLINE + 1800)) \
  --decline-percent "$DECLINE_PERCENT" --cashier-percent "$CASHIER_PERCENT" --sim-url "$SIM_URL" \
  --progress 5 >"$GEN_LOG" 2>&1 9>&- &
GEN_PID=$!
p=$SECONDS
until [ -f "$RUN_DIR/ready" ]; do
  generator_alive || { show_generator_log; fail "the load generator exited before it was ready" "read $GEN_LOG"; }
  [ $((SECONDS - p)) -lt 60 ] || fail "the load generator was not ready in 60 s" "read $GEN_LOG"
  sleep 0.5
done
MERCHANT="$(sed -n 's/^merchant=//p' "$RUN_DIR/ready")"
LOAD_STARTED=$SECONDS
show_generator_log

q() { db_sql "$DB_NAME" "$1"; }   # one value or rows, tab-separated, no header
RUN_ORDERS="SELECT id FROM payment_order WHERE merchant_id = '$MERCHANT'"

states_text() {
  q "SELECT state, COUNT(*) FROM payment_order WHERE merchant_id = '$MERCHANT' GROUP BY state ORDER BY state" \
    | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 } END { if (NR == 0) printf "none" }'
}

# load_for SECONDS WHY: keeps the load running (and its log shown) for that long
load_for() {
  local until=$((SECONDS + $1))
  while [ "$SECONDS" -lt "$until" ]; do
    generator_alive || { show_generator_log; fail "the load generator died during the load ($2)" "read $GEN_LOG"; }
    sleep 1
    show_generator_log
  done
}

# in_background_until_done LOG COMMAND...: runs a command while the load's log goes on being shown;
# returns its exit status
in_background_until_done() {
  local log="$1" pid rc=0
  shift
  "$@" >"$log" 2>&1 9>&- &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do sleep 1; show_generator_log; done
  wait "$pid" || rc=$?
  return "$rc"
}

# consumers of the channel request queue (the MDB's sessions), from the broker's statistics; the
# Artemis CLI is a JVM of its own (seconds on a busy box), so it is asked once per broker kill
request_queue_consumers() {
  broker_queues 2>/dev/null | awk -F'|' '{ gsub(/ /, "", $2) } $2 == "payrail.channel.request" { gsub(/ /, "", $4); print $4 + 0; exit }'
}

# The stack serves again: Payara healthy (its database and broker checks UP) and an order of this run
# created after the part came back is final, so the whole path (gateway, outbox, broker, MDB,
# channel, recorder) works again. SINCE is UTC 'YYYY-MM-DD HH:MM:SS' (the database's clock is UTC).
stack_recovered() {
  payara_health || return 1
  [ "$(q "SELECT COUNT(*) FROM payment_order WHERE merchant_id = '$MERCHANT' AND created_at >= '$1'
          AND state IN ('SUCCEEDED','FAILED','CLOSED','PARTIALLY_REFUNDED','REFUNDED')" 2>/dev/null || echo 0)" -gt 0 ]
}

# what stack_recovered looks at, for the progress lines
recovery_state() {
  local health
  health="$(curl -s --max-time 5 "http://127.0.0.1:$LOCAL_HTTP_PORT/health" | grep -o '"name":"[a-z]*","status":"[A-Z]*"' \
    | sed 's/"name":"\([a-z]*\)","status":"\([A-Z]*\)"/\1 \2/' | paste -sd, - || true)"
  printf 'health: %s; orders of this run created since %s: %s' "${health:-no answer}" "$1" \
    "$(q "SELECT CONCAT(COUNT(*), ' (', SUM(state IN ('SUCCEEDED','FAILED','CLOSED')), ' final)') FROM payment_order
          WHERE merchant_id = '$MERCHANT' AND created_at >= '$1'" 2>/dev/null || echo '?')"
}

KILL_ROWS=()      # one line per kill for the summary
RECOVERY_FAILS=0
FIRST_KILL_ISO=""
step "load running; first kill -9 (${KILL_PLAN[0]}) in $KILL_AFTER s"
load_for "$KILL_AFTER" "before the first kill"
for ((k = 0; k < KILLS; k++)); do
  part="${KILL_PLAN[k]}"
  [ "$k" = 0 ] || { step "load for $KILL_GAP s before kill $((k + 1)) of $KILLS ($part)"; load_for "$KILL_GAP" "between kills"; }
  KILL_ISO="$(date -u +%Y-%m-%dT%H:%M:%S)"; FIRST_KILL_ISO="${FIRST_KILL_ISO:-$KILL_ISO}"
  step "kill $((k + 1)) of $KILLS: ./payrail test-kill $part (after $((SECONDS - LOAD_STARTED)) s of load)"
  ./payrail test-kill "$part" >"$RUN_DIR/kill-$((k + 1))-$part.log" 2>&1 9>&- \
    || { cat "$RUN_DIR/kill-$((k + 1))-$part.log" >&2; fail "could not kill the $part" "see $RUN_DIR/kill-$((k + 1))-$part.log"; }
  KILLED_AT=$SECONDS; KILLED_PART="$part"
  if [ "$part" = database ]; then
    say "the database is gone (the crash's leftovers are counted once it is back)"
  else
    say "the $part is gone. What the crash left (database as of now): orders of this run: $(states_text);" \
      "outbox unpublished: $(q 'SELECT COUNT(*) FROM outbox_message WHERE published_at IS NULL')"
  fi
  show_generator_log
  step "./payrail test-start $part (log $RUN_DIR/start-$((k + 1))-$part.log)"
  in_background_until_done "$RUN_DIR/start-$((k + 1))-$part.log" ./payrail test-start "$part" \
    || { tail -5 "$RUN_DIR/start-$((k + 1))-$part.log" >&2; fail "./payrail test-start $part failed" "see $RUN_DIR/start-$((k + 1))-$part.log"; }
  LAST_RESTART=$SECONDS   # the time limit on "every order final" counts from the last part's return
  BACK=$((SECONDS - KILLED_AT)); KILLED_PART=""; BACK_UTC="$(date -u '+%Y-%m-%d %H:%M:%S')"
  say "the $part is back (healthy) $BACK s after the kill; waiting for the stack to serve again"
  p=$SECONDS; next_say=$((SECONDS + 10))
  recovered=1
  until stack_recovered "$BACK_UTC"; do
    if [ $((SECONDS - p)) -ge "$RECOVER_TIMEOUT" ]; then recovered=0; break; fi
    sleep 2
    show_generator_log
    if [ "$SECONDS" -ge "$next_say" ]; then
      say "... not serving yet: $(recovery_state "$BACK_UTC")"; next_say=$((SECONDS + 10))
    fi
  done
  if [ "$recovered" = 1 ]; then
    RECOVERED=$((SECONDS - KILLED_AT))
    say "stack serving again $RECOVERED s after the kill: health UP, a new order final$([ "$part" != broker ] || echo "; $(request_queue_consumers) consumer(s) on payrail.channel.request")"
    KILL_ROWS+=("$(printf '%2d  %-10s %-20s part back %4d s, stack serving %4d s' $((k + 1)) "$part" "$KILL_ISO" "$BACK" "$RECOVERED")")
  else
    RECOVERY_FAILS=$((RECOVERY_FAILS + 1))
    say "stack NOT serving $RECOVER_TIMEOUT s after the $part came back: $(recovery_state "$BACK_UTC")"
    KILL_ROWS+=("$(printf '%2d  %-10s %-20s part back %4d s, stack NOT serving after %d s more' $((k + 1)) "$part" "$KILL_ISO" "$BACK" "$RECOVER_TIMEOUT")")
  fi
done
phase_done "kills and restarts" $((SECONDS - LOAD_STARTED))

# new payments until --duration, and at least TAIL s after the last restart
step "load goes on for $TAIL s after the last restart (and until $DURATION s), then in-flight retries finish"
load_for $((TAIL > DURATION - (SECONDS - LOAD_STARTED) ? TAIL : DURATION - (SECONDS - LOAD_STARTED))) "after the last restart"
touch "$RUN_DIR/end-load"
while [ ! -f "$RUN_DIR/load-done" ]; do
  generator_alive || { show_generator_log; fail "the load generator died before finishing the load" "read $GEN_LOG"; }
  [ $((SECONDS - LOAD_STARTED)) -lt $((RETRY_DEADLINE + 60)) ] || fail "the load did not finish" "read $GEN_LOG"
  sleep 1
  show_generator_log
done
show_generator_log
phase_done "load (incl. the kills)" $((SECONDS - LOAD_STARTED))
lv() { sed -n "s/^$1=//p" "$RUN_DIR/load-done"; }

# --- 4. convergence ------------------------------------------------------------------------------------------
NONFINAL_SQL="SELECT COUNT(*) FROM payment_order WHERE merchant_id = '$MERCHANT'
  AND state NOT IN ('SUCCEEDED','FAILED','CLOSED','PARTIALLY_REFUNDED','REFUNDED')"
UNACKED_SQL="SELECT COUNT(*) FROM payment_order o WHERE o.merchant_id = '$MERCHANT' AND o.state = 'SUCCEEDED'
  AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.aggregate_id = o.id AND n.event_type = 'payment.succeeded'
                  AND n.state = 'DELIVERED')"
PENDING_NOTIF_SQL="SELECT COUNT(*) FROM notification WHERE merchant_id = '$MERCHANT' AND state = 'PENDING'"
UNPUBLISHED_SQL="SELECT COUNT(*) FROM outbox_message WHERE published_at IS NULL"

xa_recover() {
  # XA RECOVER lists every prepared, undecided XA branch of the server; as root on our private server's socket
  if db_ours; then
    "$MARIADB_CLIENT" --no-defaults --skip-ssl --socket="$MARIADB_SOCKET" -uroot -N -B -e 'XA RECOVER'
  elif [ -n "${PAYRAIL_DB_ADMIN_USER:-}" ]; then
    db_admin_sql 'XA RECOVER' | tail -n +2
  else
    q 'XA RECOVER'
  fi
}

step "waiting until $CONVERGE_TIMEOUT s after the last restart for convergence: orders final, notifications delivered, outbox published, XA RECOVER empty"
p=$SECONDS
FINAL_AFTER=""   # seconds from the last restart until every order of the run was final
while true; do
  nonfinal="$(q "$NONFINAL_SQL")"; unacked="$(q "$UNACKED_SQL")"; pending="$(q "$PENDING_NOTIF_SQL")"
  unpublished="$(q "$UNPUBLISHED_SQL")"; xa="$(xa_recover | grep -c . || true)"
  if [ "$nonfinal" = 0 ] && [ -z "$FINAL_AFTER" ]; then
    FINAL_AFTER=$((SECONDS - LAST_RESTART))
    say "every order of the run is final, $FINAL_AFTER s after the last restart"
  fi
  if [ "$nonfinal" = 0 ] && [ "$unacked" = 0 ] && [ "$pending" = 0 ] && [ "$unpublished" = 0 ] && [ "$xa" = 0 ]; then
    say "converged $((SECONDS - LAST_RESTART)) s after the last restart: $(states_text)"
    break
  fi
  if [ $((SECONDS - LAST_RESTART)) -ge "$CONVERGE_TIMEOUT" ]; then
    say "NOT converged after $CONVERGE_TIMEOUT s: non-final orders $nonfinal, SUCCEEDED without delivered notification $unacked, notifications PENDING $pending, outbox unpublished $unpublished, XA RECOVER rows $xa"
    break
  fi
  say "orders: $(states_text) | non-final $nonfinal, succeeded-unnotified $unacked, notifications pending $pending, outbox unpublished $unpublished, XA in doubt $xa"
  sleep 5
done
phase_done "convergence" $((SECONDS - p))

# --- 5. checks --------------------------------------------------------------------------------------------
p=$SECONDS
step "checking (details in $RUN_DIR/check-*.txt)"
RESULTS=()
ALL_PASS=1
NEXT=()
check() {  # check NAME PASS|FAIL "numbers"
  RESULTS+=("$(printf '%-4s  %-44s %s' "$2" "$1" "$3")")
  if [ "$2" = PASS ]; then
    printf '    \033[32mPASS\033[0m  %-44s %s\n' "$1" "$3"
  else
    ALL_PASS=0
    printf '    \033[31mFAIL\033[0m  %-44s %s\n' "$1" "$3"
  fi
}

q "SELECT id, merchant_order_no, state, amount_minor, COALESCE(channel_id, '-') FROM payment_order WHERE merchant_id = '$MERCHANT' ORDER BY id" \
  >"$RUN_DIR/db-orders.tsv"
DB_ORDERS=$(wc -l <"$RUN_DIR/db-orders.tsv")

# (a) every create the generator started was confirmed, and each confirmed number maps to the one order
CONFIRMED=$(lv confirmed); STARTED=$(lv started); UNCONF=$(( $(lv unconfirmed) + $(lv rejected) ))
awk -F'\t' 'NR == FNR { db[$2] = $1; next } { if (!($2 in db)) print "missing in database:", $0; else if (db[$2] != $1) print "id differs: generator", $1, "database", db[$2], "for", $2 }' \
  "$RUN_DIR/db-orders.tsv" "$RUN_DIR/orders.tsv" >"$RUN_DIR/check-creates.txt"
MISMATCH=$(grep -c . "$RUN_DIR/check-creates.txt" || true)
cat "$RUN_DIR/unconfirmed.tsv" >>"$RUN_DIR/check-creates.txt"
if [ "$UNCONF" = 0 ] && [ "$MISMATCH" = 0 ] && [ "$DB_ORDERS" = "$CONFIRMED" ]; then
  check "every create answered; one order per number" PASS "$CONFIRMED confirmed = $DB_ORDERS orders in the database; $(lv confirmedAfterRetry) needed retries, $(lv replayed200) answered 200 (first try had landed)"
else
  check "every create answered; one order per number" FAIL "started $STARTED, confirmed $CONFIRMED, unconfirmed/rejected $UNCONF, database orders $DB_ORDERS, id mismatches $MISMATCH"
  NEXT+=("creates: $RUN_DIR/check-creates.txt and $GEN_LOG")
fi

# (b) every order final
awk -F'\t' '$3 !~ /^(SUCCEEDED|FAILED|CLOSED|PARTIALLY_REFUNDED|REFUNDED)$/' "$RUN_DIR/db-orders.tsv" >"$RUN_DIR/check-final.txt"
NONFINAL=$(grep -c . "$RUN_DIR/check-final.txt" || true)
SUCCEEDED=$(awk -F'\t' '$3 ~ /^(SUCCEEDED|PARTIALLY_REFUNDED|REFUNDED)$/' "$RUN_DIR/db-orders.tsv" | grep -c . || true)
FAILED=$(awk -F'\t' '$3 == "FAILED"' "$RUN_DIR/db-orders.tsv" | grep -c . || true)
if [ "$NONFINAL" = 0 ] && [ "$DB_ORDERS" -gt 0 ] && [ -n "$FINAL_AFTER" ] && [ "$FINAL_AFTER" -le "$CONVERGE_TIMEOUT" ]; then
  check "every order final" PASS "$DB_ORDERS orders, all final $FINAL_AFTER s after the last restart (limit $CONVERGE_TIMEOUT s): $(states_text)"
else
  check "every order final" FAIL "$NONFINAL of $DB_ORDERS not final $((SECONDS - LAST_RESTART)) s after the last restart (limit $CONVERGE_TIMEOUT s; all final after: ${FINAL_AFTER:-never}): $(states_text)"
  NEXT+=("stuck orders: $RUN_DIR/check-final.txt; their history: SELECT * FROM state_transition WHERE aggregate_id = '<id>'; the queue: ./payrail queues (PAYRAIL_PROFILE=test; DLQ?); $LOG_DIR/payara-server.log")
fi

# (c) nothing charged twice: the simulator's own record of every card bank, per order. SIMBANK's record is
# /sim/admin/charges/{ref}; a second acquirer SIMBANK2, where the simulator has one, keeps its own at
# /sim/admin/bank2/charges/{ref}. An order's charges are summed over the banks, so a failover that
# charged at both would show.
sim_bank_record() {  # sim_bank_record NAME BASE-URL: per order "ref requests charges status" into sim-charges-NAME.tsv
  local name="$1" base="$2"
  { echo 'silent'; echo 'max-time = 10'; echo 'write-out = "\n"'
    cut -f1 "$RUN_DIR/db-orders.tsv" | sed "s|.*|url = \"$base/&\"|"; } >"$RUN_DIR/sim-queries-$name.curl"
  curl --config "$RUN_DIR/sim-queries-$name.curl" >"$RUN_DIR/sim-charges-$name.jsonl" 2>"$RUN_DIR/sim-charges-$name.err" || true
  sed -n 's/.*"merchantRef":"\([^"]*\)".*"requests":\([0-9]*\).*"charges":\([0-9]*\).*"status":"\([A-Z]*\)".*/\1\t\2\t\3\t\4/p' \
    "$RUN_DIR/sim-charges-$name.jsonl" | sed "s/\$/\t$name/" >"$RUN_DIR/sim-charges-$name.tsv"
}
BANKS="SIMBANK"
sim_bank_record SIMBANK "$SIM_URL/admin/charges"
if curl -sf --max-time 5 "$SIM_URL/admin/bank2/charges" 2>/dev/null | grep -q totalCharges; then
  BANKS="SIMBANK SIMBANK2"
  sim_bank_record SIMBANK2 "$SIM_URL/admin/bank2/charges"
fi
# CASHIER orders are paid by their payer at the card channels, one reference per attempt (<id>, <id>.2,
# ...: payment_attempt); each channel's own record of every attempt's reference counts for its order
sim_channel_record() {  # sim_channel_record NAME: per attempt "order requests charges status NAME" into sim-charges-NAME.tsv
  local name="$1" path; path="$(printf '%s' "$1" | tr 'A-Z' 'a-z')"
  q "SELECT a.channel_ref FROM payment_attempt a JOIN payment_order o ON o.id = a.order_id WHERE o.merchant_id = '$MERCHANT' AND a.channel_id = '$name'" \
    >"$RUN_DIR/attempts-$name.txt"
  { echo 'silent'; echo 'max-time = 10'; echo 'write-out = "\n"'
    sed "s|.*|url = \"$SIM_URL/admin/channels/$path/records/&\"|" "$RUN_DIR/attempts-$name.txt"; } >"$RUN_DIR/sim-queries-$name.curl"
  curl --config "$RUN_DIR/sim-queries-$name.curl" >"$RUN_DIR/sim-charges-$name.jsonl" 2>"$RUN_DIR/sim-charges-$name.err" || true
  sed -n 's/.*"merchantRef":"\([^".]*\)[^"]*".*"status":"\([A-Z]*\)".*"payRequests":\([0-9]*\).*"charges":\([0-9]*\).*/\1\t\3\t\4\t\2/p' \
    "$RUN_DIR/sim-charges-$name.jsonl" | sed "s/\$/\t$name/" >"$RUN_DIR/sim-charges-$name.tsv"
  local asked read; asked=$(grep -c . "$RUN_DIR/attempts-$name.txt" || true); read=$(grep -c . "$RUN_DIR/sim-charges-$name.tsv" || true)
  [ "$asked" = "$read" ] || echo "$name: $asked attempts, $read records read from the simulator" >>"$RUN_DIR/sim-channel-records.err"
}
: >"$RUN_DIR/sim-channel-records.err"
PAYER_CHANNELS="CARDGW QUICKPAY"
for c in $PAYER_CHANNELS; do sim_channel_record "$c"; done
cat $(for b in $BANKS $PAYER_CHANNELS; do echo "$RUN_DIR/sim-charges-$b.tsv"; done) >"$RUN_DIR/sim-charges.tsv"
# one verdict per order: state and channel from the database, requests and charges per bank from the simulator
awk -F'\t' -v banks="$BANKS" -v readable="$BANKS $PAYER_CHANNELS" '
  NR == FNR { state[$1] = $3; channel[$1] = $5; next }
  { req[$1] += $2; chg[$1] += $3; at[$1, $5] += $3; answered[$1, $5] = 1 }
  END {
    n = split(banks, b, " ")
    for (id in state) {
      s = state[id]; paid = (s ~ /^(SUCCEEDED|PARTIALLY_REFUNDED|REFUNDED)$/); c = channel[id]
      for (i = 1; i <= n; i++) if (!((id, b[i]) in answered)) print "no record from " b[i] " for", id
      if (c != "-" && index(" " readable " ", " " c " ") == 0) print "channel " c " of " id " is not a channel this check can read"
      if (chg[id] > 1) print "charged " chg[id] " times:", id, s, "channel " c
      else if (paid && chg[id] != 1) print "SUCCEEDED but not charged at any bank:", id
      else if (paid && at[id, c] != 1) print "SUCCEEDED at " c " but charged elsewhere:", id
      else if (!paid && chg[id] != 0) print "charged but the order is " s ":", id
    }
  }' "$RUN_DIR/db-orders.tsv" "$RUN_DIR/sim-charges.tsv" | sort >"$RUN_DIR/check-charges.txt"
cat "$RUN_DIR/sim-channel-records.err" >>"$RUN_DIR/check-charges.txt"
BAD_CHARGES=$(grep -c . "$RUN_DIR/check-charges.txt" || true)
SIM_REQ=$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$RUN_DIR/sim-charges.tsv")
SIM_CHG=$(awk -F'\t' '{ s += $3 } END { print s + 0 }' "$RUN_DIR/sim-charges.tsv")
RESENT=$(awk -F'\t' '{ r[$1] += $2 } END { for (k in r) if (r[k] > 1) n++; print n + 0 }' "$RUN_DIR/sim-charges.tsv")
MAXCHG=$(awk -F'\t' '{ c[$1] += $3 } END { for (k in c) if (c[k] > m) m = c[k]; print m + 0 }' "$RUN_DIR/sim-charges.tsv")
BY_CHANNEL=$(cut -f5 "$RUN_DIR/db-orders.tsv" | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }')
SIM_TOTALS_AFTER="$(curl -s --max-time 5 "$SIM_URL/admin/charges" || echo '?')"
if [ "$BAD_CHARGES" = 0 ] && [ "$DB_ORDERS" -gt 0 ]; then
  check "no order charged twice (simulator's record)" PASS "max charges per order $MAXCHG; bank requests $SIM_REQ, charges $SIM_CHG = SUCCEEDED $SUCCEEDED; $RESENT orders sent to the bank more than once"
  info "      orders by channel: $BY_CHANNEL; banks read: $BANKS; payers' channels read: $PAYER_CHANNELS ($(lv cashierPayers) payers at the cashier)"
else
  check "no order charged twice (simulator's record)" FAIL "$BAD_CHARGES orders wrong (banks read: $BANKS); max charges $MAXCHG, requests $SIM_REQ, charges $SIM_CHG, SUCCEEDED $SUCCEEDED"
  info "      orders by channel: $BY_CHANNEL"
  NEXT+=("charges: $RUN_DIR/check-charges.txt, $RUN_DIR/sim-charges-*.err; $LOG_DIR/simulator.log")
fi

# (d) every SUCCEEDED order's notification delivered (database) and acknowledged by us (receiver's file)
q "SELECT o.id, COALESCE(n.id, '-'), COALESCE(n.state, '-'), COALESCE(n.attempts, 0) FROM payment_order o
   LEFT JOIN notification n ON n.aggregate_id = o.id AND n.event_type = 'payment.succeeded'
   WHERE o.merchant_id = '$MERCHANT' AND o.state IN ('SUCCEEDED','PARTIALLY_REFUNDED','REFUNDED') ORDER BY o.id" \
  >"$RUN_DIR/db-succeeded-notifications.tsv"
awk -F'\t' 'NR == FNR { seen[$2] = 1; next }
  { if ($3 != "DELIVERED") print "notification not DELIVERED:", $0
    else if (!($2 in seen)) print "DELIVERED but the receiver has no such event id:", $0 }' \
  "$RUN_DIR/notifications.tsv" "$RUN_DIR/db-succeeded-notifications.tsv" >"$RUN_DIR/check-notifications.txt"
BAD_NOTIF=$(grep -c . "$RUN_DIR/check-notifications.txt" || true)
NOTIF_ROWS=$(awk -F'\t' '$2 != "-"' "$RUN_DIR/db-succeeded-notifications.tsv" | grep -c . || true)
POSTS=$(grep -c . "$RUN_DIR/notifications.tsv" || true)
UNIQUE=$(cut -f2 "$RUN_DIR/notifications.tsv" | sort -u | grep -c . || true)
BADSIG=$(grep -c 'signature did not verify' "$GEN_LOG" || true)
RETRIED_NOTIF=$(q "SELECT COUNT(*) FROM notification WHERE merchant_id = '$MERCHANT' AND attempts > 1")
NOTIF_STATES=$(q "SELECT event_type, state, COUNT(*) FROM notification WHERE merchant_id = '$MERCHANT' GROUP BY event_type, state ORDER BY 1, 2" \
  | awk -F'\t' '{ printf "%s%s %s %s", (NR > 1 ? ", " : ""), $1, $2, $3 }')
if [ "$BAD_NOTIF" = 0 ] && [ "$NOTIF_ROWS" = "$SUCCEEDED" ] && [ "$BADSIG" = 0 ]; then
  check "every SUCCEEDED order's notification acked" PASS "$SUCCEEDED payment.succeeded DELIVERED and received; receiver: $POSTS POSTs, $UNIQUE event ids, $((POSTS - UNIQUE)) repeats, 0 bad signatures; $RETRIED_NOTIF needed >1 attempt"
  info "      all notifications of the run: $NOTIF_STATES"
else
  check "every SUCCEEDED order's notification acked" FAIL "$BAD_NOTIF of $SUCCEEDED wrong ($NOTIF_ROWS have a notification row); bad signatures $BADSIG"
  info "      all notifications of the run: $NOTIF_STATES"
  NEXT+=("notifications: $RUN_DIR/check-notifications.txt; GET /api/v1/payments/<id>/notifications; $LOG_DIR/payara-server.log (NotificationDispatcher)")
fi

# (e) outbox
UNPUB=$(q "$UNPUBLISHED_SQL")
UNPUB_RUN=$(q "SELECT COUNT(*) FROM outbox_message WHERE published_at IS NULL AND aggregate_id IN ($RUN_ORDERS)")
OUTBOX_RUN=$(q "SELECT COUNT(*) FROM outbox_message WHERE aggregate_id IN ($RUN_ORDERS)")
OUTBOX_RETRIED=$(q "SELECT COUNT(*) FROM outbox_message WHERE aggregate_id IN ($RUN_ORDERS) AND publish_attempts > 1")
if [ "$UNPUB" = 0 ]; then
  check "no outbox row left unpublished" PASS "0 unpublished in $DB_NAME ($OUTBOX_RUN rows of this run, $OUTBOX_RETRIED took >1 attempt)"
else
  check "no outbox row left unpublished" FAIL "$UNPUB unpublished ($UNPUB_RUN of this run)"
  q "SELECT id, aggregate_id, created_at, publish_attempts, last_error FROM outbox_message WHERE published_at IS NULL" \
    >"$RUN_DIR/check-outbox.txt"
  NEXT+=("outbox: $RUN_DIR/check-outbox.txt; OutboxSweeper in $LOG_DIR/payara-server.log; broker $LOG_DIR/broker.log")
fi

# (f) XA RECOVER
xa_recover >"$RUN_DIR/check-xa.txt" 2>&1 || echo "XA RECOVER failed" >>"$RUN_DIR/check-xa.txt"
XA=$(grep -c . "$RUN_DIR/check-xa.txt" || true)
if [ "$XA" = 0 ]; then
  check "no in-doubt XA transaction (XA RECOVER)" PASS "XA RECOVER: empty"
else
  check "no in-doubt XA transaction (XA RECOVER)" FAIL "$XA rows"
  NEXT+=("XA: $RUN_DIR/check-xa.txt; Payara transaction recovery in $LOG_DIR/payara-server.log (grep -i 'recover\\|JTS')")
fi

# (g) money: balanced entries; one capture per paid order of this run, for its amount
UNBALANCED=$(q "SELECT COUNT(*) FROM (SELECT journal_entry_id, SUM(amount_minor) s FROM posting GROUP BY journal_entry_id HAVING s <> 0) x")
EMPTY_ENTRIES=$(q "SELECT COUNT(*) FROM journal_entry e WHERE NOT EXISTS (SELECT 1 FROM posting p WHERE p.journal_entry_id = e.id)")
CAPTURES=$(q "SELECT COUNT(*) FROM journal_entry WHERE entry_type = 'PAYMENT_CAPTURED' AND reference_id IN ($RUN_ORDERS)")
CAPTURED_NOT_PAID=$(q "SELECT COUNT(*) FROM journal_entry e JOIN payment_order o ON o.id = e.reference_id
   WHERE e.entry_type = 'PAYMENT_CAPTURED' AND o.merchant_id = '$MERCHANT' AND o.state NOT IN ('SUCCEEDED','PARTIALLY_REFUNDED','REFUNDED')")
WRONG_AMOUNT=$(q "SELECT COUNT(*) FROM journal_entry e JOIN payment_order o ON o.id = e.reference_id
   WHERE e.entry_type = 'PAYMENT_CAPTURED' AND o.merchant_id = '$MERCHANT'
   AND (SELECT SUM(p.amount_minor) FROM posting p WHERE p.journal_entry_id = e.id AND p.amount_minor > 0) <> o.amount_minor")
if [ "$UNBALANCED" = 0 ] && [ "$EMPTY_ENTRIES" = 0 ] && [ "$CAPTURES" = "$SUCCEEDED" ] && [ "$CAPTURED_NOT_PAID" = 0 ] \
   && [ "$WRONG_AMOUNT" = 0 ] && [ "$CAPTURES" = "$SIM_CHG" ]; then
  check "money conserved (ledger)" PASS "0 unbalanced entries in $DB_NAME; PAYMENT_CAPTURED $CAPTURES = SUCCEEDED $SUCCEEDED = bank charges $SIM_CHG, each for the order's amount"
else
  check "money conserved (ledger)" FAIL "unbalanced $UNBALANCED, entries without postings $EMPTY_ENTRIES, captures $CAPTURES vs SUCCEEDED $SUCCEEDED vs bank charges $SIM_CHG, captured-but-not-paid $CAPTURED_NOT_PAID, wrong amount $WRONG_AMOUNT"
  NEXT+=("ledger: SELECT * FROM journal_entry e JOIN posting p ON p.journal_entry_id = e.id WHERE e.reference_id = '<order id>'")
fi
# (h) the clients never got the server's own "not found" page (a merchant SDK reads it as "no such
# order"); 5xx answers are retried and only counted
UNSIGNED_404=$(lv unsigned404); STATUS_5XX=$(lv status5xx)
if [ "$UNSIGNED_404" = 0 ]; then
  check "no unsigned 404 answer" PASS "0 unsigned 404; $STATUS_5XX answers 5xx (retried); $(lv retries) retries in all"
else
  check "no unsigned 404 answer" FAIL "$UNSIGNED_404 unsigned 404 answers; $STATUS_5XX answers 5xx"
  NEXT+=("unsigned 404: the first one's detail is in $GEN_LOG ('first unsigned-http-404'); were the public listeners open while payrail.ear started? ($LOG_DIR/payara-listeners.log)")
fi

# (i) after every kill the restarted part came back and the stack served again
if [ "$RECOVERY_FAILS" = 0 ]; then
  check "stack serving again after every kill" PASS "$KILLS kill(s): ${KILL_PLAN[*]}"
else
  check "stack serving again after every kill" FAIL "$RECOVERY_FAILS of $KILLS restarts left the stack not serving after $RECOVER_TIMEOUT s"
  NEXT+=("recovery: the kills table below; $LOG_DIR/payara-server.log (the JDBC pool, the artemis-ra activation), ./payrail queues")
fi
CHECKS_DONE=1
phase_done "checks" $((SECONDS - p))

# --- 6. report -------------------------------------------------------------------------------------------
stop_generator
# Payara rotates server.log at 2 MB (server.log_<time>): count over every file, by time
SINCE_KILL_SEVERE=$(find "$DOMAIN_DIR/logs" -maxdepth 1 -name 'server.log*' -newermt "@$(( $(date +%s) - SECONDS + RUN_STARTED ))" -print0 \
  | xargs -0 -r awk -v t="[$FIRST_KILL_ISO" '/^\[20[0-9][0-9]-/ { if (substr($1, 1, 20) >= t) { if ($0 ~ /\[SEVERE\]/) s++; else if ($0 ~ /\[WARNING\]/) w++ } } END { printf "%d SEVERE, %d WARNING", s, w }' \
  2>/dev/null || echo '?')

{
  echo
  echo "=== fault run summary ($RUN_DIR)"
  printf '  merchant %s; %s clients; --kill %s: %s kill(s), the first after %s s of load; load %s s in all\n' \
    "$MERCHANT" "$CLIENTS" "$KILL" "$KILLS" "$KILL_AFTER" "$(lv seconds)"
  printf '  every order final %s s after the last restart (limit %s s); unsigned 404 answers: %s; 5xx answers: %s\n' \
    "${FINAL_AFTER:-never}" "$CONVERGE_TIMEOUT" "$UNSIGNED_404" "$STATUS_5XX"
  echo "  kills (time UTC; part back = ./payrail test-start healthy; stack serving = Payara health UP and an order created since then final):"
  for r in "${KILL_ROWS[@]}"; do echo "    $r"; done
  printf '  load: %s orders in %s s (%s/s), %s requests, %s retries; errors seen by the merchant: %s\n' \
    "$(lv confirmed)" "$(lv seconds)" "$(lv ordersPerSecond)" "$(lv requests)" "$(lv retries)" "$(lv errorKinds)"
  printf '  orders: %s SUCCEEDED, %s FAILED (declined by rule), %s in other states\n' "$SUCCEEDED" "$FAILED" \
    "$((DB_ORDERS - SUCCEEDED - FAILED))"
  printf '  simulator totals before: %s\n  simulator totals after:  %s\n' "$SIM_TOTALS_BEFORE" "$SIM_TOTALS_AFTER"
  printf '  Payara server.log since the first kill: %s (%s/server.log*)\n' "$SINCE_KILL_SEVERE" "$DOMAIN_DIR/logs"
  echo
  printf '  %-4s  %-44s %s\n' "" "check" "numbers"
  for r in "${RESULTS[@]}"; do echo "  $r"; done
  echo
  echo "  phase                              took"
  for r in "${PHASES[@]}"; do echo "  $r"; done
  printf '  %-34s %5d s\n' "total" $((SECONDS - RUN_STARTED))
} | tee "$RUN_DIR/summary.txt"

if [ "$ALL_PASS" = 1 ]; then
  step "fault run PASSED"
  exit 0
fi
echo
echo "  What to look at next:"
for n in "${NEXT[@]}"; do echo "    - $n"; done
echo "    - the load generator: $GEN_LOG; Payara: $LOG_DIR/payara-server.log; broker: $LOG_DIR/broker.log; simulator: $LOG_DIR/simulator.log"
printf '\033[31mERROR: the fault run FAILED (summary in %s/summary.txt)\033[0m\n' "$RUN_DIR" >&2
exit 1
