#!/usr/bin/env bash
# Payara Server Full: the domain that runs payrail.ear. Sourced by ./payrail.
#
# The domain is derived state: it is created and configured by this script (asadmin), never by
# hand. When this script or common.sh changes, the next run recreates the domain from scratch
# (about a minute); the data lives in MySQL and the broker, not in the domain.
#
# What the configuration holds, and why:
# - the JTA data source (jdbc/payrail, Connector/J) and the JMS resources live in domain.xml, not
#   in annotations: Payara's transaction recovery only enumerates domain.xml pools;
# - the Artemis resource adapter (jms-config) is deployed before the application;
# - the JMS connection factory is a NoTransaction pool: messages follow commits through the
#   outbox, so no XA between MySQL and the broker is ever needed;
# - transaction recovery is still on, with the settings measured under kill -9 (README, "Outbox, not XA");
# - Payara's built-in OpenMQ is off, and so is its default JMS connection factory (transaction
#   recovery would otherwise try to start it at every boot and log errors); secrets are password aliases, not clear text in domain.xml;
# - HTTPS on its own port with a key pair generated here on first run (CN=localhost); HTTP/2's
#   header list limit raised from 4 KiB to 64 KiB (with 4 KiB, Java's own HttpClient got 431 on
#   the third request of a connection: measured);
# - the JDK's HTTP client never resends a POST on its own (sun.net.http.retryPost=false): a silent
#   resend of a charge the channel already processed could come back refused and look "safe to
#   fail over", the one mistake that charges a payer twice;
# - the OpenAPI document is the application's static META-INF/openapi.yaml: annotation scanning
#   is off domain-wide (set in the application alone, Payara still scans once and fails on
#   Bean Validation annotations of record components);
# - the public listeners (HTTP and HTTPS) are closed while Payara starts and opened only once
#   payrail.ear reports healthy, so merchants never get the server's own unsigned 404 (see
#   payara_close_listeners_offline below). The scripts probe health on a loopback-only listener.

PAYARA_CONFIG_HASH_FILE="$DOMAIN_DIR/.payrail-config-hash"
TLS_DIR="$PROFILE_DIR/tls"
TLS_ALIAS=payrail-tls
TLS_KEYSTORE="$KEYS_DIR/tls.p12"

asadmin() { "$ASADMIN" --port "$ADMIN_PORT" --interactive=false "$@"; }

payara_running() { port_open 127.0.0.1 "$ADMIN_PORT" && [ -d "$DOMAIN_DIR" ]; }

payara_install() {
  [ -x "$ASADMIN" ] && return 0
  local zip="$DOWNLOADS/payara-$PAYARA_VERSION.zip"
  fetch_artifact "fish.payara.distributions:payara:$PAYARA_VERSION:zip" "$zip"
  step "unpacking Payara Server $PAYARA_VERSION"
  unzip -q -o "$zip" -d "$RUNTIME_DIR"
  rm -rf "$PAYARA_HOME/glassfish/domains/domain1"   # unused; ours live under .runtime/<profile>
}

payara_config_hash() {
  cat "$PAYRAIL_ROOT/payara-config/bin/payara.sh" "$PAYRAIL_ROOT/payara-config/bin/common.sh" \
    "$PAYRAIL_ROOT/jms-config/src/main/rar/META-INF/ra.xml" \
    <(echo "$PAYRAIL_PROFILE $DB_HOST $DB_PORT $DB_NAME $DB_PRODUCT $DB_VERSION $BROKER_HOST $BROKER_PORT $SIM_URL $PAYARA_HEAP $SIGNING_KEY_ID") \
    | sha256sum | cut -c1-16
}

