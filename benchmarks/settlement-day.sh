#!/usr/bin/env bash
# bash benchmarks/settlement-day.sh [PAYMENTS]: the money-out figures of a generated day.
# Runs SettlementDayIT (system-tests) with PAYMENTS payments (10000 by default) against the running
# test stack (PAYRAIL_PROFILE=test, PAYRAIL_PORT_OFFSET respected; start it with
# `PAYRAIL_KEEP_TEST_STACK=1 ./payrail test` or `./payrail test-up`) and prints its FIGURE lines:
# how long the payments took to be final, each bank's statement import and reconciliation, and the
# settlement run. The test asserts the money (payouts = paid − refunded − fees, one execution per
# payout through a kill -9 of Payara), never the time: the figures are printed, not checked.
set -euo pipefail
cd "$(dirname "$0")/.."
export PAYRAIL_PROFILE=test
# shellcheck source=../payara-config/bin/stack.sh
source payara-config/bin/stack.sh
PAYMENTS="${1:-10000}"
TLS_DIR="$PROFILE_DIR/tls"
LOG="$LOG_DIR/settlement-day.log"
mkdir -p "$LOG_DIR"
curl -sf -o /dev/null "http://127.0.0.1:$LOCAL_HTTP_PORT/health" \
  || fail "the test stack is not up (Payara's /health does not answer on port $LOCAL_HTTP_PORT)" \
    "PAYRAIL_KEEP_TEST_STACK=1 ./payrail test, or ./payrail test-up"
step "SettlementDayIT with $PAYMENTS payments (log in $LOG)"
rc=0
mvn -B -o verify -DskipUnitTests -Dsurefire.skip=true -pl system-tests -am -Dit.test=SettlementDayIT \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dpayrail.systest.day.payments="$PAYMENTS" \
  -Dpayrail.systest.baseUrl="https://localhost:$HTTPS_PORT" -Dpayrail.systest.httpUrl="http://localhost:$HTTP_PORT" \
  -Dpayrail.systest.simUrl="$SIM_URL" \
  -Dpayrail.systest.tlsCert="$TLS_DIR/payrail-tls.crt" -Dpayrail.systest.staffDir="$STAFF_DIR" \
  -Dpayrail.systest.db.url="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME?sslMode=DISABLED" \
  -Dpayrail.systest.db.user="$DB_USER" -Dpayrail.systest.db.password="$DB_PASSWORD" >"$LOG" 2>&1 || rc=$?
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), shared with whatever else runs"
grep -ho 'FIGURE .*' "$LOG" system-tests/target/failsafe-reports/*SettlementDayIT*-output.txt 2>/dev/null \
  | sed 's/^FIGURE /  /' | sort -u || true
[ "$rc" -eq 0 ] || fail "SettlementDayIT failed (see $LOG)" "read the failure above the figures"
