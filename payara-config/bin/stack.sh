#!/usr/bin/env bash
# All of the run scripts at once: the settings (common.sh) and each part's functions. Sourced by
# ./payrail and by the scripts in benchmarks/, never run.
PAYRAIL_BIN="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$PAYRAIL_BIN/common.sh"
source "$PAYRAIL_BIN/mariadb.sh"
source "$PAYRAIL_BIN/broker.sh"
source "$PAYRAIL_BIN/payara.sh"
source "$PAYRAIL_BIN/simulator.sh"
