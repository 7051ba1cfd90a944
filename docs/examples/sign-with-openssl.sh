#!/bin/sh
# Signs one Payrail merchant request with openssl alone (docs/authentication.md) and prints the
# canonical string, its SHA-256, the signature, the Authorization header and a curl command.
#
# With no settings it reproduces the worked example byte for byte (fixed timestamp and nonce,
# the published demo key). For a live request, give a fresh timestamp and nonce, and your own
# values for anything else:
#
#   TIMESTAMP=$(date +%s) NONCE=$(openssl rand -hex 16) ./sign-with-openssl.sh
#   METHOD=GET TARGET=/api/v1/payments/merchant-order-no/demo-1 BODY= \
#     TIMESTAMP=$(date +%s) NONCE=$(openssl rand -hex 16) ./sign-with-openssl.sh
#
# An EC P-256 key signs with ECDSA (DER, randomised: each run prints another valid signature) under
# the scheme PAYRAIL-SHA256-ECDSA-P256; the EC worked example (key id EC1):
#
#   PRIVATE_KEY=docs/examples/demo-merchant-ec-private.pem KEY_ID=EC1 ./sign-with-openssl.sh
#
# Settings (environment): MERCHANT_ID KEY_ID PRIVATE_KEY METHOD TARGET BODY TIMESTAMP NONCE,
# and for the curl command BASE (default https://localhost:8181) and CACERT.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
MERCHANT_ID=${MERCHANT_ID-M100001}
KEY_ID=${KEY_ID-K1}
PRIVATE_KEY=${PRIVATE_KEY-$here/demo-merchant-private.pem}
METHOD=${METHOD-POST}
TARGET=${TARGET-/api/v1/payments}
BODY=${BODY-'{"merchantOrderNo":"demo-1","amount":1999,"currency":"USD","subject":"Blue T-shirt","paymentMethod":"BANK_CARD"}'}
TIMESTAMP=${TIMESTAMP-1767225600}
NONCE=${NONCE-Zy3kQ9_demo-nonce_4F7a2Bx8Lm0Pq1}
BASE=${BASE-https://localhost:8181}
CACERT=${CACERT-.runtime/dev/tls/payrail-tls.crt}

canonical=$(mktemp)
trap 'rm -f "$canonical"' EXIT
# METHOD \n TARGET \n timestamp \n nonce \n BODY \n  -- printf writes the body's bytes unchanged
printf '%s\n%s\n%s\n%s\n%s\n' "$METHOD" "$TARGET" "$TIMESTAMP" "$NONCE" "$BODY" > "$canonical"

sha256=$(openssl dgst -sha256 < "$canonical" | sed 's/^.*= *//')
# 'dgst -sign' makes SHA256withRSA (RSASSA-PKCS1-v1_5) with an RSA key and SHA256withECDSA (DER,
# as the protocol wants it) with an EC key; the scheme names which
if openssl pkey -in "$PRIVATE_KEY" -noout -text | grep -q 'NIST CURVE: P-256'; then
  scheme=PAYRAIL-SHA256-ECDSA-P256
else
  scheme=PAYRAIL-SHA256-RSA2048
fi
signature=$(openssl dgst -sha256 -sign "$PRIVATE_KEY" < "$canonical" | openssl base64 -A)
authorization="$scheme merchant_id=\"$MERCHANT_ID\",key_id=\"$KEY_ID\",timestamp=\"$TIMESTAMP\",nonce=\"$NONCE\",signature=\"$signature\""

# shq VALUE: VALUE as one single-quoted shell word (a trailing newline survives thanks to the x)
shq() {
  quoted=$(printf '%sx' "$1" | sed "s/'/'\\\\''/g")
  printf "'%s'" "${quoted%x}"
}

printf '%s\n' 'canonical string (each \n marks a newline byte):'
sed 's/$/\\n/' "$canonical"
printf '\n%s\n' "canonical SHA-256: $sha256"
printf '%s\n' "signature: $signature"
printf '%s\n\n' "Authorization: $authorization"
printf '%s\n' 'curl command (--data-binary sends the body exactly as signed; --path-as-is keeps the target):'
printf 'curl -i --path-as-is --cacert %s -X %s %s \\\n' "$(shq "$CACERT")" "$METHOD" "$(shq "$BASE$TARGET")"
printf '  -H %s' "$(shq "Authorization: $authorization")"
if [ -n "$BODY" ]; then
  printf ' \\\n  -H %s \\\n  --data-binary %s' "$(shq 'Content-Type: application/json')" "$(shq "$BODY")"
fi
printf '\n'
