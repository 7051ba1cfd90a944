#!/usr/bin/env bash
# The ActiveMQ Artemis broker, standalone, one instance per profile. Sourced by ./payrail.
# Binary: apache-artemis-<version>-bin.tar.gz from Maven Central. Configuration:
# jms-config/src/main/broker/broker.xml, copied into the instance at every start.

BROKER_PID="$BROKER_INSTANCE/broker.pid"
BROKER_LOG="$LOG_DIR/broker.log"

broker_install() {
  [ -x "$ARTEMIS_HOME/bin/artemis" ] && return 0
  local tarball="$DOWNLOADS/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz"
  fetch_artifact "org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" "$tarball"
  step "unpacking Artemis $ARTEMIS_VERSION"
  tar -xzf "$tarball" -C "$RUNTIME_DIR"
}

broker_create() {
  [ -f "$BROKER_INSTANCE/etc/artemis.profile" ] && return 0
  step "creating the broker instance in $BROKER_INSTANCE"
  "$ARTEMIS_HOME/bin/artemis" create "$BROKER_INSTANCE" --silent --force --name "payrail-$PAYRAIL_PROFILE" \
    --user "$BROKER_USER" --password "$BROKER_PASSWORD" --require-login --host "$BROKER_HOST" \
    --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor --nio \
    >"$LOG_DIR/broker-create.log" 2>&1 || fail "artemis create failed (see $LOG_DIR/broker-create.log)" \
    "remove $BROKER_INSTANCE and re-run"
  # a small heap: this box also runs MariaDB, Payara Server and Payara Micro
  sed -i 's/-Xms[0-9]*[mMgG]/-Xms64m/; s/-Xmx[0-9]*[mMgG]/-Xmx256m/' "$BROKER_INSTANCE/etc/artemis.profile"
}

broker_configure() {
  sed -e "s/@BROKER_HOST@/$BROKER_HOST/g" -e "s/@BROKER_PORT@/$BROKER_PORT/g" \
      -e "s/@BROKER_NAME@/payrail-$PAYRAIL_PROFILE/g" \
      "$PAYRAIL_ROOT/jms-config/src/main/broker/broker.xml" >"$BROKER_INSTANCE/etc/broker.xml"
}

broker_up() {
  if pid_alive "$BROKER_PID" && port_open "$BROKER_HOST" "$BROKER_PORT"; then
    info "broker already running on $BROKER_HOST:$BROKER_PORT"
    return 0
  fi
  port_open "$BROKER_HOST" "$BROKER_PORT" && fail "port $BROKER_PORT is taken by another process" \
    "stop it, or set PAYRAIL_BROKER_PORT"
  broker_install
  broker_create
  broker_configure
  step "starting Artemis on $BROKER_HOST:$BROKER_PORT"
  setsid nohup "$BROKER_INSTANCE/bin/artemis" run >"$BROKER_LOG" 2>&1 &
  echo $! >"$BROKER_PID"
  wait_for "Artemis" 60 port_open "$BROKER_HOST" "$BROKER_PORT" \
    || fail "Artemis did not open port $BROKER_PORT (see $BROKER_LOG)" "read the log's last lines: tail -50 $BROKER_LOG"
}

# broker_wipe: forget every message and duplicate id (test runs start from an empty broker)
broker_wipe() {
  pid_alive "$BROKER_PID" && fail "broker is running" "stop it first"
  rm -rf "$BROKER_INSTANCE/data"
}

broker_stop() {
  if pid_alive "$BROKER_PID"; then
    step "stopping Artemis"
    stop_pid "$BROKER_PID" Artemis
  fi
}

# broker_kill: kill -9 of this profile's Artemis (./payrail test-kill broker); its journal is kept
broker_kill() { kill9_verified Artemis "$BROKER_PID" "-Dartemis.instance=$BROKER_INSTANCE"; }

broker_status() {
  if port_open "$BROKER_HOST" "$BROKER_PORT"; then
    printf '  %-12s UP    tcp://%s:%s  (log %s)\n' broker "$BROKER_HOST" "$BROKER_PORT" "$BROKER_LOG"
  else
    printf '  %-12s DOWN  tcp://%s:%s\n' broker "$BROKER_HOST" "$BROKER_PORT"
  fi
}

# broker_queues: message statistics per queue (added, acknowledged, waiting, in delivery)
broker_queues() {
  port_open "$BROKER_HOST" "$BROKER_PORT" || fail "the broker is not running" "./payrail run"
  "$BROKER_INSTANCE/bin/artemis" queue stat --silent --url "tcp://$BROKER_HOST:$BROKER_PORT" \
    --user "$BROKER_USER" --password "$BROKER_PASSWORD" --maxColumnSize -1 2>/dev/null \
    | grep -vE 'activemq\.management|^\s*$'
}
