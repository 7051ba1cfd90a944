/**
 * Keys and signatures, in plain JDK crypto: PEM files in and out ({@link
 * io.payrail.simulator.crypto.Pem}), RSA SHA-256 signatures ({@link io.payrail.simulator.crypto.Rsa})
 * and each channel's own key pair, generated at first start and kept in the data directory
 * ({@link io.payrail.simulator.crypto.KeyPairFiles}). Private keys are never logged or served.
 */
package io.payrail.simulator.crypto;
