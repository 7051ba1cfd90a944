package io.payrail.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsArePrefixedCrockfordBase32OfFixedLength() {
        String id = Ids.next("pay");
        assertThat(id).matches("pay_[0-9A-HJKMNP-TV-Z]{26}");
    }

    @Test
    void idsSortByCreationTime() {
        String earlier = "x_" + Ids.ulid(1_700_000_000_000L);
        String later = "x_" + Ids.ulid(1_700_000_000_001L);
        assertThat(earlier.substring(0, 12)).isLessThan(later.substring(0, 12));
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(Ids.next("t"))).isTrue();
        }
    }
}
