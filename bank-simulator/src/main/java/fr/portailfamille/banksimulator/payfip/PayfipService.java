package fr.portailfamille.banksimulator.payfip;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * PayFiP's side of a payment: {@code creerPaiementSecurise} checks the request and gives an {@code idOp};
 * the payer pays or gives up on the page opened with that {@code idOp}; PayFiP then calls
 * {@code urlnotif} with only the {@code idOp} (no signature: the shop must ask
 * {@code recupererDetailPaiementSecurise}), and sends the payer to {@code urlredirect}. Kept in memory.
 */
@Service
public class PayfipService {

    private static final Logger log = LoggerFactory.getLogger(PayfipService.class);
    private static final Pattern REFDET = Pattern.compile("[A-Za-z0-9]{1,30}");
    private static final Pattern MONTANT = Pattern.compile("[0-9]{1,11}");
    private static final Pattern MEL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final long MAX_CENTS = 10_000_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, PayfipOperation> operations = new ConcurrentHashMap<>();
    private final PayfipProperties properties;
    private final HttpClient http;
    private final Clock clock;

    public PayfipService(PayfipProperties properties, HttpClient http, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.clock = clock;
    }

    /** {@code creerPaiementSecurise}: the new {@code idOp}, or a {@link PayfipFault}. */
    public PayfipOperation create(Map<String, String> request) {
        String numcli = request.getOrDefault("numcli", "");
        if (!numcli.matches("[0-9]{6}")) {
            throw new PayfipFault("T1", "Le numéro de client doit comporter 6 chiffres.");
        }
        if (!numcli.equals(properties.numcli())) {
            throw new PayfipFault("T2", "Le N° du client doit être pré-existant dans la base PayFiP.");
        }
        String saisie = request.getOrDefault("saisie", "");
        if (!saisie.matches("[TXW]")) {
            throw new PayfipFault("S1", "Le mode de saisie doit valoir T (test), X (activation) ou W (production).");
        }
        String refdet = request.getOrDefault("refdet", "");
        if (!REFDET.matcher(refdet).matches()) {
            throw new PayfipFault("R3", "Le format du paramètre REFDET n'est pas conforme : 1 à 30 lettres ou chiffres.");
        }
        String montant = request.getOrDefault("montant", "");
        if (!MONTANT.matcher(montant).matches()) {
            throw new PayfipFault("M1", "Le format du montant n'est pas correct : un nombre entier de centimes.");
        }
        long cents = Long.parseLong(montant);
        if (cents < 100) {
            throw new PayfipFault("M3", "Le montant doit être d'au moins 1 euro.");
        }
        if (cents > MAX_CENTS) {
            throw new PayfipFault("M5", "Le montant dépasse la limite autorisée (100 000 euros).");
        }
        String mel = request.getOrDefault("mel", "");
        if (mel.isBlank()) {
            throw new PayfipFault("A1", "L'adresse électronique n'est pas renseignée.");
        }
        if (mel.length() < 6 || mel.length() > 80 || !MEL.matcher(mel).matches()) {
            throw new PayfipFault("A2", "L'adresse électronique est incorrecte.");
        }
        URI urlnotif = httpUrl(request.get("urlnotif"));
        if (urlnotif == null) {
            throw new PayfipFault("N1", "L'URL de notification n'est pas valide.");
        }
        URI urlredirect = httpUrl(request.get("urlredirect"));
        if (urlredirect == null) {
            throw new PayfipFault("D1", "L'URL de redirection n'est pas valide.");
        }
        PayfipOperation operation = new PayfipOperation(UUID.randomUUID().toString(), numcli,
                request.getOrDefault("exer", ""), refdet, request.getOrDefault("objet", ""), cents, mel, saisie,
                urlnotif, urlredirect, clock.instant());
        operations.put(operation.idOp(), operation);
        log.info("PayFiP idOp {} created for refdet {} ({} cents, saisie {})", operation.idOp(), refdet, cents, saisie);
        return operation;
    }

    public Optional<PayfipOperation> find(String idOp) {
        return Optional.ofNullable(idOp == null ? null : operations.get(idOp));
    }

    /** Whether the page may still be used to pay: no result yet and within the {@code idOp}'s lifetime. */
    public boolean payable(PayfipOperation operation) {
        return operation.result().isEmpty()
                && clock.instant().isBefore(operation.createdAt().plus(properties.idopLifetime()));
    }

    /** {@code recupererDetailPaiementSecurise}: the operation with its result, or fault P1 / P5. */
    public PayfipOperation detail(String idOp) {
        PayfipOperation operation = find(idOp)
                .orElseThrow(() -> new PayfipFault("P1", "IdOp incorrect."));
        if (operation.result().isEmpty()) {
            throw new PayfipFault("P5", "Résultat de la transaction non connu.");
        }
        return operation;
    }

    /** Records the payer's result once, then notifies {@code urlnotif}; false when already decided. */
    public boolean decide(PayfipOperation operation, PayfipOperation.Result result) {
        String numauto = result == PayfipOperation.Result.P ? String.format("%06d", RANDOM.nextInt(1_000_000)) : null;
        if (!operation.decide(result, clock.instant(), numauto)) {
            return false;
        }
        log.info("PayFiP idOp {} ends with resultrans {}", operation.idOp(), result);
        notifyShop(operation);
        return true;
    }

    private void notifyShop(PayfipOperation operation) {
        String body = "idOp=" + URLEncoder.encode(operation.idOp(), StandardCharsets.UTF_8);
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(operation.urlnotif())
                    .timeout(properties.notificationTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding());
            log.info("PayFiP notification of idOp {} to {} answered HTTP {}", operation.idOp(), operation.urlnotif(),
                    response.statusCode());
        } catch (IOException e) {
            log.warn("PayFiP notification of idOp {} to {} got no answer ({}): the shop must ask "
                    + "recupererDetailPaiementSecurise", operation.idOp(), operation.urlnotif(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static URI httpUrl(String value) {
        if (value == null || value.isBlank() || value.length() > 250) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
