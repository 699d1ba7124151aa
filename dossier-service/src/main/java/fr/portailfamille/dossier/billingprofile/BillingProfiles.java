package fr.portailfamille.dossier.billingprofile;

import fr.portailfamille.dossier.dossier.AccessKeyCipher;
import fr.portailfamille.platform.problem.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The billing profiles of a batch of dossier numbers, in one query whatever the batch's size (up to
 * {@link #MAX_NUMBERS}): numbers that name no dossier are simply absent from the answer, which is how
 * billing-service learns its unknown dossiers.
 */
@Service
public class BillingProfiles {

    static final int MAX_NUMBERS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(BillingProfiles.class);
    private static final Pattern NUMBER = Pattern.compile("\\d{3,4}");
    private static final int SHOWN_INVALID = 5;

    private final JdbcClient jdbc;
    private final AccessKeyCipher cipher;

    public BillingProfiles(JdbcClient jdbc, AccessKeyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The profiles of the known dossiers among {@code numbers}, by number; each dossier once. */
    @Transactional(readOnly = true)
    public List<BillingProfile> of(List<String> numbers) {
        String[] distinct = check(numbers);
        List<Row> rows = jdbc.sql("""
                        select d.number, d.family_name, d.email, d.access_key_ciphertext,
                               g.address_line1, g.address_line2, g.postcode, g.city
                          from dossier d
                          left join lateral (
                               select address_line1, address_line2, postcode, city
                                 from guardian
                                where guardian.dossier_id = d.id and guardian.postcode is not null
                                order by guardian.position
                                limit 1) g on true
                         where d.number = any(:numbers)
                         order by d.number""")
                .param("numbers", distinct)
                .query((rs, n) -> new Row(rs.getString("number"), rs.getString("family_name"), rs.getString("email"),
                        rs.getBytes("access_key_ciphertext"), rs.getString("address_line1"),
                        rs.getString("address_line2"), rs.getString("postcode"), rs.getString("city")))
                .list();
        List<String> unreadable = new ArrayList<>();
        List<BillingProfile> profiles = rows.stream().map(row -> profile(row, unreadable)).toList();
        if (!unreadable.isEmpty()) {
            log.warn("{} access key(s) do not decrypt with the configured key (changed since they were kept?), "
                    + "answered without a key: dossiers {}", unreadable.size(), first(unreadable, 20));
        }
        return profiles;
    }

    private BillingProfile profile(Row row, List<String> unreadable) {
        String accessKey = null;
        if (row.ciphertext() != null) {
            try {
                accessKey = cipher.decrypt(row.number(), row.ciphertext());
            } catch (IllegalArgumentException e) {
                unreadable.add(row.number());
            }
        }
        List<String> addressLines = Stream.of(row.addressLine1(), row.addressLine2()).filter(Objects::nonNull).toList();
        return new BillingProfile(row.number(), row.familyName(), row.email(), addressLines, row.postcode(),
                row.city(), accessKey);
    }

    /** The numbers, each once; a missing list, more than 10,000 or one that is not 3 or 4 digits gets a 400. */
    private static String[] check(List<String> numbers) {
        if (numbers == null) {
            throw ApiProblem.invalidField("numbers", "billing-profiles.numbers.required");
        }
        if (numbers.size() > MAX_NUMBERS) {
            throw ApiProblem.invalidField("numbers", "billing-profiles.numbers.too-many", MAX_NUMBERS, numbers.size());
        }
        List<String> invalid = numbers.stream().filter(n -> n == null || !NUMBER.matcher(n).matches())
                .map(n -> n == null ? "null" : "« " + n + " »").distinct().toList();
        if (!invalid.isEmpty()) {
            throw ApiProblem.invalidField("numbers", "billing-profiles.numbers.format", first(invalid, SHOWN_INVALID));
        }
        return new LinkedHashSet<>(numbers).toArray(String[]::new);
    }

    private static String first(Collection<String> values, int shown) {
        String listed = values.stream().limit(shown).collect(Collectors.joining(", "));
        return values.size() > shown ? listed + "… (" + values.size() + ")" : listed;
    }

    private record Row(String number, String familyName, String email, byte[] ciphertext, String addressLine1,
                       String addressLine2, String postcode, String city) {
    }
}
