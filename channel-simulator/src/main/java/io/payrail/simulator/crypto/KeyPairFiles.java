package io.payrail.simulator.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * A channel's own RSA key pair on disk: {@code <name>-private-key.pem} (PKCS#8, owner-only where
 * the file system allows) and {@code <name>-public-key.pem} (what the platform is given). Made at
 * the first start and kept, so the platform configures the channel's public key once. Files are
 * written to a temporary name and moved into place, so a crash never leaves half a key.
 */
public final class KeyPairFiles {

    private static final Logger LOG = Logger.getLogger(KeyPairFiles.class.getName());

    private final Path privateFile;
    private final Path publicFile;
    private final KeyPair pair;

    private KeyPairFiles(Path privateFile, Path publicFile, KeyPair pair) {
        this.privateFile = privateFile;
        this.publicFile = publicFile;
        this.pair = pair;
    }

    /** Loads {@code name}'s key pair from {@code dir}, generating and saving one if there is none. */
    public static KeyPairFiles loadOrCreate(Path dir, String name) {
        Objects.requireNonNull(dir, "dir");
        Path privateFile = dir.resolve(name + "-private-key.pem");
        Path publicFile = dir.resolve(name + "-public-key.pem");
        try {
            Files.createDirectories(dir);
            KeyPair pair;
            if (Files.exists(privateFile)) {
                PrivateKey privateKey = Pem.privateKey(Files.readString(privateFile, StandardCharsets.US_ASCII));
                pair = new KeyPair(Pem.publicOf(privateKey), privateKey);
            } else {
                pair = Rsa.generate();
                write(privateFile, Pem.encode(pair.getPrivate()), true);
                LOG.info(() -> "generated a new " + Rsa.KEY_BITS + "-bit RSA key pair for " + name);
            }
            String publicPem = Pem.encode(pair.getPublic());
            if (!Files.exists(publicFile)
                    || !Files.readString(publicFile, StandardCharsets.US_ASCII).equals(publicPem)) {
                write(publicFile, publicPem, false);
            }
            return new KeyPairFiles(privateFile, publicFile, pair);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or create the key pair of " + name + " in " + dir, e);
        }
    }

    public PrivateKey privateKey() {
        return pair.getPrivate();
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    public String publicKeyPem() {
        return Pem.encode(pair.getPublic());
    }

    public String keyId() {
        return Pem.keyId(pair.getPublic());
    }

    public Path publicFile() {
        return publicFile;
    }

    public Path privateFile() {
        return privateFile;
    }

    private static void write(Path target, String text, boolean secret) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        Files.writeString(temp, text, StandardCharsets.US_ASCII);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
