#!/usr/bin/env bash
# The channel simulator: a separate Payara Micro process playing the banks. Sourced by ./payrail.
# --clustername: even with --nocluster, Micro would otherwise join the Payara Server data grid on
# this host.

SIM_PID="$PROFILE_DIR/simulator.pid"
SIM_LOG="$LOG_DIR/simulator.log"

sim_health() { curl -sf --max-time 3 "$SIM_URL/health" | grep -q UP; }

sim_up() {
  if pid_alive "$SIM_PID" && sim_health; then
    info "channel simulator already running at $SIM_URL"
    return 0
  fi
  port_open 127.0.0.1 "$SIM_PORT" && fail "port $SIM_PORT is taken by another process" "stop it, or set PAYRAIL_SIM_PORT"
  [ -f "$SIM_WAR" ] || fail "missing $SIM_WAR" "build first: mvn -B -DskipTests install"
  fetch_artifact "fish.payara.extras:payara-micro:$PAYARA_VERSION" "$MICRO_JAR"
  step "starting the channel simulator (Payara Micro) at $SIM_URL"
  mkdir -p "$PROFILE_DIR/simulator"
  cp "$SIM_WAR" "$PROFILE_DIR/simulator/channel-simulator.war"
  # the platform's signing certificate verifies our requests; our TLS certificate is trusted for the
  # channels' https callbacks to this profile's Payara
  local callbacks="https://localhost:$HTTPS_PORT/api/channel-callbacks"
  setsid nohup java -Xmx256m -Dsimulator.dataDir="$SIM_DATA_DIR" \
    -Dsimulator.platformPublicKey="$KEYS_DIR/platform-1.crt" -Dsimulator.callbackTrustCert="$TLS_DIR/payrail-tls.crt" \
    -Dsimulator.cardgw.callbackUrl="$callbacks/cardgw" -Dsimulator.quickpay.callbackUrl="$callbacks/quickpay" \
    -Dsimulator.wallet.callbackUrl="$callbacks/wallet" \
    -jar "$MICRO_JAR" \
    --nocluster --clustername "payrail-simulator-$PAYRAIL_PROFILE-$PORT_OFFSET" --port "$SIM_PORT" --contextroot sim --rootDir "$PROFILE_DIR/simulator/micro" \
    --deploy "$PROFILE_DIR/simulator/channel-simulator.war" >"$SIM_LOG" 2>&1 &
  echo $! >"$SIM_PID"
  wait_for "channel simulator" 120 sim_health \
    || fail "the channel simulator did not come up (see $SIM_LOG)" "tail -50 $SIM_LOG"
}

# sim_kill: kill -9 of this profile's simulator (./payrail test-kill simulator); its books are kept
sim_kill() { kill9_verified "channel simulator" "$SIM_PID" "$PROFILE_DIR/simulator/micro"; }

sim_stop() {
  if pid_alive "$SIM_PID"; then
    step "stopping the channel simulator"
    stop_pid "$SIM_PID" "channel simulator"
  fi
}

# empties the channels' books (journals), keeping their key pairs
sim_wipe() {
  [ -d "$SIM_DATA_DIR" ] || return 0
  find "$SIM_DATA_DIR" -mindepth 1 -maxdepth 1 ! -name keys -exec rm -rf {} +
}

sim_status() {
  if sim_health; then
    printf '  %-12s UP    %s  (charges: %s)\n' simulator "$SIM_URL" "$(curl -s --max-time 3 "$SIM_URL/admin/charges" | tr -d '\n')"
  else
    printf '  %-12s DOWN  %s\n' simulator "$SIM_URL"
  fi
}
