package fr.portailfamille.messaging.news;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

interface NewsItemRepository extends JpaRepository<NewsItem, Long> {

    /** What readers of these audiences see on {@code today}: published, not expired. */
    @EntityGraph(attributePaths = "form")
    @Query("""
            select n from NewsItem n
            where n.draft = false and n.publicationDate <= ?1 and (n.expiryDate is null or n.expiryDate >= ?1)
              and n.audience in ?2
            order by n.publicationDate desc, n.id desc""")
    List<NewsItem> current(LocalDate today, Collection<NewsAudience> audiences, Pageable limit);

    /** Every item, newest publication first, for the agents. */
    @EntityGraph(attributePaths = "form")
    @Query(value = "select n from NewsItem n order by n.publicationDate desc, n.id desc",
            countQuery = "select count(n) from NewsItem n")
    Page<NewsItem> newestFirst(Pageable page);
}
