package fr.portailfamille.messaging.news;

import fr.portailfamille.messaging.conversation.MessageText;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.uploads.FileDownload;
import fr.portailfamille.platform.uploads.FileStore;
import fr.portailfamille.platform.uploads.StoredFile;
import fr.portailfamille.platform.uploads.UploadCheck;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * « Je m'informe »: agents (and admins) write news items for the whole authority; readers get the
 * current ones. Anyone reads the public items; a logged-in person (family or agent) also reads those
 * for families. Drafts, scheduled and expired items exist only for agents: for readers they are 404,
 * as an id that does not exist.
 */
@Service
public class News {

    static final int TITLE_MAX = 150;
    static final int TEXT_MAX = 20_000;
    /** Readers never get more than this many current items (the newest). */
    static final int CURRENT_MAX = 100;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https");

    private final NewsItemRepository items;
    private final FileStore files;
    private final Clock clock;

    public News(NewsItemRepository items, FileStore files, Clock clock) {
        this.items = items;
        this.files = files;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    /**
     * The current items for a reader: those with a deadline still to come first, the nearest first;
     * then the others, the newest publication first.
     */
    @Transactional(readOnly = true)
    public List<NewsItem> current(boolean loggedIn) {
        LocalDate today = today();
        Set<NewsAudience> audiences = loggedIn ? EnumSet.allOf(NewsAudience.class) : EnumSet.of(NewsAudience.PUBLIC);
        List<NewsItem> current = items.current(today, audiences, PageRequest.of(0, CURRENT_MAX));
        Comparator<NewsItem> comingDeadlineFirst = Comparator.comparing(
                (NewsItem n) -> n.getDeadline() == null || n.getDeadline().isBefore(today));
        Comparator<NewsItem> nearestDeadline = Comparator.comparing(
                (NewsItem n) -> n.getDeadline() == null || n.getDeadline().isBefore(today) ? LocalDate.MAX : n.getDeadline());
        return current.stream().sorted(comingDeadlineFirst.thenComparing(nearestDeadline)).toList();
    }

    /** A current item's form, for a reader who may read the item; 404 otherwise. */
    @Transactional(readOnly = true)
    public FileDownload readersForm(long id, boolean loggedIn) {
        NewsItem item = items.findById(id)
                .filter(n -> n.status(today()) == NewsStatus.PUBLISHED)
                .filter(n -> loggedIn || n.getAudience() == NewsAudience.PUBLIC)
                .orElseThrow(News::notFound);
        return form(item);
    }

    @Transactional(readOnly = true)
    public Page<NewsItem> all(int page, int size) {
        return items.newestFirst(PageRequest.of(page, size));
    }

    @Transactional(readOnly = true)
    public NewsItem one(long id) {
        return items.findById(id).orElseThrow(News::notFound);
    }

    @Transactional(readOnly = true)
    public FileDownload agentsForm(long id) {
        return form(one(id));
    }

    @Transactional
    public NewsItem write(NewsDraft draft) {
        return items.saveAndFlush(new NewsItem(content(draft)));
    }

    @Transactional
    public NewsItem change(long id, NewsDraft draft) {
        NewsItem item = one(id);
        item.change(content(draft));
        return items.saveAndFlush(item);
    }

    @Transactional
    public void delete(long id) {
        NewsItem item = one(id);
        StoredFile form = item.getForm();
        items.delete(item);
        items.flush();
        if (form != null) {
            files.delete(form);
        }
    }

    /** Attaches (or replaces) the item's form: a PDF, checked from its content; 400, 413 or 415 otherwise. */
    @Transactional
    public NewsItem attachForm(long id, MultipartFile upload, PortalPrincipal agent) {
        NewsItem item = one(id);
        StoredFile stored = files.store(upload, agent);
        if (!UploadCheck.PDF.equals(stored.getContentType())) {
            // Thrown inside the transaction: the file just stored goes with it.
            throw ApiProblem.onField(HttpStatus.UNSUPPORTED_MEDIA_TYPE, FileStore.DEFAULT_FIELD, "news.form.pdf-only");
        }
        StoredFile previous = item.getForm();
        item.attachForm(stored);
        items.saveAndFlush(item);
        if (previous != null) {
            files.delete(previous);
        }
        return item;
    }

    @Transactional
    public NewsItem removeForm(long id) {
        NewsItem item = one(id);
        StoredFile previous = item.getForm();
        if (previous == null) {
            throw ApiProblem.notFound("formulaire-introuvable", "news.form.not-found");
        }
        item.attachForm(null);
        items.saveAndFlush(item);
        files.delete(previous);
        return item;
    }

    private FileDownload form(NewsItem item) {
        if (item.getForm() == null) {
            throw ApiProblem.notFound("formulaire-introuvable", "news.form.not-found");
        }
        return files.read(item.getForm());
    }

    /** The checked, cleaned content; 400 naming the field otherwise. */
    static NewsContent content(NewsDraft draft) {
        String title = MessageText.line("title", draft.title());
        String html = NewsHtml.sanitise(draft.text());
        if (NewsHtml.isBlank(html)) {
            throw ApiProblem.invalidField("text", "text.required");
        }
        if (html.length() > 2 * TEXT_MAX) {
            throw ApiProblem.invalidField("text", "news.text.too-long");
        }
        if (draft.expiryDate() != null && draft.expiryDate().isBefore(draft.publicationDate())) {
            throw ApiProblem.invalidField("expiryDate", "news.expiry.before-publication");
        }
        String linkUrl = blankToNull(draft.linkUrl());
        String linkLabel = blankToNull(draft.linkLabel());
        if (linkUrl == null && linkLabel != null) {
            throw ApiProblem.invalidField("linkUrl", "news.link.url-required");
        }
        if (linkUrl != null && !isWebAddress(linkUrl)) {
            throw ApiProblem.invalidField("linkUrl", "news.link.invalid");
        }
        return new NewsContent(title, html, draft.category(), draft.audience(), draft.publicationDate(),
                draft.expiryDate(), draft.deadline(), linkUrl,
                linkLabel == null ? null : MessageText.line("linkLabel", linkLabel), draft.draft());
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && LINK_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("actualite-introuvable", "news.not-found");
    }
}
