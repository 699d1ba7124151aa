package fr.portailfamille.identity.registration;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password a draft holds until the account exists: AES-256-GCM, without Spring. */
class DraftPasswordsTest {

    private static String key(int bytes, byte fill) {
        byte[] key = new byte[bytes];
        java.util.Arrays.fill(key, fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void what_is_encrypted_comes_back_and_is_never_stored_in_clear() {
        DraftPasswords passwords = new DraftPasswords(key(32, (byte) 7));

        String sealed = passwords.encrypt("Vacances-Prades-2026");

        assertThat(sealed).doesNotContain("Vacances");
        assertThat(passwords.encrypt("Vacances-Prades-2026")).as("a new IV each time").isNotEqualTo(sealed);
        assertThat(passwords.decrypt(sealed)).isEqualTo("Vacances-Prades-2026");
    }

    @Test
    void another_key_or_a_changed_byte_cannot_open_it() {
        String sealed = new DraftPasswords(key(32, (byte) 7)).encrypt("Vacances-Prades-2026");
        byte[] tampered = Base64.getDecoder().decode(sealed);
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> new DraftPasswords(key(32, (byte) 8)).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DraftPasswords(key(32, (byte) 7)).decrypt(Base64.getEncoder().encodeToString(tampered)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_key_must_be_32_bytes() {
        assertThatThrownBy(() -> new DraftPasswords(key(16, (byte) 7)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }
}
