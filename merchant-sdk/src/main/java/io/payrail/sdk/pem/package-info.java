/**
 * PEM (RFC 7468) reading and writing for the keys and certificates of the Payrail protocol: the
 * merchant's PKCS#8 RSA private key, X.509 public keys and the platform's X.509 certificates.
 * Only the JDK is used, so the files openssl writes are read as they are, without BouncyCastle.
 */
package io.payrail.sdk.pem;
