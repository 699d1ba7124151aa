package fr.portailfamille.dossier.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access key kept readable for invoices: only its own dossier, unchanged, under the same key gets it back. */
class AccessKeyCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final AccessKeyCipher cipher = new AccessKeyCipher(new AccessKeyEncryptionProperties(KEY));

    @Test
    void the_key_comes_back_for_its_dossier_and_each_encryption_uses_a_new_nonce() {
        byte[] first = cipher.encrypt("6000", "K7PX2M9Q");
        byte[] second = cipher.encrypt("6000", "K7PX2M9Q");

        assertThat(cipher.decrypt("6000", first)).isEqualTo("K7PX2M9Q");
        assertThat(cipher.decrypt("6000", second)).isEqualTo("K7PX2M9Q");
        assertThat(first).hasSize(12 + 8 + 16).isNotEqualTo(second);
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("K7PX2M9Q");
    }

    @Test
    void another_dossier_number_as_associated_data_does_not_decrypt() {
        byte[] sealed = cipher.encrypt("6000", "K7PX2M9Q");

        assertThatThrownBy(() -> cipher.decrypt("6001", sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6001");
    }

    @Test
    void a_changed_byte_anywhere_does_not_decrypt() {
        byte[] sealed = cipher.encrypt("6000", "K7PX2M9Q");
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt("6000", tampered)).as("byte %d", i)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> cipher.decrypt("6000", java.util.Arrays.copyOf(sealed, 12)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void another_encryption_key_does_not_decrypt() {
        byte[] sealed = cipher.encrypt("6000", "K7PX2M9Q");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        AccessKeyCipher other = new AccessKeyCipher(
                new AccessKeyEncryptionProperties(Base64.getEncoder().encodeToString(otherKey)));

        assertThatThrownBy(() -> other.decrypt("6000", sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_missing_key_a_non_base64_key_or_a_key_of_another_length_is_refused_saying_what_to_set() {
        assertThatThrownBy(() -> new AccessKeyEncryptionProperties(null))
                .hasMessageContaining("missing").hasMessageContaining("PORTAL_DOSSIER_ACCESS_KEY_ENCRYPTION_KEY");
        assertThatThrownBy(() -> new AccessKeyEncryptionProperties("pas du base64 !"))
                .hasMessageContaining("not Base64").hasMessageContaining("32 random bytes in Base64");
        assertThatThrownBy(() -> new AccessKeyEncryptionProperties(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("16 bytes long, AES-256 needs 32");
        assertThat(new AccessKeyEncryptionProperties(KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void the_service_does_not_start_with_a_key_of_the_wrong_length() {
        new ApplicationContextRunner().withUserConfiguration(AccessKeyCipher.class)
                .withPropertyValues("portal.dossier.access-key-encryption-key="
                        + Base64.getEncoder().encodeToString(new byte[24]))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("24 bytes long, AES-256 needs 32"));
        new ApplicationContextRunner().withUserConfiguration(AccessKeyCipher.class)
                .withPropertyValues("portal.dossier.access-key-encryption-key=" + KEY)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AccessKeyCipher.class));
    }
}
