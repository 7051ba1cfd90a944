#!/bin/sh
# Verifies a Payrail-signed response or notification with openssl alone (docs/authentication.md
# section 5): builds the signed text, prints it and its SHA-256, and checks Payrail-Signature with
# the platform certificate.
#
# With no settings it checks the worked example response, signed with the TEST-ONLY example
# platform key (example-platform-private.pem, never for real money); KIND=notification checks the
# worked example notification. For a message you received, give its headers, the raw body and
# YOUR OWN merchant id and request nonce (never the Payrail-Merchant-Id / Payrail-Request-Nonce
# headers, which only echo what was signed), and the real platform certificate:
#
#   KIND=response CERTIFICATE=platform.pem TIMESTAMP=... NONCE=... SIGNATURE=... \
#     MERCHANT_ID=M100001 REQUEST_NONCE=<the nonce you signed the request with> BODY_FILE=body.bin ./verify-with-openssl.sh
#   KIND=notification CERTIFICATE=platform.pem TIMESTAMP=... NONCE=... SIGNATURE=... \
#     MERCHANT_ID=M100001 BODY_FILE=body.bin ./verify-with-openssl.sh
#
# KEY=ec checks the same worked examples signed with the TEST-ONLY EC example platform key
# (example-platform-ec-certificate.pem, Payrail-Signature-Algorithm SHA256-ECDSA-P256). A real
# certificate of either kind needs no setting: 'dgst -verify' follows its key.
#
# Settings (environment): KIND KEY CERTIFICATE TIMESTAMP NONCE SIGNATURE MERCHANT_ID REQUEST_NONCE,
# and BODY (text) or BODY_FILE (raw bytes, preferred for a received body). Exits 1 when the
# signature does not verify.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=platform-worked-example.env
. "$here/platform-worked-example.env"
KIND=${KIND-response}
case "${KEY-rsa}" in
  rsa) CERTIFICATE=${CERTIFICATE-$here/example-platform-certificate.pem} ;;
  ec)
    CERTIFICATE=${CERTIFICATE-$here/example-platform-ec-certificate.pem}
    RESPONSE_SIGNATURE=$EC_RESPONSE_SIGNATURE
    NOTIFICATION_SIGNATURE=$EC_NOTIFICATION_SIGNATURE ;;
  *) echo "KEY is rsa or ec, not '$KEY'" >&2; exit 2 ;;
esac
MERCHANT_ID=${MERCHANT_ID-$EXAMPLE_MERCHANT_ID}
case "$KIND" in
  response)
    TIMESTAMP=${TIMESTAMP-$RESPONSE_TIMESTAMP}
    NONCE=${NONCE-$RESPONSE_NONCE}
    SIGNATURE=${SIGNATURE-$RESPONSE_SIGNATURE}
    REQUEST_NONCE=${REQUEST_NONCE-$RESPONSE_REQUEST_NONCE}
    BODY=${BODY-$RESPONSE_BODY} ;;
  notification)
    TIMESTAMP=${TIMESTAMP-$NOTIFICATION_TIMESTAMP}
    NONCE=${NONCE-$NOTIFICATION_NONCE}
    SIGNATURE=${SIGNATURE-$NOTIFICATION_SIGNATURE}
    BODY=${BODY-$NOTIFICATION_BODY} ;;
  *) echo "KIND is response or notification, not '$KIND'" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${BODY_FILE-}" ]; then cp "$BODY_FILE" "$work/body"; else printf '%s' "$BODY" > "$work/body"; fi
# the label line, the other parts one per line, then the body's bytes unchanged and a final newline
if [ "$KIND" = response ]; then
  printf 'PAYRAIL-RESPONSE\n%s\n%s\n%s\n%s\n' "$TIMESTAMP" "$NONCE" "$MERCHANT_ID" "$REQUEST_NONCE" > "$work/signed"
else
  printf 'PAYRAIL-NOTIFICATION\n%s\n%s\n%s\n' "$TIMESTAMP" "$NONCE" "$MERCHANT_ID" > "$work/signed"
fi
cat "$work/body" >> "$work/signed"
printf '\n' >> "$work/signed"

printf '%s\n' "signed text of the $KIND (each \\n marks a newline byte):"
sed 's/$/\\n/' "$work/signed"
printf '\n%s\n' "signed text SHA-256: $(openssl dgst -sha256 < "$work/signed" | sed 's/^.*= *//')"
openssl x509 -in "$CERTIFICATE" -pubkey -noout > "$work/public.pem"
printf '%s' "$SIGNATURE" | openssl base64 -d -A > "$work/signature"
# 'dgst -verify' checks SHA256withRSA (RSASSA-PKCS1-v1_5) with an RSA key, SHA256withECDSA (DER) with an EC key
printf 'signature: '
openssl dgst -sha256 -verify "$work/public.pem" -signature "$work/signature" "$work/signed"
