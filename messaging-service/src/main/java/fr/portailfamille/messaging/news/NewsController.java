package fr.portailfamille.messaging.news;

import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * « Je m'informe ». {@code /api/messaging/news} is public (portal.security.public-paths): without a
 * token it gives the public items, with one (a family or an agent, relayed by the gateway) those for
 * families too. The agents' side is {@code /api/messaging/agent/news}.
 */
@RestController
@Validated
public class NewsController {

    static final String READERS_PATH = "/api/messaging/news";
    static final String AGENTS_PATH = "/api/messaging/agent/news";

    private final News news;

    public NewsController(News news) {
        this.news = news;
    }

    public record FormView(String fileName, long size, String url) {
    }

    /** A news item as readers get it; the agents' view adds its status and who changed it last (null for readers). */
    public record NewsView(long id, String title, String bodyHtml, NewsCategory category, String categoryLabel,
                           NewsAudience audience, String audienceLabel, LocalDate publicationDate,
                           LocalDate expiryDate, LocalDate deadline, String linkUrl, String linkLabel, FormView form,
                           NewsStatus status, String statusLabel, Boolean draft, Instant updatedAt,
                           String updatedBy) {

        static NewsView forReaders(NewsItem n) {
            return of(n, READERS_PATH, null);
        }

        static NewsView forAgents(NewsItem n, LocalDate today) {
            return of(n, AGENTS_PATH, n.status(today));
        }

        private static NewsView of(NewsItem n, String base, NewsStatus status) {
            FormView form = n.getForm() == null ? null : new FormView(n.getForm().getFileName(),
                    n.getForm().getSizeBytes(), base + "/" + n.getId() + "/form");
            boolean agents = status != null;
            return new NewsView(n.getId(), n.getTitle(), n.getBodyHtml(), n.getCategory(), n.getCategory().label(),
                    n.getAudience(), n.getAudience().label(), n.getPublicationDate(), n.getExpiryDate(),
                    n.getDeadline(), n.getLinkUrl(), n.getLinkLabel(), form, status,
                    agents ? status.label() : null, agents ? n.isDraft() : null,
                    agents ? n.getUpdatedAt() : null, agents ? n.getUpdatedBy() : null);
        }
    }

    public record NewsPage(List<NewsView> items, int page, int size, long total) {
    }

    @Operation(summary = "The current news items: public ones without a token, those for families too with one")
    @GetMapping(READERS_PATH)
    public List<NewsView> current(@AuthenticationPrincipal Jwt reader) {
        return news.current(reader != null).stream().map(NewsView::forReaders).toList();
    }

    @Operation(summary = "Download a current item's form (PDF, as an attachment)")
    @GetMapping(READERS_PATH + "/{id}/form")
    public ResponseEntity<byte[]> form(@AuthenticationPrincipal Jwt reader, @PathVariable long id) {
        return news.readersForm(id, reader != null).asAttachment();
    }

    @Operation(summary = "Every news item with its status (Brouillon, Programmée, Publiée, Expirée), newest first")
    @GetMapping(AGENTS_PATH)
    @StaffOnly
    public NewsPage all(@RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var found = news.all(page, size);
        LocalDate today = news.today();
        return new NewsPage(found.getContent().stream().map(n -> NewsView.forAgents(n, today)).toList(),
                page, size, found.getTotalElements());
    }

    @Operation(summary = "One news item, whatever its status")
    @GetMapping(AGENTS_PATH + "/{id}")
    @StaffOnly
    public NewsView one(@PathVariable long id) {
        return NewsView.forAgents(news.one(id), news.today());
    }

    @Operation(summary = "Write a news item (HTML text sanitised; draft or published)")
    @PostMapping(AGENTS_PATH)
    @ResponseStatus(HttpStatus.CREATED)
    @StaffOnly
    public NewsView write(@Valid @RequestBody NewsDraft draft) {
        return NewsView.forAgents(news.write(draft), news.today());
    }

    @Operation(summary = "Change a news item")
    @PutMapping(AGENTS_PATH + "/{id}")
    @StaffOnly
    public NewsView change(@PathVariable long id, @Valid @RequestBody NewsDraft draft) {
        return NewsView.forAgents(news.change(id, draft), news.today());
    }

    @Operation(summary = "Delete a news item and its form")
    @DeleteMapping(AGENTS_PATH + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @StaffOnly
    public void delete(@PathVariable long id) {
        news.delete(id);
    }

    @Operation(summary = "Attach or replace the item's form (multipart « file », PDF only, 10 Mo)")
    @PutMapping(path = AGENTS_PATH + "/{id}/form", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @StaffOnly
    public NewsView attachForm(PortalPrincipal agent, @PathVariable long id,
                               @RequestParam(name = "file", required = false) MultipartFile file) {
        return NewsView.forAgents(news.attachForm(id, file, agent), news.today());
    }

    @Operation(summary = "Remove the item's form")
    @DeleteMapping(AGENTS_PATH + "/{id}/form")
    @StaffOnly
    public NewsView removeForm(@PathVariable long id) {
        return NewsView.forAgents(news.removeForm(id), news.today());
    }

    @Operation(summary = "Download an item's form, whatever its status (agents)")
    @GetMapping(AGENTS_PATH + "/{id}/form")
    @StaffOnly
    public ResponseEntity<byte[]> agentsForm(@PathVariable long id) {
        return news.agentsForm(id).asAttachment();
    }
}