payara_create_domain() {
  step "creating Payara domain '$DOMAIN_NAME' in $DOMAINS_DIR (admin $ADMIN_PORT, http $HTTP_PORT, https $HTTPS_PORT)"
  local o=$PORT_OFFSET port
  # asadmin's own port check (--checkports) calls a port "in use" when it is merely the local end of
  # some outgoing connection, which happens to ports above 32768 (the kernel's ephemeral range, e.g.
  # offset 40000: admin 44848 was a Payara-to-MariaDB connection's port); Payara binds with
  # SO_REUSEADDR and only a listener stops it, so a listener is what is checked here
  for port in "$ADMIN_PORT" "$HTTP_PORT" "$HTTPS_PORT"; do
    port_open 127.0.0.1 "$port" && fail "port $port is taken by another listener" \
      "ss -ltnp | grep :$port; stop it, or choose another PAYRAIL_PORT_OFFSET"
  done
  "$ASADMIN" --interactive=false create-domain --checkports=false --domaindir "$DOMAINS_DIR" --nopassword=true \
    --adminport "$ADMIN_PORT" --instanceport "$HTTP_PORT" \
    --domainproperties "http.ssl.port=$HTTPS_PORT:jms.port=$((7676 + o)):domain.jmxPort=$((8686 + o)):orb.listener.port=$((3700 + o)):orb.ssl.port=$((3820 + o)):orb.mutualauth.port=$((3920 + o)):java.debugger.port=$((9009 + o)):osgi.shell.telnet.port=$((6666 + o))" \
    "$DOMAIN_NAME" >"$LOG_DIR/payara-create-domain.log" 2>&1 \
    || fail "create-domain failed (see $LOG_DIR/payara-create-domain.log)" "are ports $ADMIN_PORT/$HTTP_PORT/$HTTPS_PORT free?"

  # the JDBC driver on the domain's common class path (what add-library does, without a running server)
  fetch_artifact "com.mysql:mysql-connector-j:$MYSQL_CONNECTOR_VERSION" "$DOWNLOADS/mysql-connector-j-$MYSQL_CONNECTOR_VERSION.jar"
  cp "$DOWNLOADS/mysql-connector-j-$MYSQL_CONNECTOR_VERSION.jar" "$DOMAIN_DIR/lib/"

  # the TLS key pair lives in $KEYS_DIR (payara_secrets), so a recreated domain serves the same
  # certificate that the simulator and the tests already trust
  step "installing the TLS key pair (CN=localhost) in the domain keystore"
  keytool -importkeystore -noprompt -srckeystore "$TLS_KEYSTORE" -srcstoretype PKCS12 -srcstorepass changeit \
    -srcalias "$TLS_ALIAS" -destkeystore "$DOMAIN_DIR/config/keystore.p12" -deststoretype PKCS12 \
    -deststorepass changeit -destkeypass changeit >/dev/null 2>&1 \
    || fail "keytool could not add the TLS key to $DOMAIN_DIR/config/keystore.p12" "remove $DOMAIN_DIR and re-run"
  # the domain trusts its own certificate (health checks and tests call https://localhost)
  keytool -importcert -noprompt -alias "$TLS_ALIAS" -file "$TLS_DIR/payrail-tls.crt" \
    -keystore "$DOMAIN_DIR/config/cacerts.p12" -storetype PKCS12 -storepass changeit >/dev/null 2>&1 || true
}

