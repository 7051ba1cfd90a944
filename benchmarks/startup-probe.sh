#!/usr/bin/env bash
# Startup probe: what a merchant gets while Payara Server comes back after a crash. Sends requests
# one after another to the test stack's HTTPS port from before a `kill -9` of Payara until some
# seconds after /health is UP again, and counts the answers by phase and kind:
#
#   bash benchmarks/startup-probe.sh [--after S] [--no-kill]
#
#   --after S   keep probing S seconds after /health is UP (default 5)
#   --no-kill   probe a `./payrail test-start payara` of a Payara that is already down
#
# Each round asks three things: GET /api/v1/payments/pay_probe without a signature (the
# application answers a signed 401 problem), POST /soap/v1/gateway with an empty envelope (a SOAP
# fault) and GET /health. Kinds: refused (no listener), unsigned-404 (the server's own "not found"
# page: a merchant SDK must treat it as "unknown order"), 503 (with or without Retry-After and a
# problem+json body), signed (an answer of the application), soap-fault (the application's SOAP
# fault for the empty envelope), other. Phases: up (before the kill), down (until the public
# listener accepts connections), starting (listener open, /health not UP), up.
# Exit status 1 when any /api or /soap request got an unsigned 404. Files in
# .runtime/test/startup-probes/<time>/ (one line per request in probe.tsv).
set -euo pipefail
cd "$(dirname "$0")/.."
export PAYRAIL_PROFILE=test
# shellcheck source=../payara-config/bin/stack.sh
source payara-config/bin/stack.sh

AFTER=5
KILL=1
while [ $# -gt 0 ]; do
  case "$1" in
    --after) AFTER="$2"; shift 2 ;;
    --no-kill) KILL=0; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1" "bash benchmarks/startup-probe.sh --help" ;;
  esac
done

# the probe kills Payara: like the fault run, it needs the test stack to itself
exec 9>"$PROFILE_DIR/stack.lock"
flock -n 9 || fail "the test stack is in use by another run (a fault run or ./payrail test)" "wait for it to finish"

RUN_DIR="$PROFILE_DIR/startup-probes/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RUN_DIR"
PROBE="$RUN_DIR/probe.tsv"
BASE="https://127.0.0.1:$HTTPS_PORT"
EMPTY_ENVELOPE='<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>'

# one line per request: seconds since start, path, status, content type, signed?, Retry-After, phase
probe_loop() {
  local started=$SECONDS phase line
  while [ ! -f "$RUN_DIR/stop" ]; do
    phase="$(cat "$RUN_DIR/phase" 2>/dev/null || echo down)"
    for path in /api/v1/payments/pay_probe /soap/v1/gateway /health; do
      if [ "$path" = /soap/v1/gateway ]; then
        line="$(curl -sk --max-time 5 -o /dev/null -H 'Content-Type: text/xml' --data-binary "$EMPTY_ENVELOPE" \
          -w '%{http_code}\t%{content_type}\t%header{payrail-signature}\t%header{retry-after}' "$BASE$path" || true)"
      else
        line="$(curl -sk --max-time 5 -o /dev/null \
          -w '%{http_code}\t%{content_type}\t%header{payrail-signature}\t%header{retry-after}' "$BASE$path" || true)"
      fi
      printf '%s\t%s\t%s\t%s\n' "$((SECONDS - started))" "$path" "$line" "$phase" \
        | awk -F'\t' -v OFS='\t' '{ $5 = ($5 == "" ? "unsigned" : "signed"); print }' >>"$PROBE"
    done
  done
}

payara_running || [ "$KILL" = 0 ] || fail "Payara Server of the test stack is not running" "./payrail test-up"
: >"$PROBE"
if [ "$KILL" = 1 ]; then echo up >"$RUN_DIR/phase"; else echo down >"$RUN_DIR/phase"; fi
probe_loop 9>&- &
PROBE_PID=$!
trap 'touch "$RUN_DIR/stop"; wait "$PROBE_PID" 2>/dev/null || true' EXIT

if [ "$KILL" = 1 ]; then
  sleep 2
  step "kill -9 of Payara Server, then ./payrail test-start payara (probing $BASE meanwhile)"
  ./payrail test-kill payara 9>&- >"$RUN_DIR/kill.log" 2>&1 || { cat "$RUN_DIR/kill.log"; fail "test-kill payara failed" "see $RUN_DIR/kill.log"; }
  echo down >"$RUN_DIR/phase"
fi
STARTED=$SECONDS
( for ((i = 0; i < 1500; i++)); do port_open 127.0.0.1 "$HTTPS_PORT" && { echo starting >"$RUN_DIR/phase"; break; }; sleep 0.2; done ) 9>&- &
./payrail test-start payara 9>&- >"$RUN_DIR/start.log" 2>&1 || { cat "$RUN_DIR/start.log"; fail "test-start payara failed" "see $RUN_DIR/start.log"; }
echo up >"$RUN_DIR/phase"
info "health UP $((SECONDS - STARTED)) s after start-domain began; probing $AFTER s more"
sleep "$AFTER"
touch "$RUN_DIR/stop"
wait "$PROBE_PID" 2>/dev/null || true

# kind of one answer (the columns of probe.tsv)
awk -F'\t' -v OFS='\t' '
  { path = $2; status = $3; type = $4; signed = $5; retry = $6; phase = $7
    if (status == "000") kind = "refused"
    else if (signed == "signed") kind = "signed-" status
    else if (status == "404") kind = "unsigned-404"
    else if (path == "/soap/v1/gateway" && status == "500" && type ~ /text\/xml/) kind = "soap-fault"
    else if (status == "503") kind = "503" (retry != "" ? "+Retry-After" : "") (type ~ /problem\+json/ ? "+problem" : "")
    else if (path == "/health" && (status == "200" || status == "503")) kind = "health-" status
    else kind = "unsigned-" status " " type
    n[phase "\t" path "\t" kind]++ }
  END { for (k in n) print k, n[k] }' "$PROBE" | sort >"$RUN_DIR/summary.tsv"

echo
echo "=== startup probe ($RUN_DIR)"
printf '  %-9s %-28s %-40s %s\n' phase path kind requests
awk -F'\t' '{ printf "  %-9s %-28s %-40s %s\n", $1, $2, $3, $4 }' "$RUN_DIR/summary.tsv" | tee "$RUN_DIR/summary.txt"
BAD=$(awk -F'\t' '$2 != "/health" && $3 == "unsigned-404" { s += $4 } END { print s + 0 }' "$RUN_DIR/summary.tsv")
if [ "$BAD" = 0 ]; then
  step "no unsigned 404 on /api or /soap while Payara started"
else
  printf '\033[31mERROR: %s unsigned 404 answers on /api or /soap while Payara started\033[0m\n' "$BAD" >&2
  printf '       next: a merchant SDK reads them as "no such order"; see %s\n' "$PROBE" >&2
  exit 1
fi
