package fr.portailfamille.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.Map;

/**
 * The largest request body the gateway lets through to a service (issue 13, item 11; README
 * « Configuration »): {@code PORTAL_GATEWAY_REQUEST_SIZE_JSON}, {@code _UPLOADS}.
 *
 * @param json     every API call that is not an upload: JSON forms are small (a message is at most
 *                 5,000 characters, a news item 20,000)
 * @param uploads  multipart uploads (a file is at most 10 MB at the services, plus the form) and the
 *                 long-running batch paths (an agent's import of a month of invoices: 3.7 MB for 10,000)
 * @param paths    larger limits for a few JSON paths (prefix → size): the CGU an administrator
 *                 publishes (up to 100,000 characters)
 */
@ConfigurationProperties("portal.gateway.request-size")
public record RequestSizeProperties(@DefaultValue("64KB") DataSize json, @DefaultValue("12MB") DataSize uploads,
                                    Map<String, DataSize> paths) {

    public RequestSizeProperties {
        paths = paths == null || paths.isEmpty() ? Map.of("/api/identity/cgu", DataSize.ofKilobytes(512)) : Map.copyOf(paths);
    }
}
