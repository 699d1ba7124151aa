package fr.portailfamille.dossier.search;

import fr.portailfamille.platform.text.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.List;

/**
 * Finds dossiers for agents by number, family name or a child's name: « Durand » finds « DURAND »,
 * « Helene » finds « Hélène », « coeur » finds « CŒUR » (and « cour » does not). Both sides are
 * folded alike: the query by {@link Texts#foldAccents}, the columns by {@link Texts#sqlFoldAccents}.
 * Paged, most recently changed first.
 */
@Service
public class DossierSearch {

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
        String folded = "%" + Texts.foldAccents(query == null ? "" : query.trim()) + "%";
        String numberPrefix = (query == null ? "" : query.trim()) + "%";
        String where = """
                where d.number like :numberPrefix
                   or %s like :folded
                   or exists (select 1 from child c where c.dossier_id = d.id
                              and (%s like :folded
                                   or %s like :folded
                                   or %s like :folded))
                """.formatted(Texts.sqlFoldAccents("d.family_name"), Texts.sqlFoldAccents("c.first_name"),
                Texts.sqlFoldAccents("c.last_name || ' ' || c.first_name"),
                Texts.sqlFoldAccents("c.first_name || ' ' || c.last_name"));
        long total = jdbc.sql("select count(*) from dossier d " + where)
                .param("numberPrefix", numberPrefix).param("folded", folded)
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
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Hit(rs.getString("number"), rs.getString("family_name"),
                        rs.getString("children") == null ? List.of() : Arrays.asList(rs.getString("children").split("\\|")),
                        rs.getLong("open_requests")))
                .list();
        return new Results(items, page, size, total);
    }
}
