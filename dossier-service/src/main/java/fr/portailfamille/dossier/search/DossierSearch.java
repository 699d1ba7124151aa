package fr.portailfamille.dossier.search;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds dossiers for agents by number, family name or a child's name: « Durand » finds « DURAND »,
 * « Helene » finds « Hélène ». Accents are folded in SQL with translate() (no extension needed).
 * Paged, most recently changed first.
 */
@Service
public class DossierSearch {

    private static final String ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ";
    private static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyyoa";

    private final JdbcClient jdbc;

    public DossierSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Hit(String number, String familyName, List<String> children, long openRequests) {
    }

    public record Results(List<Hit> items, int page, int size, long total) {
    }

    @Transactional(readOnly = true)
    public Results search(String query, int page, int size) {
        String folded = "%" + fold(query == null ? "" : query.trim()) + "%";
        String numberPrefix = (query == null ? "" : query.trim()) + "%";
        String where = """
                where d.number like :numberPrefix
                   or translate(lower(d.family_name), :accented, :plain) like :folded
                   or exists (select 1 from child c where c.dossier_id = d.id
                              and (translate(lower(c.first_name), :accented, :plain) like :folded
                                   or translate(lower(c.last_name || ' ' || c.first_name), :accented, :plain) like :folded
                                   or translate(lower(c.first_name || ' ' || c.last_name), :accented, :plain) like :folded))
                """;
        long total = jdbc.sql("select count(*) from dossier d " + where)
                .param("numberPrefix", numberPrefix).param("folded", folded)
                .param("accented", ACCENTED).param("plain", PLAIN)
                .query(Long.class).single();
        List<Hit> items = jdbc.sql("""
                        select d.number, d.family_name,
                               (select string_agg(c.first_name || ' ' || c.last_name, '|' order by c.birth_date)
                                  from child c where c.dossier_id = d.id) as children,
                               (select count(*) from request r where r.dossier_id = d.id
                                  and r.status in ('SUBMITTED', 'IN_PROGRESS')) as open_requests
                        from dossier d
                        """ + where + """
                        order by d.updated_at desc, d.number
                        limit :limit offset :offset""")
                .param("numberPrefix", numberPrefix).param("folded", folded)
                .param("accented", ACCENTED).param("plain", PLAIN)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Hit(rs.getString("number"), rs.getString("family_name"),
                        rs.getString("children") == null ? List.of() : Arrays.asList(rs.getString("children").split("\\|")),
                        rs.getLong("open_requests")))
                .list();
        return new Results(items, page, size, total);
    }

    static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
