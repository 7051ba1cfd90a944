package io.payrail.simulator.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.channel.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyPairFilesTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartMakesAKeyPairAndLaterStartsKeepIt() throws Exception {
        KeyPairFiles first = KeyPairFiles.loadOrCreate(dir.resolve("keys"), "cardgw");
        KeyPairFiles again = KeyPairFiles.loadOrCreate(dir.resolve("keys"), "cardgw");

        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
        assertThat(Files.readString(first.publicFile())).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Pem.publicKey(Files.readString(first.publicFile()))).isEqualTo(first.publicKey());
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(first.privateFile()))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        assertThat(Rsa.verify(first.publicKey(), message, Rsa.sign(again.privateKey(), message))).isTrue();
    }

    @Test
    void aMissingPublicFileIsWrittenAgainFromThePrivateKey() throws Exception {
        KeyPairFiles first = KeyPairFiles.loadOrCreate(dir, "wallet");
        Files.delete(first.publicFile());

        KeyPairFiles again = KeyPairFiles.loadOrCreate(dir, "wallet");

        assertThat(Files.readString(again.publicFile())).isEqualTo(first.publicKeyPem());
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("wallet-private-key.pem", "wallet-public-key.pem");
    }

    @Test
    void pemReadsPublicKeysCertificatesAndRefusesTheRest() {
        assertThat(Pem.publicKey(TestKeys.read("example-platform-public-key.pem"))).isEqualTo(TestKeys.PLATFORM_PUBLIC);
        assertThat(Pem.publicKey(Pem.encode(TestKeys.PLATFORM_PUBLIC))).isEqualTo(TestKeys.PLATFORM_PUBLIC);
        assertThat(Pem.publicOf(TestKeys.PLATFORM_PRIVATE)).isEqualTo(TestKeys.PLATFORM_PUBLIC);
        assertThat(Pem.keyId(TestKeys.PLATFORM_PUBLIC)).isEqualTo("97023a2df43937a2");
        assertThat(Pem.publicKey(TestKeys.read("example-certificate.pem")).getAlgorithm()).isEqualTo("RSA");
        assertThatThrownBy(() -> Pem.publicKey("nothing here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pem.privateKey(TestKeys.read("example-platform-public-key.pem")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
