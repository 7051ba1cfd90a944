package io.payrail.vault;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the vault's keys from MicroProfile Config at deployment ({@link VaultKeys#KEY_PREFIX}{@code <id>},
 * {@link VaultKeys#CURRENT}). There is no key in the source and no default: without a key the
 * deployment fails at once with what to configure, instead of the first payer who saves a card.
 */
@Singleton
@Startup
public class VaultKeyring {

    private static final Logger LOG = Logger.getLogger(VaultKeyring.class.getName());

    private VaultCipher cipher;

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> encoded = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(VaultKeys.KEY_PREFIX)) {
                encoded.put(name.substring(VaultKeys.KEY_PREFIX.length()), config.getValue(name, String.class));
            }
        }
        VaultKeys keys = VaultKeys.of(encoded, config.getOptionalValue(VaultKeys.CURRENT, String.class));
        cipher = new VaultCipher(keys);
        LOG.info(() -> "card vault keys loaded: " + keys);
    }

    public VaultCipher cipher() {
        return cipher;
    }
}