# the configuration, as one asadmin multimode script (one JVM instead of thirty)
payara_write_commands() {
  local f="$1" o=$PORT_OFFSET
  # multimode reads the file like a shell: an escaped '=' or ':' inside a value is written '\\=', '\\:'
  local q='\\'
  local ra_params="host$q=$BROKER_HOST;port$q=$BROKER_PORT"
  local sim_url; sim_url="$(printf '%s' "$SIM_URL" | sed 's/:/\\\\:/g')"
  local daily_at; daily_at="$(printf '%s' "$JOBS_DAILY_AT" | sed 's/:/\\\\:/g')"
  cat >"$f" <<ASADMIN
set configs.config.server-config.network-config.network-listeners.network-listener.admin-listener.address=127.0.0.1
set configs.config.server-config.network-config.protocols.protocol.http-listener-2.ssl.cert-nickname=$TLS_ALIAS
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.http2-max-header-list-size-in-bytes=65536
set configs.config.server-config.network-config.protocols.protocol.http-listener-2.http.http2-max-header-list-size-in-bytes=65536
create-http-listener --listeneraddress 127.0.0.1 --listenerport $LOCAL_HTTP_PORT --defaultvs server --securityenabled=false payrail-local
set ${PUBLIC_LISTENER_KEYS[0]}.enabled=false
set ${PUBLIC_LISTENER_KEYS[1]}.enabled=false
set configs.config.server-config.jms-service.type=DISABLED
set servers.server.server.resource-ref.jms/__defaultConnectionFactory.enabled=false
set configs.config.server-config.transaction-service.automatic-recovery=true
set configs.config.server-config.transaction-service.retry-timeout-in-seconds=60
set configs.config.server-config.transaction-service.property.pending-txn-cleanup-interval=20
set-hazelcast-configuration --clustername payrail-$PAYRAIL_PROFILE-$o --startport $((5900 + o)) --dasport $((4900 + o))
delete-jvm-options -Xmx512m
create-jvm-options -Xmx$PAYARA_HEAP
create-jvm-options -XX$q:+ExitOnOutOfMemoryError
create-jvm-options -Dsun.net.http.retryPost=false
create-system-properties payrail.profile=$PAYRAIL_PROFILE
create-system-properties payrail.gateway.https-port=$HTTPS_PORT
create-system-properties jakarta.persistence.database-product-name=$DB_PRODUCT:jakarta.persistence.database-major-version=${DB_VERSION%%.*}:jakarta.persistence.database-minor-version=${DB_VERSION#*.}
set-config-property --source=domain --propertyName=mp.openapi.scan.disable --propertyValue=true
create-system-properties payrail.channel.simbank.url=$sim_url
create-system-properties payrail.channel.simbank.read-timeout-ms=$CHANNEL_READ_TIMEOUT_MS
create-system-properties payrail.notify.schedule=$NOTIFY_SCHEDULE
create-system-properties payrail.resolve.schedule=$RESOLVE_SCHEDULE
create-system-properties payrail.jobs.daily-at=$daily_at
create-system-properties CircuitBreaker/delay=$BREAKER_DELAY_MS
create-system-properties payrail.channel.wallet.url=$sim_url/wallet/v1
create-system-properties payrail.channel.wallet.public-key=$(printf '%s' "$SIM_KEYS_DIR/wallet-public-key.pem" | sed 's/:/\\\\:/g')
create-system-properties payrail.channel.cardgw.url=$sim_url/cardgw/v1
create-system-properties payrail.messages.url=$sim_url/messages/v1/messages
create-system-properties payrail.channel.cardgw.public-key=$(printf '%s' "$SIM_KEYS_DIR/cardgw-public-key.pem" | sed 's/:/\\\\:/g')
create-system-properties payrail.channel.quickpay.url=$sim_url/quickpay/v1
create-system-properties payrail.channel.quickpay.public-key=$(printf '%s' "$SIM_KEYS_DIR/quickpay-public-key.pem" | sed 's/:/\\\\:/g')
create-system-properties payrail.signing.keystore=$(printf '%s' "$SIGNING_KEYSTORE" | sed 's/:/\\\\:/g'):payrail.signing.key-id=$SIGNING_KEY_ID:payrail.signing.channel-key-id=PLATFORM-1
create-system-properties payrail.signing.keystore-password=\${ALIAS$q=payrail-signing-password}
create-system-properties payrail.vault.current-key-id=$VAULT_KEY_ID
create-system-properties payrail.vault.key.$VAULT_KEY_ID=\${ALIAS$q=payrail-vault-key-$VAULT_KEY_ID}
create-system-properties payrail.staff.bootstrap-file=$(printf '%s' "$STAFF_BOOTSTRAP_FILE" | sed 's/:/\\\\:/g')
create-jdbc-connection-pool --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource --restype javax.sql.DataSource --steadypoolsize 4 --maxpoolsize 64 --maxwait 10000 --idletimeout 300 --isconnectvalidatereq true --validateatmostonceperiod 5 --validationmethod custom-validation --validationclassname org.glassfish.api.jdbc.validation.MySQLConnectionValidation --failconnection true --isolationlevel read-committed --isisolationguaranteed false --statementcachesize 0 --property user=$DB_USER:password=\${ALIAS=payrail-db-password}:serverName=$DB_HOST:portNumber=$DB_PORT:databaseName=$DB_NAME:sslMode=DISABLED:connectionTimeZone=UTC:forceConnectionTimeZoneToSession=true:rewriteBatchedStatements=true:cachePrepStmts=true:prepStmtCacheSize=256:prepStmtCacheSqlLimit=4096:useLocalSessionState=true:useLocalTransactionState=true:cacheServerConfiguration=true:maintainTimeStats=false:tcpKeepAlive=true:connectTimeout=5000:socketTimeout=60000 payrail-db-pool
create-jdbc-resource --connectionpoolid payrail-db-pool jdbc/payrail
create-resource-adapter-config --property ConnectionParameters=$ra_params:UserName=$BROKER_USER:Password=\${ALIAS=payrail-broker-password} artemis-ra
deploy --type rar --name artemis-ra $RAR_FILE
create-connector-connection-pool --raname artemis-ra --connectiondefinition jakarta.jms.ConnectionFactory --transactionsupport NoTransaction --steadypoolsize 1 --maxpoolsize 32 --maxwait 10000 --failconnection true --property UserName=$BROKER_USER:Password=\${ALIAS=payrail-broker-password} payrail-jms-pool
create-connector-resource --poolname payrail-jms-pool jms/payrail/ConnectionFactory
create-admin-object --raname artemis-ra --restype jakarta.jms.Queue --classname org.apache.activemq.artemis.jms.client.ActiveMQQueue --property Address=payrail.channel.request jms/payrail/ChannelRequestQueue
create-admin-object --raname artemis-ra --restype jakarta.jms.Queue --classname org.apache.activemq.artemis.jms.client.ActiveMQQueue --property Address=DLQ jms/payrail/DeadLetterQueue
ASADMIN
}

# payara_alias name value log: a password alias, through a file that exists for this command only
payara_alias() {
  local file; file="$(mktemp "$PROFILE_DIR/.alias.XXXXXX")"
  chmod 600 "$file"
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$2" >"$file"
  "$ASADMIN" --port "$ADMIN_PORT" --interactive=false --passwordfile "$file" create-password-alias "$1" >>"$3" 2>&1 || true
  rm -f "$file"
}

# The platform's signing key pair (responses and notifications to merchants) and the staff the
# scripts create. They live outside the domain, in .runtime/<profile>/, so a recreated domain keeps
# them: merchants have cached the certificate, the scripts and tests keep their staff passwords.
payara_secrets() {
  mkdir -p "$KEYS_DIR"
  chmod 700 "$KEYS_DIR"
  if [ ! -s "$SIGNING_PASSWORD_FILE" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$SIGNING_PASSWORD_FILE")
  fi
  if [ ! -s "$VAULT_KEY_FILE" ]; then
    step "generating the card vault key $VAULT_KEY_ID (AES-256)"
    (umask 077; head -c 32 /dev/urandom | base64 >"$VAULT_KEY_FILE")
  fi
  if [ ! -s "$SIGNING_KEYSTORE" ]; then
    step "generating the platform signing key pair (RSA 2048, self-signed certificate, key id PLATFORM-1)"
    keytool -genkeypair -alias platform-1 -keyalg RSA -keysize 2048 -sigalg SHA256withRSA -validity 1825 \
      -dname "CN=Payrail platform signing key PLATFORM-1, OU=$PAYRAIL_PROFILE, O=Payrail" \
      -keystore "$SIGNING_KEYSTORE" -storetype PKCS12 -storepass "$(cat "$SIGNING_PASSWORD_FILE")" >/dev/null 2>&1 \
      || fail "keytool could not create $SIGNING_KEYSTORE" "remove $KEYS_DIR and re-run"
    chmod 600 "$SIGNING_KEYSTORE"
    keytool -exportcert -rfc -alias platform-1 -keystore "$SIGNING_KEYSTORE" -storetype PKCS12 \
      -storepass "$(cat "$SIGNING_PASSWORD_FILE")" >"$KEYS_DIR/platform-1.crt" 2>/dev/null
  fi
  if [ "$SIGNING_KEY_TYPE" = ec ] && ! keytool -list -alias platform-ec-1 -keystore "$SIGNING_KEYSTORE" -storetype PKCS12 \
      -storepass "$(cat "$SIGNING_PASSWORD_FILE")" >/dev/null 2>&1; then
    # added beside PLATFORM-1 like a rotation: both are published, merchants' answers switch to it
    step "generating the platform's EC signing key pair (P-256, self-signed certificate, key id PLATFORM-EC-1)"
    keytool -genkeypair -alias platform-ec-1 -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity 1825 \
      -dname "CN=Payrail platform signing key PLATFORM-EC-1, OU=$PAYRAIL_PROFILE, O=Payrail" \
      -keystore "$SIGNING_KEYSTORE" -storetype PKCS12 -storepass "$(cat "$SIGNING_PASSWORD_FILE")" >/dev/null 2>&1 \
      || fail "keytool could not add an EC key to $SIGNING_KEYSTORE" "check keytool, or run with PAYRAIL_SIGNING_KEY_TYPE=rsa"
  fi
  if [ ! -s "$TLS_KEYSTORE" ]; then
    step "generating the TLS key pair (CN=localhost, SAN localhost and 127.0.0.1)"
    keytool -genkeypair -alias "$TLS_ALIAS" -keyalg RSA -keysize 2048 -validity 825 \
      -dname "CN=localhost, OU=Payrail $PAYRAIL_PROFILE, O=Payrail" -ext "SAN=dns:localhost,ip:127.0.0.1" \
      -keystore "$TLS_KEYSTORE" -storetype PKCS12 -storepass changeit -keypass changeit >/dev/null 2>&1 \
      || fail "keytool could not create $TLS_KEYSTORE" "remove $KEYS_DIR and re-run"
    chmod 600 "$TLS_KEYSTORE"
  fi
  if [ ! -s "$TLS_DIR/payrail-tls.crt" ] || [ "$TLS_DIR/payrail-tls.crt" -ot "$TLS_KEYSTORE" ]; then
    mkdir -p "$TLS_DIR"
    keytool -exportcert -rfc -alias "$TLS_ALIAS" -keystore "$TLS_KEYSTORE" -storetype PKCS12 -storepass changeit \
      >"$TLS_DIR/payrail-tls.crt" 2>/dev/null
  fi
  staff_bootstrap_write
}

# staff_password ID: the password the scripts keep for one of their staff accounts (made once, 0600)
staff_password() {
  local file="$STAFF_DIR/$1.password"
  [ -s "$file" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=\n' >"$file")
  cat "$file"
}

# The staff bootstrap file StaffBootstrap reads at deployment (id, roles, password, mode; 0600):
# the scripts' automation account; in the test profile one automation account per role (the
# system tests sign in as them: STAFF_DIR/<id>.password); and, until it exists, the first
# administrator with a one-time password (changed at the first sign-in).
staff_bootstrap_write() {
  mkdir -p "$STAFF_DIR"
  chmod 700 "$STAFF_DIR"
  rm -f "$LEGACY_OPERATOR_TOKEN_FILE"
  local tmp role
  tmp="$(mktemp "$STAFF_DIR/.bootstrap.XXXXXX")"
  chmod 600 "$tmp"
  printf '%s\t%s\t%s\t%s\n' "$CLI_STAFF" OPERATIONS "$(staff_password "$CLI_STAFF")" automation >>"$tmp"
  if [ "$PAYRAIL_PROFILE" = test ]; then
    for role in ADMIN OPERATIONS FINANCE SUPPORT AUDITOR; do
      local id; id="test-$(printf '%s' "$role" | tr 'A-Z' 'a-z')"
      printf '%s\t%s\t%s\t%s\n' "$id" "$role" "$(staff_password "$id")" automation >>"$tmp"
    done
  elif [ ! -e "$STAFF_DIR/first-admin.done" ]; then
    printf '%s\t%s\t%s\t%s\n' admin ADMIN "$(staff_password first-admin)" one-time >>"$tmp"
  fi
  mv -f "$tmp" "$STAFF_BOOTSTRAP_FILE"
}

# After the first deployment that created the first administrator: prints its one-time password
# this once, then forgets it (the file is removed; the administrator must change it at sign-in).
staff_first_admin_report() {
  [ -s "$STAFF_DIR/first-admin.password" ] || return 0
  [ "$(db_sql "$DB_NAME" "select count(*) from staff_account where id = 'admin'" 2>/dev/null)" = 1 ] || return 0
  cat <<TXT

  The back office's first administrator was created (shown this once, not kept anywhere):
    https://localhost:$HTTPS_PORT/admin/   staff id: admin   one-time password: $(cat "$STAFF_DIR/first-admin.password")
  You choose your own password at the first sign-in.
TXT
  rm -f "$STAFF_DIR/first-admin.password"
  : >"$STAFF_DIR/first-admin.done"
  staff_bootstrap_write
}

# staff_token ID: a fresh operator-API bearer token for one of the scripts' staff accounts (stdout)
staff_token() {
  local answer
  answer="$(curl -sS --cacert "$TLS_DIR/payrail-tls.crt" -X POST "https://localhost:$HTTPS_PORT/api/operator/tokens" \
    -H 'Content-Type: application/json' -w '\n%{http_code}' \
    --data-binary '{"staffId":"'"$1"'","password":"'"$(staff_password "$1")"'"}')" \
    || fail "cannot reach the operator API for a token" "is Payara up? ./payrail status"
  [ "${answer##*$'\n'}" = 201 ] || fail "the operator API refused a token to $1: ${answer%$'\n'*}" \
    "the account comes from $STAFF_BOOTSTRAP_FILE at deployment; see $LOG_DIR/payara-server.log"
  printf '%s' "${answer%$'\n'*}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}

payara_configure() {
  step "configuring the domain (data source, Artemis adapter and JMS resources, TLS, keys, transaction recovery)"
  [ -f "$RAR_FILE" ] || fail "missing $RAR_FILE" "build first: mvn -B -DskipTests install"
  payara_secrets
  local commands="$PROFILE_DIR/configure-domain.asadmin"
  payara_write_commands "$commands"
  local out="$LOG_DIR/payara-configure.log"
  : >"$out"
  # secrets go in as password aliases; the file holding each lives for one command only
  payara_alias payrail-db-password "$DB_PASSWORD" "$out"
  payara_alias payrail-broker-password "$BROKER_PASSWORD" "$out"
  payara_alias payrail-signing-password "$(cat "$SIGNING_PASSWORD_FILE")" "$out"
  payara_alias "payrail-vault-key-$VAULT_KEY_ID" "$(cat "$VAULT_KEY_FILE")" "$out"
  asadmin multimode --file "$commands" >>"$out" 2>&1 || true
  if grep -qiE 'Command .* failed|CLI[0-9]+.*(error|fail)' "$out"; then
    fail "domain configuration failed (see $out)" "fix the failing command, then ./payrail run again (the domain is recreated)"
  fi
}

# Requests that reach Payara before payrail.ear is deployed and started are answered by the server
# itself with an unsigned 404, which a merchant's SDK reads as "no such order" (measured: 348 of
# them in one restart, for about 45 s). Nothing deployed can answer them instead: for the first
# part of that window no web container exists yet (Grizzly's own 404), and a virtual server's
# default-web-module (a small "unavailable" WAR) cannot stand in for the rest, because Payara then
# refuses the EAR's web module at the root context ("this virtual server declares a
# default-web-module": measured). So the public listeners start closed: a client meanwhile gets
# "connection refused", which every HTTP client and SDK retries, and they open once /health is UP
# on the loopback listener. A crash leaves them enabled in domain.xml, hence this edit before
# every start (asadmin cannot change the configuration of a stopped domain).
PUBLIC_LISTENERS=(http-listener-1 http-listener-2)
PUBLIC_LISTENER_KEYS=(configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1
                      configs.config.server-config.network-config.network-listeners.network-listener.http-listener-2)

# domain_disable_offline ELEMENT MATCH: enabled="false" on the domain.xml elements whose start tag
# matches (asadmin only edits a running domain; this one is stopped)
domain_disable_offline() {
  local element="$1" match="$2" xml="$DOMAIN_DIR/config/domain.xml"
  sed -i -E "/<$element [^>]*$match/ { s/ enabled=\"[a-z]*\"//; s/<$element /<$element enabled=\"false\" /; }" "$xml"
  grep -qE "<$element enabled=\"false\" [^>]*$match" "$xml" \
    || fail "could not disable <$element ...$match> in $xml" "remove $DOMAIN_DIR (the next run recreates the domain)"
}

payara_close_listeners_offline() {
  local name
  # server-config's listeners (a numeric port; default-config's are ${...} placeholders)
  for name in "${PUBLIC_LISTENERS[@]}"; do domain_disable_offline network-listener "port=\"[0-9]+\"[^>]*name=\"$name\""; done
}

payara_set_listeners() {  # payara_set_listeners true|false: opens or closes the public listeners at once
  asadmin set "${PUBLIC_LISTENER_KEYS[0]}.enabled=$1" "${PUBLIC_LISTENER_KEYS[1]}.enabled=$1" \
    >>"$LOG_DIR/payara-listeners.log" 2>&1 \
    || fail "asadmin could not set the public listeners enabled=$1 (see $LOG_DIR/payara-listeners.log)" \
      "is Payara Server running? ./payrail status"
}

payara_start() {
  payara_close_listeners_offline
  step "starting Payara Server (domain $DOMAIN_NAME)"
  "$ASADMIN" --interactive=false start-domain --domaindir "$DOMAINS_DIR" "$DOMAIN_NAME" >"$LOG_DIR/payara-start.log" 2>&1 \
    || fail "Payara did not start (see $LOG_DIR/payara-start.log and $DOMAIN_DIR/logs/server.log)" \
      "are ports $ADMIN_PORT/$HTTP_PORT/$HTTPS_PORT free? (ss -ltnp)"
  ln -sf "$DOMAIN_DIR/logs/server.log" "$LOG_DIR/payara-server.log"
}

payara_stop() {
  if payara_running; then
    step "stopping Payara Server"
    "$ASADMIN" --interactive=false stop-domain --domaindir "$DOMAINS_DIR" "$DOMAIN_NAME" >>"$LOG_DIR/payara-stop.log" 2>&1 || true
  fi
}

# payara_kill: kill -9 of this domain's JVM (./payrail test-kill payara, the fault run)
payara_kill() {
  kill9_verified "Payara Server" "$DOMAIN_DIR/config/pid" "-Dcom.sun.aas.instanceRoot=$DOMAIN_DIR"
}

# payara_restart: the domain as it is (no reconfiguration, no redeployment) until /health is UP
payara_restart() {
  [ -d "$DOMAIN_DIR" ] || fail "no Payara domain at $DOMAIN_DIR" "./payrail test-up creates it"
  # payrail.ear migrates the schema as it deploys: started without its database it stays undeployed
  # until the next restart (measured), so refuse rather than wait for a health that cannot come
  port_open "$DB_HOST" "$DB_PORT" || fail "the database on $DB_HOST:$DB_PORT is down: payrail.ear would not deploy" \
    "./payrail test-start database first"
  if payara_running; then info "Payara Server already running (admin port $ADMIN_PORT)"; else payara_start; fi
  payara_wait_healthy
}

payara_ear_hash() { sha256sum "$EAR_FILE" | cut -c1-16; }

payara_deploy() {
  [ -f "$EAR_FILE" ] || fail "missing $EAR_FILE" "build first: mvn -B -DskipTests install"
  local sum; sum="$(payara_ear_hash)"
  if [ -f "$DOMAIN_DIR/.payrail-ear-hash" ] && [ "$(cat "$DOMAIN_DIR/.payrail-ear-hash")" = "$sum" ] \
     && asadmin list-applications 2>/dev/null | grep -q '^payrail '; then
    info "payrail.ear unchanged and deployed"
    return 0
  fi
  step "deploying payrail.ear"
  payara_set_listeners false   # no 404s while the old application is gone and the new one starts
  # enable: a redeployment keeps the application disabled when payara_up held it back at boot
  { asadmin deploy --force=true --name payrail "$EAR_FILE" && asadmin enable payrail; } >"$LOG_DIR/payara-deploy.log" 2>&1 \
    || fail "deployment failed (see $LOG_DIR/payara-deploy.log and $LOG_DIR/payara-server.log)" \
      "read the first SEVERE lines: grep -m5 SEVERE $LOG_DIR/payara-server.log"
  echo "$sum" >"$DOMAIN_DIR/.payrail-ear-hash"
}

# UP with both of the application's checks UP (an application still loading reports UP with no checks);
# asked on the loopback listener, which is open while the public ones are closed
payara_health() {
  local h; h="$(curl -sf --max-time 5 "http://127.0.0.1:$LOCAL_HTTP_PORT/health")" || return 1
  grep -q '"name":"database","status":"UP"' <<<"$h" && grep -q '"name":"broker","status":"UP"' <<<"$h"
}

payara_up() {
  payara_install
  payara_secrets
  local want; want="$(payara_config_hash)"
  if [ -d "$DOMAIN_DIR" ] && [ "$(cat "$PAYARA_CONFIG_HASH_FILE" 2>/dev/null)" != "$want" ]; then
    info "the domain's configuration scripts changed: recreating the domain"
    payara_stop
    rm -rf "$DOMAIN_DIR"
  fi
  if [ ! -d "$DOMAIN_DIR" ]; then
    payara_create_domain
    payara_start
    payara_configure
    step "restarting Payara Server to apply JVM, JMS and Hazelcast settings"
    payara_stop
    payara_start
    echo "$want" >"$PAYARA_CONFIG_HASH_FILE"
  elif ! payara_running; then
    # A changed EAR replaces the deployed one as soon as the domain is up, while Payara may still be
    # loading the old one at boot: the two deployments then collide (measured: WELD-000163
    # "Non-unique bean deployment identifier", SchemaMigration's bean manager null, the deploy fails
    # and the application is gone). So the old one is not loaded at boot at all.
    if [ -f "$EAR_FILE" ] && [ "$(cat "$DOMAIN_DIR/.payrail-ear-hash" 2>/dev/null)" != "$(payara_ear_hash)" ] \
       && grep -q '<application-ref [^>]*ref="payrail"' "$DOMAIN_DIR/config/domain.xml"; then
      info "payrail.ear changed: the deployed one is not loaded at boot (it is replaced right after)"
      domain_disable_offline application-ref 'ref="payrail"'
    fi
    payara_start
  else
    info "Payara Server already running (admin port $ADMIN_PORT)"
  fi
  payara_deploy
  payara_wait_healthy
}

# health UP on the loopback listener, then the public listeners open
payara_wait_healthy() {
  wait_for "payrail health UP" 120 payara_health \
    || fail "payrail.ear is not healthy: http://127.0.0.1:$LOCAL_HTTP_PORT/health answers $(curl -s --max-time 5 "http://127.0.0.1:$LOCAL_HTTP_PORT/health" || echo 'nothing'); the public listeners stay closed" \
      "./payrail status shows which part is down; a database or broker that was down while Payara started leaves payrail.ear undeployed: start it, then restart Payara (see $LOG_DIR/payara-server.log)"
  payara_set_listeners true
  wait_for "the public HTTPS listener" 30 curl -sfk --max-time 5 -o /dev/null "https://127.0.0.1:$HTTPS_PORT/health" \
    || fail "https://localhost:$HTTPS_PORT/health does not answer after the listeners were opened" \
      "see $LOG_DIR/payara-listeners.log and $LOG_DIR/payara-server.log"
}

payara_status() {
  if payara_running; then
    local health; health="$(curl -s --max-time 5 "http://127.0.0.1:$LOCAL_HTTP_PORT/health" | tr -d '\n ' || true)"
    local public="public listeners open"
    port_open 127.0.0.1 "$HTTPS_PORT" || public="public listeners CLOSED (they open once health is UP)"
    printf '  %-12s UP    https://localhost:%s  http://localhost:%s  admin http://localhost:%s  (%s)\n' payara "$HTTPS_PORT" \
      "$HTTP_PORT" "$ADMIN_PORT" "$public"
    printf '  %-12s %s\n' health "${health:-no answer}"
  else
    printf '  %-12s DOWN  (admin port %s)\n' payara "$ADMIN_PORT"
  fi
}
