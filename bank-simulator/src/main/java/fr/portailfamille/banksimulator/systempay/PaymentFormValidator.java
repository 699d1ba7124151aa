package fr.portailfamille.banksimulator.systempay;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Checks a payment form the way the platform does before it shows its payment page: the shop, the
 * mode, the signature with the mode's key, then each field the simulator supports. The first problem
 * found is the one reported, with the platform's error code where it has one.
 */
@Component
public class PaymentFormValidator {

    static final DateTimeFormatter TRANS_DATE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern TRANS_ID = Pattern.compile("[0-9A-Za-z]{6}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<String> RETURN_URL_FIELDS =
            List.of("vads_url_return", "vads_url_success", "vads_url_refused", "vads_url_cancel", "vads_url_error");

    private final SystempayProperties properties;

    public PaymentFormValidator(SystempayProperties properties) {
        this.properties = properties;
    }

    /** The accepted form, or the reason it is refused. */
    public sealed interface Outcome permits Accepted, Refused {
    }

    public record Accepted(PaymentRequest request) implements Outcome {
    }

    public record Refused(FormError error) implements Outcome {
    }

    public Outcome validate(MultiValueMap<String, String> form) {
        SortedMap<String, String> fields = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(VadsSignature.FIELD_PREFIX) && !"signature".equals(name)) {
                continue;
            }
            if (entry.getValue().size() > 1) {
                return refused(null, name, "Le champ " + name + " est envoyé plusieurs fois.");
            }
            if (name.startsWith(VadsSignature.FIELD_PREFIX)) {
                fields.put(name, entry.getValue().isEmpty() ? "" : entry.getValue().get(0));
            }
        }
        String signature = form.getFirst("signature");

        String siteId = fields.get("vads_site_id");
        if (blank(siteId)) {
            return refused("02", "vads_site_id", "L'identifiant de la boutique (vads_site_id) est absent.");
        }
        if (!siteId.equals(properties.siteId())) {
            return refused("02", "vads_site_id", "La boutique " + siteId + " est inconnue de la plateforme de paiement.");
        }
        String ctxMode = fields.get("vads_ctx_mode");
        if (!"TEST".equals(ctxMode) && !"PRODUCTION".equals(ctxMode)) {
            return refused("11", "vads_ctx_mode",
                    "Le mode (vads_ctx_mode) doit valoir TEST ou PRODUCTION, en majuscules.");
        }
        if (blank(signature)) {
            return refused("00", "signature", "La signature du formulaire est absente.");
        }
        if (!VadsSignature.matches(fields, properties.keyFor(ctxMode), properties.algorithm(), signature)) {
            return refused("00", "signature", "La signature du formulaire est incorrecte : elle ne correspond pas "
                    + "aux champs reçus signés avec la clé du mode " + ctxMode + ".");
        }
        if (!"V2".equals(fields.get("vads_version"))) {
            return refused("01", "vads_version", "La version du protocole (vads_version) doit valoir V2.");
        }
        String transId = fields.get("vads_trans_id");
        if (blank(transId) || !TRANS_ID.matcher(transId).matches()) {
            return refused("03", "vads_trans_id",
                    "L'identifiant de transaction (vads_trans_id) doit comporter 6 chiffres ou lettres.");
        }
        LocalDateTime transDate;
        try {
            transDate = LocalDateTime.parse(nullToEmpty(fields.get("vads_trans_date")), TRANS_DATE);
        } catch (DateTimeParseException e) {
            return refused("04", "vads_trans_date",
                    "La date de la transaction (vads_trans_date) doit être au format AAAAMMJJHHMMSS, en heure UTC.");
        }
        if (!"SINGLE".equals(fields.get("vads_payment_config"))) {
            return refused("07", "vads_payment_config",
                    "Le type de paiement (vads_payment_config) doit valoir SINGLE : le simulateur ne connaît que le paiement comptant.");
        }
        String amountText = fields.get("vads_amount");
        if (blank(amountText) || !AMOUNT.matcher(amountText).matches()) {
            return refused("09", "vads_amount",
                    "Le montant (vads_amount) doit être un nombre entier de centimes, sans virgule ni point.");
        }
        long amount = Long.parseLong(amountText);
        if (amount <= 0) {
            return refused("09", "vads_amount", "Le montant (vads_amount) doit être supérieur à zéro.");
        }
        String currency = fields.get("vads_currency");
        if (!"978".equals(currency)) {
            return refused("10", "vads_currency",
                    "La devise (vads_currency) doit valoir 978 (euro), la seule devise de la boutique.");
        }
        if (!"PAYMENT".equals(fields.get("vads_page_action"))) {
            return refused("46", "vads_page_action", "L'action demandée (vads_page_action) doit valoir PAYMENT.");
        }
        if (!"INTERACTIVE".equals(fields.get("vads_action_mode"))) {
            return refused("47", "vads_action_mode", "Le mode d'acquisition (vads_action_mode) doit valoir INTERACTIVE.");
        }
        String returnMode = fields.getOrDefault("vads_return_mode", "");
        if (!List.of("", "GET", "POST", "NONE").contains(returnMode)) {
            return refused(null, "vads_return_mode", "Le mode de retour (vads_return_mode) doit valoir GET, POST ou NONE.");
        }
        String orderId = fields.get("vads_order_id");
        if (orderId != null && orderId.length() > 64) {
            return refused(null, "vads_order_id", "La référence de commande (vads_order_id) dépasse 64 caractères.");
        }
        String email = fields.get("vads_cust_email");
        if (!blank(email) && (email.length() > 150 || !EMAIL.matcher(email).matches())) {
            return refused(null, "vads_cust_email", "L'adresse e-mail de l'acheteur (vads_cust_email) n'est pas valide.");
        }
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String name : RETURN_URL_FIELDS) {
            String value = fields.get(name);
            if (!blank(value)) {
                URI url = httpUrl(value);
                if (url == null) {
                    return refused(null, name, "L'adresse " + name + " doit être une URL absolue en http ou https.");
                }
                urls.put(name, url);
            }
        }
        URI urlCheck = null;
        if (!blank(fields.get("vads_url_check"))) {
            urlCheck = httpUrl(fields.get("vads_url_check"));
            if (urlCheck == null) {
                return refused(null, "vads_url_check",
                        "L'adresse de notification (vads_url_check) doit être une URL absolue en http ou https.");
            }
        }
        return new Accepted(new PaymentRequest(fields, siteId, ctxMode, transId, transDate, amount, currency,
                blankToNull(orderId), blankToNull(fields.get("vads_shop_name")),
                returnMode.isEmpty() ? "GET" : returnMode, urls, urlCheck));
    }

    private static Refused refused(String code, String field, String message) {
        return new Refused(new FormError(code, field, message));
    }

    private static URI httpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return uri;
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
