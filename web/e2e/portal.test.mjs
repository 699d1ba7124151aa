// Browser journeys through the gateway, in Debian's Chromium driven by playwright-core.
// Run by e2e's PortalJourneyTest once the whole system is up (PORTAL_URL); alone:
//   PORTAL_URL=http://localhost:8080 npm run test:browser
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

const PORTAL = process.env.PORTAL_URL ?? "http://localhost:8080";
const FAMILY = { username: "claire.durand", password: "Famille-Durand-6000" };
const AGENT = { username: "agent.jeunesse", password: "Agent-Jeunesse-2026" };
const AGENT_ENFANCE = { username: "agent.enfance", password: "Agent-Enfance-2026" };

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
});

async function newPage() {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.consoleLog = [];
  page.on("console", (message) => page.consoleLog.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => page.consoleLog.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) page.consoleLog.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => page.consoleLog.push(`failed ${request.url()}: ${request.failure()?.errorText}`));
  page.on("requestfinished", async (request) => {
    const timing = request.timing();
    if (timing.responseEnd > 5000) page.consoleLog.push(`slow ${Math.round(timing.responseEnd)} ms ${request.url()}`);
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) page.consoleLog.push(`navigated ${frame.url()}`);
  });
  // A 2-core CI machine runs the whole system beside the browser: be patient, not flaky.
  page.setDefaultTimeout(60_000);
  page.setDefaultNavigationTimeout(60_000);
  return page;
}

/**
 * Runs a journey; on failure, says where the browser was, what it logged and which requests failed
 * or were slow, keeps a screenshot in e2e/target, and tries the journey once more in a fresh browser
 * context. A journey passes only if one whole run passes; the first failure stays in the output
 * (« RETRIED ») so that an intermittent fault is seen, not hidden. Why a retry: twice in about ten
 * runs on the 2-core CI machine the page after Keycloak's redirect stayed blank; the cause is not
 * found yet and the diagnostics below are there to find it.
 */
function journey(name, body) {
  test(name, async () => {
    for (let attempt = 1; ; attempt++) {
      const page = await newPage();
      try {
        await body(page);
        return;
      } catch (error) {
        const file = `../e2e/target/browser-failure-${attempt}-${name.replace(/[^a-z]+/gi, "-").slice(0, 50)}.png`;
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        const where = `page: ${page.url()}, screenshot: ${file}, browser said:\n  ${page.consoleLog.join("\n  ")}`;
        if (attempt >= 2) {
          throw new Error(`${error.message}\n${where}`, { cause: error });
        }
        console.log(`RETRIED « ${name} » after: ${error.message}\n${where}`);
      } finally {
        await page.context().close();
      }
    }
  });
}

async function submitKeycloakLogin(page, { username, password }) {
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.locator("#kc-login").click();
  await page.waitForURL(PORTAL + "/", { waitUntil: "commit" });
}

/** No serious or critical accessibility violation (axe-core, WCAG 2.1 A/AA rules). */
async function assertAccessible(page, label) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(blocking.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [],
    `accessibility of ${label}`);
}

async function login(page, account) {
  await page.goto(PORTAL + "/");
  await page.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
  await submitKeycloakLogin(page, account);
}

const headerButton = (page, name) => page.locator("header").getByRole("button", { name }).filter({ visible: true }).first();

journey("a visitor sees « Se connecter » and « S'inscrire » on an accessible home page", async (page) => {
  await page.goto(PORTAL + "/");

  await page.getByRole("heading", { level: 1, name: "Portail Famille" }).waitFor();
  assert.equal(await page.title(), "Accueil — Portail Famille");
  assert.ok(await page.getByRole("main").getByRole("link", { name: "S'inscrire" }).isVisible());
  assert.match(await page.locator("header").innerText(), /Roussillon Conflent/);
  await assertAccessible(page, "l'accueil");
});

journey("the demo family logs in on Keycloak, sees DURAND, the three sections and Marie, then logs out of Keycloak too", async (page) => {
  await page.goto(PORTAL + "/");
  await page.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
  await page.locator("#username").waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "fr");
  await submitKeycloakLogin(page, FAMILY);

  await page.getByRole("heading", { level: 1, name: /DURAND/ }).waitFor();
  await assertAccessible(page, "l'accueil connecté");
  const navigation = page.locator("#fr-header-main-navigation");
  for (const [section, title] of [["Mon dossier", "Mon dossier"], ["Facturation", "Facturation"], ["Messagerie", "Messagerie"]]) {
    await navigation.getByRole("link", { name: section }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    assert.equal(await page.title(), `${title} — Portail Famille`);
    await assertAccessible(page, section);
  }
  assert.equal(await navigation.getByRole("link", { name: "Espace agent" }).count(), 0);
  await navigation.getByRole("link", { name: "Mon dossier" }).click();
  await page.getByRole("heading", { level: 3, name: "Marie DURAND" }).waitFor();
  assert.ok(await page.getByText("Repas Enfants").first().isVisible());

  // « Mes démarches »: file a request with an attachment, see it « Envoyée », cancel it, see it « Annulée ».
  const what = `Attestation de paiement pour la CAF (${Date.now()})`;
  await page.getByLabel("Type de démarche").selectOption("CERTIFICATE");
  await page.getByLabel(/Votre demande/).fill(what);
  await page.getByLabel(/Pièce jointe/).setInputFiles({ name: "justificatif-caf.pdf", mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n") });
  await page.getByRole("button", { name: "Envoyer la démarche" }).click();
  await page.getByText("Votre démarche a été envoyée.").waitFor();
  const request = page.locator("li").filter({ hasText: what }).first();
  await request.getByText("Envoyée", { exact: true }).waitFor();
  await request.getByRole("link", { name: /Pièce jointe : justificatif-caf\.pdf/ }).waitFor();
  await assertAccessible(page, "Mon dossier avec une démarche");
  await request.getByRole("button", { name: "Annuler la démarche" }).click();
  await request.getByText("Annulée", { exact: true }).waitFor();

  // « Mes documents »: the demo document, downloaded as a file.
  await page.getByRole("navigation", { name: /Dossier/ }).getByRole("link", { name: "Mes documents" }).click();
  await page.getByRole("heading", { level: 1, name: "Mes documents" }).waitFor();
  assert.match(await page.getByText("Vous êtes ici").first().innerText(), /Vous êtes ici/);
  const row = page.locator("tr").filter({ hasText: "Règlement intérieur des accueils de loisirs 2026" });
  const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: /Télécharger/ }).click()]);
  assert.equal(download.suggestedFilename(), "reglement-accueils-de-loisirs-2026.pdf");
  await assertAccessible(page, "Mes documents");

  await headerButton(page, "Se déconnecter").click();
  await page.waitForURL(PORTAL + "/", { waitUntil: "commit" });
  await page.getByRole("main").getByRole("link", { name: "Se connecter" }).waitFor();
  // Logged out of Keycloak as well: « Se connecter » shows Keycloak's form again.
  await page.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
  await page.locator("#username").waitFor();
});

journey("the family changes its phone number in « Mes coordonnées » and sees the accepted « Modification de coordonnées »", async (page) => {
  await login(page, FAMILY);
  await page.locator("#fr-header-main-navigation").getByRole("link", { name: "Mon dossier" }).click();
  await page.getByRole("navigation", { name: /Dossier/ }).getByRole("link", { name: "Mes enfants" }).click();
  await page.getByRole("heading", { level: 1, name: "Mes enfants" }).waitFor();
  await page.getByRole("heading", { name: "Marie DURAND" }).waitFor();
  await page.getByRole("navigation", { name: /Dossier/ }).getByRole("link", { name: "Mes coordonnées" }).click();
  await page.getByRole("heading", { level: 1, name: "Mes coordonnées" }).waitFor();
  await page.getByText("3 rue des Écoles").first().waitFor();
  await assertAccessible(page, "Mes coordonnées");

  // A wrong postcode is refused under its field, then a new mobile number is saved.
  // 06 12 then six digits: always a metropolitan mobile (06 90…, say, is Guadeloupe's and refused as French).
  const mobile = `06 12 ${String(Date.now()).slice(-6).replace(/(\d\d)(?=\d)/g, "$1 ")}`;
  await page.getByRole("button", { name: /Modifier mes coordonnées/ }).first().click();
  await page.getByLabel("Code postal").fill("6650");
  await page.getByLabel("Téléphone portable").fill(mobile);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText(/code postal français de 5 chiffres/).first().waitFor();
  await page.getByLabel("Code postal").fill("66500");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText("Vos coordonnées ont été modifiées.").waitFor();
  await page.getByText(mobile).first().waitFor();

  await page.getByRole("navigation", { name: /Dossier/ }).getByRole("link", { name: "Mon dossier" }).click();
  const change = page.locator("li").filter({ hasText: "Modification de coordonnées" }).first();
  await change.getByText("Acceptée", { exact: true }).waitFor();
});

journey("a family cannot reach the agents' pages", async (page) => {
  await login(page, FAMILY);

  const response = await page.goto(PORTAL + "/agent");

  assert.equal(response.status(), 403);
});

journey("an agent finds the DURAND dossier and accepts a request; the family then sees « Acceptée » with the comment", async (page) => {
  // The family files a request.
  const family = await newPage();
  const what = `Attestation de quotient familial (${Date.now()})`;
  try {
    await login(family, FAMILY);
    await family.locator("#fr-header-main-navigation").getByRole("link", { name: "Mon dossier" }).click();
    await family.getByLabel("Type de démarche").selectOption("CERTIFICATE");
    await family.getByLabel(/Votre demande/).fill(what);
    await family.getByRole("button", { name: "Envoyer la démarche" }).click();
    await family.getByText("Votre démarche a été envoyée.").waitFor();

    // The agent finds the dossier without capitals and accepts it with a comment.
    await login(page, AGENT);
    await page.locator("#fr-header-main-navigation").getByRole("link", { name: "Espace agent" }).click();
    await page.getByRole("heading", { level: 1, name: "Espace agent" }).waitFor();
    await page.getByRole("searchbox").fill("durand");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("link", { name: "6000" }).click();
    await page.getByRole("heading", { level: 1, name: /Dossier 6000/ }).waitFor();
    await assertAccessible(page, "le dossier vu par un agent");
    const request = page.locator("li").filter({ hasText: what }).first();
    await request.getByLabel(/Commentaire pour la famille/).fill("Attestation déposée dans vos documents.");
    await request.getByRole("button", { name: "Accepter" }).click();
    await request.getByText("Acceptée", { exact: true }).waitFor();

    // The family sees it accepted, with the comment in the history.
    await family.reload();
    const seen = family.locator("li").filter({ hasText: what }).first();
    await seen.getByText("Acceptée", { exact: true }).waitFor();
    await seen.getByText("Historique de la démarche").click();
    await seen.getByText(/Attestation déposée dans vos documents/).waitFor();
  } finally {
    await family.context().close();
  }
});

const MAIL_PAGE = process.env.MAIL_PAGE_URL;
const DEMO_ACCESS_KEY = process.env.DEMO_ACCESS_KEY;

/** Opens, in the mail catcher's page, the newest mail to {@code address} whose subject has {@code subject}. */
async function openMail(page, address, subject) {
  for (let tries = 0; tries < 30; tries++) {
    await page.goto(MAIL_PAGE + "/");
    const row = page.locator("tr").filter({ hasText: address }).filter({ hasText: subject });
    if (await row.count() > 0) {
      await row.first().getByRole("link").click();
      return;
    }
    await page.waitForTimeout(2000);
  }
  assert.fail(`no mail « ${subject} » for ${address}`);
}

journey("a family registers on dossier 6000 as the old portal's guide says, activates from the e-mail, logs in, then resets its password", async (page) => {
  assert.ok(MAIL_PAGE && DEMO_ACCESS_KEY, "MAIL_PAGE_URL and DEMO_ACCESS_KEY are given by e2e");
  const username = `julien.durand.${Date.now()}`;
  const email = `${username}@example.test`;
  const password = "Vacances-Prades-2026";

  await page.goto(PORTAL + "/");
  await page.getByRole("main").getByRole("link", { name: "S'inscrire" }).click();
  await page.getByRole("heading", { level: 1, name: "Inscription au Portail Famille" }).waitFor();

  // 1. Informations personnelles
  await page.getByLabel("Civilité").selectOption("MONSIEUR");
  await page.getByLabel("Nom", { exact: true }).fill("DURAND");
  await page.getByLabel("Prénom", { exact: true }).fill("Julien");
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByLabel(/^Identifiant/).fill(username);
  await page.getByLabel(/^Mot de passe/).fill("court");
  await page.getByLabel(/^Confirmation du mot de passe/).fill("court");
  await page.getByRole("button", { name: "Enregistrez", exact: true }).click();
  await page.getByText("doit comporter au moins 12 caractères").first().waitFor();
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByLabel(/^Confirmation du mot de passe/).fill(password);
  await page.getByRole("button", { name: "Enregistrez", exact: true }).click();

  // 2. Références dossier, as printed on the invoice
  await page.getByText("VOUS TROUVEREZ VOTRE NUMÉRO DE DOSSIER SUR VOTRE FACTURE").waitFor();
  await assertAccessible(page, "l'inscription, références dossier");
  await page.getByLabel(/^Numéro de dossier/).fill("6000");
  await page.getByLabel(/^Clé d'accès/).fill(DEMO_ACCESS_KEY);
  await page.getByLabel(/^Nom de famille/).fill("Durand");
  await page.getByRole("button", { name: "Enregistrez pour passer à l'étape suivante" }).click();

  // 3. Conditions générales d'utilisation
  await page.getByText("Votre compte est personnel", { exact: false }).waitFor();
  await page.getByText("J'ai lu", { exact: true }).click();
  await page.getByRole("button", { name: "Accepter" }).click();

  // 4. Vérifiez vos informations, then « valider »
  await page.getByText("Vérifiez vos informations").first().waitFor();
  await page.getByText(username).first().waitFor();
  await page.getByRole("button", { name: "valider" }).click();
  await page.getByText("Pensez à regarder dans votre dossier spam", { exact: false }).waitFor();

  // 5. The activation e-mail, opened in the mail catcher like in a mailbox.
  await openMail(page, email, "activez votre compte");
  await page.frameLocator("iframe[title='Contenu du mail']").getByRole("link", { name: "Activez votre compte" }).click();
  await page.waitForURL(new RegExp(`^${PORTAL}/activation/`));
  const activationUrl = page.url();
  await page.getByText("BRAVO ! VOTRE COMPTE EST MAINTENANT ACTIF, BIENVENUE SUR LE PORTAIL FAMILLE DE ROUSSILLON CONFLENT !").waitFor();
  await assertAccessible(page, "l'activation");

  // 6. « Se connecter » with the new account: the home page greets Julien.
  await page.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
  await submitKeycloakLogin(page, { username, password });
  await page.getByRole("heading", { level: 1, name: /Julien DURAND/ }).waitFor();

  // The same link a second time is refused.
  await page.goto(activationUrl);
  await page.getByText("Ce lien est expiré ou a déjà été utilisé.").waitFor();

  // « Mot de passe oublié ? »: the reset mail's link, a new password, a login with it.
  await headerButton(page, "Se déconnecter").click();
  await page.waitForURL(PORTAL + "/", { waitUntil: "commit" });
  await page.getByRole("main").getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await page.getByText("Si un compte correspond à cette adresse, un mail vient de lui être envoyé.", { exact: false }).waitFor();
  await openMail(page, email, "choisissez un nouveau mot de passe");
  await page.frameLocator("iframe[title='Contenu du mail']").getByRole("link", { name: "Choisir un nouveau mot de passe" }).click();
  await page.getByRole("heading", { level: 1, name: "Nouveau mot de passe" }).waitFor();
  const newPassword = "Randonnee-Canigou-2027";
  await page.getByLabel(/^Nouveau mot de passe/).fill(newPassword);
  await page.getByLabel(/^Confirmation du mot de passe/).fill(newPassword);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await page.getByText("Votre mot de passe a été modifié.", { exact: false }).waitFor();
  await assertAccessible(page, "le nouveau mot de passe");
  await page.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
  await submitKeycloakLogin(page, { username, password: newPassword });
  await page.getByRole("heading", { level: 1, name: /Julien DURAND/ }).waitFor();
});

// ---------------------------------------------------------------------------------------------------------------
// Facturation: the seed's invoice of dossier 6000 (DEMO_INVOICE, 44,00 € + 7,50 € = 51,50 €), paid on the bank
// simulator's page. The journeys below run in this order: the refused card leaves the invoice payable, then the
// accepting card pays it.

const DEMO_INVOICE = process.env.DEMO_INVOICE ?? "2026-000123";
const AGENT_BILLING_CSV_HEADER =
  "numero_facture;dossier;periode;date_emission;date_echeance;beneficiaire;prestation;tarif;quantite;montant;total_facture";

journey("an agent imports the billing software's CSV: a bad file is refused row by row, a good one is imported", async (page) => {
  await login(page, AGENT);
  await page.goto(PORTAL + "/agent/facturation/import");
  const form = page.getByRole("form", { name: "Importer des factures" });
  await form.waitFor();
  await assertAccessible(page, "l'import des factures");

  // Two bad rows: a line amount that is not tarif × quantité, and an unknown dossier.
  const number = `2026-9${String(Date.now()).slice(-5)}`;
  const bad = [AGENT_BILLING_CSV_HEADER,
    `${number};6000;Octobre 2026;05/11/2026;30/11/2026;DURAND Marie;Repas Enfants;4,40;10;45,00;45,00`,
    `${number}-B;9999;Octobre 2026;05/11/2026;30/11/2026;DUPONT Léo;Atelier 3D;0,75;10;7,50;7,50`].join("\n");
  await form.locator("input[type=file]").setInputFiles({ name: "factures-octobre.csv", mimeType: "text/csv",
    buffer: Buffer.from(bad, "utf8") });
  await form.getByRole("button", { name: "Importer" }).click();
  const report = page.getByRole("table").filter({ hasText: "Problème" });
  await report.waitFor();
  const text = await report.innerText();
  assert.match(text, /Montant/, "the amount's column is named");
  assert.match(text, /9999/, "the unknown dossier is named");
  await page.getByText(/Le lot est refusé : 2 ligne\(s\) en erreur/).first().waitFor();
  await assertAccessible(page, "le rapport d'import refusé");

  // The same file corrected (one invoice of dossier 6000): imported.
  const good = [AGENT_BILLING_CSV_HEADER,
    `${number};6000;Octobre 2026;05/11/2026;30/11/2026;DURAND Marie;Repas Enfants;4,40;10;44,00;44,00`].join("\n");
  await form.locator("input[type=file]").setInputFiles({ name: "factures-octobre.csv", mimeType: "text/csv",
    buffer: Buffer.from("\uFEFF" + good, "utf8") });
  await form.getByRole("button", { name: "Importer" }).click();
  await page.getByText(/1 facture/).first().waitFor();
});

/** Facturation → the demo invoice ticked → « Étape suivante » → « Payer »: the bank simulator's page. */
async function payTheDemoInvoiceAtTheBank(page) {
  await login(page, FAMILY);
  await page.locator("#fr-header-main-navigation").getByRole("link", { name: "Facturation" }).click();
  await page.getByRole("heading", { name: "Payez votre ou vos facture(s) en ligne" }).waitFor();
  await assertAccessible(page, "Facturation");
  // DSFR draws the box on the label, over the input: a person clicks the label, so does the test.
  await page.getByRole("checkbox", { name: new RegExp(`^Choisir la facture ${DEMO_INVOICE}`) }).check({ force: true });
  await page.getByText(/51,50\s€/).first().waitFor();
  await page.getByRole("button", { name: "Étape suivante" }).click();
  await page.getByRole("button", { name: "Payer" }).click();
  // The bank's secure page (the simulator), with the amount and the test environment said.
  await page.getByText("Environnement de test — aucun paiement réel").first().waitFor();
  await page.getByText(/51,50\s€/).first().waitFor();
}

async function payWithCard(page, cardNumber) {
  await page.getByLabel("Numéro de carte").fill(cardNumber);
  await page.getByLabel("Date d'expiration").fill("12/30");
  await page.getByLabel("Cryptogramme visuel").fill("123");
  await page.getByRole("button", { name: /^Payer 51,50/ }).click();
  // Back on the portal's page of the payment.
  await page.waitForURL(new RegExp(`^${PORTAL}/facturation/paiements/`));
}

journey("the family pays the demo invoice with the refused test card: « Paiement refusé », and the invoice is payable again", async (page) => {
  await payTheDemoInvoiceAtTheBank(page);
  await payWithCard(page, "4970100000000097");

  await page.getByText("Paiement refusé").first().waitFor();
  await assertAccessible(page, "le paiement refusé");
  await page.getByRole("link", { name: "Payer à nouveau" }).click();
  await page.getByRole("checkbox", { name: new RegExp(`^Choisir la facture ${DEMO_INVOICE}`) }).waitFor();
});

journey("the family pays the demo invoice with the accepted test card: « Paiement accepté », the receipt mail, the PDF under its previous invoices", async (page) => {
  await payTheDemoInvoiceAtTheBank(page);
  await payWithCard(page, "4970100000000000");

  await page.getByText("Paiement accepté").first().waitFor();
  await page.getByText(/Payé le \d\d\/\d\d\/\d{4}/).first().waitFor();
  await assertAccessible(page, "le paiement accepté");
  await page.getByRole("link", { name: "Voir mes précédentes factures" }).click();
  const row = page.locator("tr").filter({ hasText: DEMO_INVOICE });
  await row.getByText(/Payée le \d\d\/\d\d\/\d{4}/).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"),
    row.getByRole("link", { name: /Télécharger la facture \(PDF\)/ }).click()]);
  assert.match(download.suggestedFilename(), /\.pdf$/);

  if (MAIL_PAGE) {
    await openMail(page, "claire.durand@example.fr", "Paiement reçu");
    const mail = page.frameLocator("iframe[title='Contenu du mail']");
    await mail.getByText(/51,50\s€/).first().waitFor();
    await mail.getByText(DEMO_INVOICE).first().waitFor();
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Messagerie: the family writes to the Service Jeunesse with a PDF, the Jeunesse agent takes the conversation and
// answers with a « réponse type », the family is told by mail (without the answer) and reads it, an agent of the
// Service Enfance never sees it. The four journeys below run in this order and share the conversation.

const FAMILY_EMAIL = "claire.durand@example.fr";
/** A real PDF (the demo document): the service reads the type from the content, not from the name. */
const PDF = readFileSync(new URL("../../platform/test-support/src/main/resources/demo/reglement-accueils-de-loisirs-2026.pdf",
  import.meta.url));
const TEMPLATE = {
  title: "Inscription à l'accueil de loisirs enregistrée",
  body: "Bonjour,\nNous avons bien reçu votre demande : la place de Marie à l'accueil de loisirs des mercredis est réservée "
    + "à partir du 7 janvier.\nCordialement,\nLe Service Jeunesse",
};
/** What the answer says that no mail may say. */
const ANSWER_SECRET = "la place de Marie à l'accueil de loisirs des mercredis est réservée";
/** The conversation the family started, for the journeys after the first. */
const conversation = { id: null, subject: null, taken: false, answered: false, opened: false };

/** Waits until {@code read()} gives {@code expected} (a field's value follows React's state a tick later). */
async function until(page, read, expected, what) {
  const end = Date.now() + 30_000;
  let last;
  while (Date.now() < end) {
    last = await read();
    if (last === expected) return;
    await page.waitForTimeout(200);
  }
  assert.equal(last, expected, what);
}

/** A state-changing call to the gateway from the page's session, with the CSRF cookie echoed as the web app does. */
async function apiCall(page, method, path, data) {
  const csrf = (await page.context().cookies(PORTAL)).find((cookie) => cookie.name === "XSRF-TOKEN");
  assert.ok(csrf, "the gateway gave the browser its XSRF-TOKEN cookie");
  return page.request.fetch(PORTAL + path, { method, data,
    headers: { Accept: "application/json", "X-XSRF-TOKEN": decodeURIComponent(csrf.value) } });
}

/** The Service Jeunesse's « réponse type » of this journey, written through the agents' API unless it is there already. */
async function ensureJeunesseTemplate(page) {
  const path = "/api/messaging/agent/services/jeunesse/templates";
  const listed = await page.request.get(PORTAL + path, { headers: { Accept: "application/json" } });
  assert.equal(listed.status(), 200, `templates of jeunesse: ${await listed.text()}`);
  if ((await listed.json()).some((template) => template.title === TEMPLATE.title)) return;
  const created = await apiCall(page, "POST", path, TEMPLATE);
  assert.equal(created.status(), 201, `template written: ${await created.text()}`);
}

journey("the family writes to the Service Jeunesse about « Inscriptions » with a PDF: « Votre message a été envoyé »", async (page) => {
  const subject = `Inscription de Marie à l'accueil de loisirs (${Date.now()})`;
  await login(page, FAMILY);
  await page.locator("#fr-header-main-navigation").getByRole("link", { name: "Messagerie" }).click();
  await page.getByRole("heading", { level: 1, name: "Messagerie" }).waitFor();
  await page.getByRole("main").getByRole("link", { name: "Envoyer un message" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Envoyer un message" }).waitFor();
  const form = page.getByRole("form", { name: "Envoyer un message" });
  await form.waitFor();
  await assertAccessible(page, "Envoyer un message");

  await form.getByLabel(/^Service à contacter/).selectOption({ label: "Service Jeunesse" });
  await form.getByLabel(/^Thème de votre demande/).selectOption({ label: "Inscriptions" });
  await form.getByLabel(/^Objet/).fill(subject);
  await form.getByLabel(/^Message/).fill("Bonjour,\nJe souhaite inscrire Marie (CM1) à l'accueil de loisirs des mercredis "
    + "à partir de janvier. Vous trouverez sa fiche d'inscription jointe.\nClaire DURAND");
  await form.locator("input[type=file]").setInputFiles({ name: "fiche-inscription-marie.pdf", mimeType: "application/pdf",
    buffer: PDF });
  await form.getByText("fiche-inscription-marie.pdf").waitFor();
  await form.getByRole("button", { name: "Envoyer", exact: true }).click();

  await page.waitForURL(new RegExp(`^${PORTAL}/messagerie/conversations/\\d+$`));
  await page.getByText("Votre message a été envoyé", { exact: true }).waitFor();
  await page.getByRole("heading", { level: 1, name: subject }).waitFor();
  await page.getByRole("link", { name: /Télécharger fiche-inscription-marie\.pdf/ }).waitFor();
  await page.getByText(/Service Jeunesse — Inscriptions/).first().waitFor();
  await assertAccessible(page, "le message envoyé");
  conversation.id = page.url().match(/\/conversations\/(\d+)$/)[1];
  conversation.subject = subject;
  conversation.taken = conversation.answered = conversation.opened = false;

  // « Messages envoyés » lists it.
  await page.getByRole("navigation", { name: "Messagerie", exact: true }).getByRole("link", { name: "Messages envoyés" }).click();
  await page.getByRole("heading", { level: 1, name: "Messages envoyés" }).waitFor();
  await page.getByRole("link", { name: subject, exact: true }).waitFor();
});

journey("the Jeunesse agent finds it unread in « Non attribués », takes it and answers with a « réponse type »", async (page) => {
  assert.ok(conversation.id, "the family's message was sent (the journey before)");
  await login(page, AGENT);
  await ensureJeunesseTemplate(page);
  await page.locator("#fr-header-main-navigation").getByRole("link", { name: "Gestion de la messagerie", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Messagerie" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Non attribués" }).waitFor();
  const link = page.getByRole("link", { name: conversation.subject, exact: true });
  if (!conversation.taken) {
    // The service's counts: at least this conversation unread and not taken.
    await page.getByRole("button", { name: /^Service Jeunesse — [1-9]\d* non lus?, [1-9]\d* non attribués?$/ }).waitFor();
    const row = page.locator("tr").filter({ has: link });
    await row.waitFor();
    await row.getByText("Non lu", { exact: true }).waitFor();
    await row.getByText("Personne", { exact: true }).waitFor();
    assert.match(await row.innerText(), /6000/);
    await assertAccessible(page, "la messagerie des agents");
    await link.click();
  } else {
    // A second try: the first one took it already.
    await page.goto(`${PORTAL}/agent/messagerie/conversations/${conversation.id}`);
  }
  await page.getByRole("heading", { level: 1, name: conversation.subject }).waitFor();
  await page.getByText("Service Jeunesse — Inscriptions").first().waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"),
    page.getByRole("link", { name: /Télécharger fiche-inscription-marie\.pdf/ }).click()]);
  assert.equal(download.suggestedFilename(), "fiche-inscription-marie.pdf");

  if (!conversation.taken) {
    await page.getByRole("button", { name: "Prendre en charge" }).click();
    await page.getByText("Vous avez pris en charge cette conversation.").waitFor();
    conversation.taken = true;
  }
  await page.getByRole("button", { name: "Prendre en charge" }).waitFor({ state: "detached" });
  await page.getByText("En cours", { exact: true }).or(page.getByText("Répondu", { exact: true })).first().waitFor();
  await assertAccessible(page, "la conversation vue par un agent");

  const reply = page.getByRole("form", { name: "Répondre" });
  await reply.getByLabel(/^Réponses types/).selectOption({ label: TEMPLATE.title });
  const message = reply.getByLabel(/^Message/);
  await until(page, () => message.inputValue(), TEMPLATE.body, "the template fills the message");
  await reply.getByRole("button", { name: "Envoyer", exact: true }).click();
  await reply.getByText("Votre réponse a été envoyée.").waitFor();
  conversation.answered = true;
  await page.getByText("Répondu", { exact: true }).first().waitFor();
  await page.getByRole("article").filter({ hasText: ANSWER_SECRET }).waitFor();
});

journey("the family is mailed « Vous avez reçu une réponse du Service Jeunesse » without the answer, sees the unread count, reads the answer", async (page) => {
  assert.ok(conversation.answered, "the agent answered (the journey before)");
  assert.ok(MAIL_PAGE, "MAIL_PAGE_URL is given by e2e");

  // The mail: its subject names the service, its link leads to the conversation, the answer is not in it.
  const link = `${PORTAL}/messagerie/conversations/${conversation.id}`;
  const mailLink = async () => {
    for (let tries = 0; tries < 45; tries++) {
      await page.goto(MAIL_PAGE + "/");
      const rows = page.locator("tr").filter({ hasText: FAMILY_EMAIL })
        .filter({ hasText: "Vous avez reçu une réponse du Service Jeunesse" });
      if (await rows.count() > 0) {
        await rows.first().getByRole("link").click();
        const found = page.frameLocator("iframe[title='Contenu du mail']").getByRole("link", { name: "Lire la réponse" });
        if (await found.getAttribute("href") === link) return found;
      }
      await page.waitForTimeout(2000);
    }
    assert.fail(`no mail « Vous avez reçu une réponse du Service Jeunesse » to ${FAMILY_EMAIL} leading to ${link}`);
  };
  await mailLink();
  const html = await page.frameLocator("iframe[title='Contenu du mail']").locator("body").innerText();
  const text = (await page.locator("details pre").textContent()) ?? "";
  assert.match(html, /Vous avez reçu une réponse du Service Jeunesse/);
  for (const content of [html, text, await page.title()]) {
    assert.ok(!content.includes(ANSWER_SECRET), `the mail does not carry the answer:\n${content}`);
  }

  // The portal: the unread count beside « Messagerie », the answer in « Messages reçus ».
  await login(page, FAMILY);
  if (conversation.opened) {
    // A second try: the first one read it already; « Marquer comme non lu » as the family would.
    assert.equal((await apiCall(page, "POST", `/api/messaging/conversations/${conversation.id}/unread`)).status(), 204);
    await page.reload();
  }
  const navigation = page.locator("#fr-header-main-navigation");
  const counted = navigation.getByRole("link", { name: /^Messagerie [1-9]\d* messages? non lus?$/ });
  await counted.waitFor();
  await counted.click();
  await page.getByRole("heading", { level: 2, name: "Messages reçus" }).waitFor();
  const row = page.locator("tr").filter({ has: page.getByRole("link", { name: conversation.subject, exact: true }) });
  await row.getByText("Non lu", { exact: true }).waitFor();
  assert.match(await row.innerText(), /Service Jeunesse[\s\S]*Inscriptions[\s\S]*Répondu/);
  await assertAccessible(page, "Messages reçus");
  await row.getByRole("link", { name: conversation.subject, exact: true }).click();
  conversation.opened = true;

  await page.getByRole("heading", { level: 1, name: conversation.subject }).waitFor();
  const answer = page.getByRole("article").filter({ hasText: ANSWER_SECRET });
  await answer.getByRole("heading", { name: "Service Jeunesse", exact: true }).waitFor();
  await assertAccessible(page, "la réponse lue");
  // Read: the count is gone from the header, the conversation no longer marked in « Messages reçus ».
  await navigation.getByRole("link", { name: "Messagerie", exact: true }).waitFor();
  await page.getByRole("navigation", { name: "Messagerie", exact: true }).getByRole("link", { name: "Messages reçus" }).click();
  await page.getByRole("heading", { level: 2, name: "Messages reçus" }).waitFor();
  const readRow = page.locator("tr").filter({ has: page.getByRole("link", { name: conversation.subject, exact: true }) });
  await readRow.waitFor();
  // The list may first show what it held before the conversation was opened, then its fresh answer.
  await readRow.getByText("Non lu", { exact: true }).waitFor({ state: "detached" });
});

journey("an agent of the Service Enfance does not see the conversation, and its address shows « introuvable »", async (page) => {
  assert.ok(conversation.id, "the family's message was sent (the journey before)");
  await login(page, AGENT_ENFANCE);
  await page.locator("#fr-header-main-navigation").getByRole("link", { name: "Gestion de la messagerie", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Messagerie" }).waitFor();
  await page.getByRole("button", { name: /^Service Enfance — / }).waitFor();
  assert.equal(await page.getByRole("button", { name: /^Service Jeunesse/ }).count(), 0, "only the agent's own service");
  // Each listing read once its answer is in: « Tous » of the service, then a search of dossier 6000 in it.
  const inbox = (parameter) => page.waitForResponse((response) =>
    response.url().startsWith(`${PORTAL}/api/messaging/agent/conversations?`) && response.url().includes(parameter));
  const all = inbox("box=ALL");
  await page.getByRole("navigation", { name: "Boîtes" }).getByRole("button", { name: "Tous", exact: true }).click();
  assert.equal((await all).status(), 200);
  await page.getByRole("heading", { level: 2, name: "Tous" }).waitFor();
  await page.getByRole("table").or(page.getByText("Aucune conversation.", { exact: true })).first().waitFor();
  assert.equal(await page.getByRole("link", { name: conversation.subject, exact: true }).count(), 0,
    "Jeunesse's conversation is not in Enfance's inbox");
  const searched = inbox("q=6000");
  await page.getByLabel("Numéro de dossier ou nom de la famille").fill("6000");
  await page.getByRole("button", { name: "Rechercher" }).click();
  assert.equal((await searched).status(), 200);
  await page.getByRole("table").or(page.getByText("Aucune conversation.", { exact: true })).first().waitFor();
  assert.equal(await page.getByRole("link", { name: conversation.subject, exact: true }).count(), 0,
    "nor when searching dossier 6000");

  const refused = page.waitForResponse((response) =>
    response.url() === `${PORTAL}/api/messaging/agent/conversations/${conversation.id}`);
  await page.goto(`${PORTAL}/agent/messagerie/conversations/${conversation.id}`);
  assert.equal((await refused).status(), 404);
  await page.getByRole("heading", { level: 1, name: "Conversation introuvable" }).waitFor();
  await page.getByText(/Cette conversation est introuvable/).waitFor();
  assert.ok(!(await page.locator("main").innerText()).includes(conversation.subject), "nothing of it is shown");
  await assertAccessible(page, "la conversation introuvable");
});

// « Je m'informe »: an agent publishes a news item for families with a registration deadline and its PDF form; the
// family's home page shows it among « Dates limites d'inscription » with its French date and the form to download,
// a visitor's home page does not (it is for families).
const news = {};

/** yyyy-mm-dd, `days` after today in Paris; and the same day as the home page writes it (dd/mm/yyyy). */
function parisDay(days) {
  const day = new Date(Date.now() + days * 24 * 3600 * 1000);
  const iso = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(day);
  return { iso, french: iso.split("-").reverse().join("/") };
}

journey("an agent publishes a news item for families with a registration deadline and its PDF form", async (page) => {
  // A title of its own for each attempt: a retried journey does not meet the first attempt's item.
  news.title = `Séjour neige de février : inscriptions (${Date.now()})`;
  news.deadline = parisDay(25);
  await login(page, AGENT);
  await page.locator("#fr-header-main-navigation").getByRole("link", { name: "Actualités", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Actualités" }).waitFor();
  await page.getByRole("link", { name: "Publier une actualité" }).click();
  await page.getByRole("heading", { level: 1, name: "Publier une actualité" }).waitFor();
  await assertAccessible(page, "le formulaire d'actualité");

  await page.getByLabel("Titre").fill(news.title);
  const text = page.getByRole("textbox", { name: "Texte" });
  await text.click();
  await page.keyboard.type("Le séjour neige des 8-11 ans part du 8 au 12 février. Places limitées.");
  await page.getByLabel("Catégorie").selectOption({ label: "Inscriptions" });
  // The DSFR draws the radio under its label: a click on the label, as a person does.
  await page.locator("label", { hasText: "Familles connectées" }).click();
  assert.ok(await page.getByLabel("Familles connectées").isChecked());
  await page.getByLabel("Date limite d'inscription (facultatif)").fill(news.deadline.iso);
  const saved = page.waitForResponse((response) => response.url() === `${PORTAL}/api/messaging/agent/news`
    && response.request().method() === "POST");
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  const created = await saved;
  assert.equal(created.status(), 201, `news written: ${await created.text()}`);
  news.id = (await created.json()).id;
  await page.getByText("Actualité publiée : elle paraît sur la page d'accueil.").waitFor();

  await page.getByLabel("Formulaire PDF").setInputFiles({ name: "fiche-sejour-neige.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Joindre le formulaire" }).click();
  await page.getByRole("link", { name: /Télécharger fiche-sejour-neige\.pdf/ }).first().waitFor();
  await assertAccessible(page, "l'actualité publiée");

  await page.locator("#fr-header-main-navigation").getByRole("link", { name: "Actualités", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: news.title });
  await row.waitFor();
  assert.match(await row.innerText(), /Publiée/i, "the status badge (the DSFR writes it in capitals)");
});

journey("the family's home page shows the news item among the registration deadlines; a visitor's does not", async (page) => {
  assert.ok(news.id, "the agent published the item (the journey before)");
  const publicNews = page.waitForResponse((response) => response.url() === `${PORTAL}/api/messaging/news`);
  await page.goto(PORTAL + "/");
  const answered = await publicNews;
  assert.equal(answered.status(), 200, "the public news need no login");
  assert.ok(!(await answered.json()).some((n) => n.id === news.id), "a families' item is not given to a visitor");
  await page.getByRole("heading", { level: 2, name: "Je m'informe" }).waitFor();
  assert.equal(await page.getByText(news.title).count(), 0, "nor shown on the public home page");

  await page.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
  await submitKeycloakLogin(page, FAMILY);
  await page.getByRole("heading", { level: 1, name: /DURAND/ }).waitFor();
  const deadlines = page.getByRole("region", { name: "Dates limites d'inscription" });
  const item = deadlines.getByRole("article", { name: news.title });
  await item.waitFor();
  assert.match(await item.innerText(), new RegExp(`Date limite d'inscription : ${news.deadline.french}`));
  assert.match(await item.innerText(), /séjour neige des 8-11 ans/);
  const link = item.getByRole("link", { name: /Télécharger fiche-sejour-neige\.pdf/ });
  const form = await page.request.get(PORTAL + await link.getAttribute("href"));
  assert.equal(form.status(), 200);
  assert.equal(form.headers()["content-type"], "application/pdf");
  assert.match(form.headers()["content-disposition"], /^attachment/);
  await assertAccessible(page, "l'accueil avec les actualités");
});

// ---------------------------------------------------------------------------------------------------------------
// Prélèvement automatique (ADR 005): an agent imports an invoice of dossier 6000 due in 20 days; the family joins the
// direct debit (holder, IBAN, address, the mandate's text, the code e-mailed), sees its active mandate with its RUM and
// downloads its PDF, and its invoice says « Prélèvement prévu le … »; the agent exports the SEPA file (pain.008) of the
// invoice's due date and downloads it. One journey: each step needs the one before.

const DEBITED_INVOICE = "2026-DD0001";
const DEBIT_IBAN = "FR7630006000011234567890189";
const DEBIT_MASKED_IBAN = "FR76 **** **** **** **** **** 189";
const MANDATE_CODE_SUBJECT = "Votre code de signature du mandat de prélèvement";

/** The mails to the family whose subject has {@code subject}, as the mail catcher lists them (newest first). */
const familyMails = (mails, subject) => mails.locator("tr").filter({ hasText: FAMILY_EMAIL }).filter({ hasText: subject });

/** How many « code de signature » mails the family has now, read in a tab of its own. */
async function mandateCodeMails(page) {
  const mails = await page.context().newPage();
  try {
    await mails.goto(MAIL_PAGE + "/");
    return await familyMails(mails, MANDATE_CODE_SUBJECT).count();
  } finally {
    await mails.close();
  }
}

/**
 * The 6-digit code of the newest « code de signature » mail, once there are more than {@code before} of them (a retry
 * must not read the code of the attempt before; the mail catcher keeps every mail, newest first), read in a tab of its
 * own so that the portal's page keeps its step.
 */
async function mandateCodeFromMail(page, before) {
  const mails = await page.context().newPage();
  try {
    for (let tries = 0; tries < 30; tries++) {
      await mails.goto(MAIL_PAGE + "/");
      const rows = familyMails(mails, MANDATE_CODE_SUBJECT);
      if (await rows.count() > before) {
        await rows.first().getByRole("link").first().click();
        const body = await mails.frameLocator("iframe[title='Contenu du mail']").locator("body").innerText();
        const code = /(?<!\d)(\d{6})(?!\d)/.exec(body)?.[1];
        assert.ok(code, `a 6-digit code in the mail:\n${body}`);
        return code;
      }
      await mails.waitForTimeout(2000);
    }
    assert.fail(`no new mail « ${MANDATE_CODE_SUBJECT} » for ${FAMILY_EMAIL}`);
  } finally {
    await mails.close();
  }
}

/** The definition (dd) of the term (dt) {@code term} in the page's lists. */
const definitionOf = (page, term) => page.locator("dt", { hasText: term }).first().locator("xpath=following-sibling::dd[1]");

journey("the family joins the direct debit with the e-mailed code, its invoice is « Prélèvement prévu », the agent exports the SEPA file", async (page) => {
  assert.ok(MAIL_PAGE, "MAIL_PAGE_URL is given by e2e");
  const issued = parisDay(0);
  const due = parisDay(20);

  // 1 The agent imports an invoice of dossier 6000 due in 20 days (imported again on a retry: nothing new).
  await login(page, AGENT);
  await page.goto(PORTAL + "/agent/facturation/import");
  const importForm = page.getByRole("form", { name: "Importer des factures" });
  await importForm.waitFor();
  const csv = [AGENT_BILLING_CSV_HEADER,
    `${DEBITED_INVOICE};6000;Décembre 2026;${issued.french};${due.french};DURAND Marie;Repas Enfants;4,40;5;22,00;22,00`].join("\n");
  await importForm.locator("input[type=file]").setInputFiles({ name: "factures-decembre.csv", mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf8") });
  await importForm.getByRole("button", { name: "Importer" }).click();
  await page.getByText(/1 facture importée|Ce lot a déjà été importé/).first().waitFor();

  // 2 The family opens « Adhérez au prélèvement automatique… » (on a retry: the mandate of the attempt before is stopped).
  await page.context().clearCookies();
  await login(page, FAMILY);
  await page.locator("#fr-header-main-navigation").getByRole("link", { name: "Facturation" }).click();
  await page.getByRole("navigation", { name: "Facturation" })
    .getByRole("link", { name: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires" }).click();
  await page.getByRole("heading", { level: 1, name: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires" }).waitFor();
  const holder = page.getByLabel(/^Titulaire du compte/);
  const stop = page.getByRole("button", { name: "Arrêter le prélèvement" });
  const restart = page.getByRole("button", { name: "Recommencer avec d'autres coordonnées" });
  await holder.or(stop).or(restart).first().waitFor();
  if (await stop.isVisible()) {
    await stop.click();
    await page.getByRole("button", { name: "Confirmer l'arrêt du prélèvement" }).click();
    await page.getByText("Le prélèvement automatique est arrêté").waitFor();
    await page.getByRole("button", { name: "Adhérer au prélèvement automatique" }).click();
  } else if (await restart.isVisible()) {
    await restart.click();
  }
  await assertAccessible(page, "l'adhésion au prélèvement automatique");

  // 1 the account, 2 the mandate's text, « Signer le mandat »: a code by e-mail.
  await holder.fill("Claire DURAND");
  await page.getByLabel(/^Adresse/).fill("12 rue des Lilas");
  await page.getByLabel(/^Code postal/).fill("66130");
  await page.getByLabel(/^Commune/).fill("Ille-sur-Têt");
  await page.getByLabel(/^IBAN/).fill(DEBIT_IBAN);
  await page.getByRole("button", { name: "Étape suivante" }).click();
  await page.getByRole("heading", { name: "Mandat de prélèvement SEPA" }).waitFor();
  await page.getByText("Identifiant créancier SEPA (ICS)").first().waitFor();
  await page.getByText(/droit à remboursement/).first().waitFor();
  await assertAccessible(page, "le texte du mandat");
  const mailsBefore = await mandateCodeMails(page);
  await page.getByRole("button", { name: "Signer le mandat" }).click();
  await page.getByText("Un code vous a été envoyé par courriel : saisissez-le pour signer le mandat.").waitFor();

  // 3 the code of the mail signs it: the mandate is active, with its RUM and the IBAN masked.
  const code = await mandateCodeFromMail(page, mailsBefore);
  await page.getByLabel(/^Code reçu par courriel/).fill(code);
  await page.getByRole("button", { name: "Valider" }).click();
  await page.getByText("Votre mandat de prélèvement est actif").first().waitFor();
  const rum = ((await definitionOf(page, "Référence unique du mandat (RUM)").innerText()) ?? "").trim();
  assert.match(rum, /^[A-Z0-9][A-Z0-9/?:().,'+ -]{0,34}$/, `a RUM: « ${rum} »`);
  assert.equal((await definitionOf(page, "IBAN").innerText()).trim(), DEBIT_MASKED_IBAN);
  await page.getByRole("button", { name: "Modifier mes coordonnées bancaires" }).waitFor();
  await assertAccessible(page, "le mandat actif");
  const pdfLink = page.getByRole("link", { name: "Télécharger le mandat (PDF)" });
  const pdf = await page.request.get(PORTAL + await pdfLink.getAttribute("href"));
  assert.equal(pdf.status(), 200, "the signed mandate's PDF");
  assert.equal(pdf.headers()["content-type"], "application/pdf");
  assert.match(pdf.headers()["content-disposition"] ?? "", /^attachment/);
  assert.equal((await pdf.body()).subarray(0, 5).toString("latin1"), "%PDF-");

  // The invoice is no longer to pay online: « Prélèvement prévu le … », no checkbox.
  await page.getByRole("navigation", { name: "Facturation" })
    .getByRole("link", { name: "Payez votre ou vos facture(s) en ligne" }).click();
  await page.getByRole("heading", { name: "Payez votre ou vos facture(s) en ligne" }).waitFor();
  const invoiceRow = page.locator("tr").filter({ hasText: DEBITED_INVOICE });
  await invoiceRow.getByText(/Prélèvement prévu le \d\d\/\d\d\/\d{4}/i).waitFor();
  await invoiceRow.getByText("Cette facture sera prélevée sur votre compte : vous n'avez rien à payer en ligne.").waitFor();
  assert.equal(await invoiceRow.getByRole("checkbox").count(), 0, "a debited invoice cannot be chosen to pay online");
  await assertAccessible(page, "une facture au prélèvement");

  // 3 The agent exports the file of the invoice's due date (on a retry: the same file, proposed again).
  await page.context().clearCookies();
  await login(page, AGENT);
  await page.goto(PORTAL + "/agent/facturation");
  await page.getByRole("link", { name: /Prélèvements automatiques/ }).click();
  await page.getByRole("heading", { level: 1, name: "Prélèvements automatiques" }).waitFor();
  await assertAccessible(page, "les prélèvements automatiques");
  await page.getByLabel(/^Date de prélèvement/).fill(due.iso);
  await page.getByRole("button", { name: "Exporter le fichier" }).click();
  await page.getByRole("heading", { level: 1, name: `Fichier de prélèvement du ${due.french}` }).waitFor();
  await page.getByText(/^Fichier exporté : |^Ce fichier a déjà été exporté le /).first().waitFor();
  const debitRow = page.getByRole("table", { name: "Prélèvements du fichier" }).locator("tr").filter({ hasText: DEBITED_INVOICE });
  await debitRow.waitFor();
  const debit = await debitRow.innerText();
  assert.match(debit, /Premier prélèvement \(FRST\)/, `the mandate's first debit:\n${debit}`);
  assert.match(debit, /22,00\s€/);
  assert.ok(debit.includes(rum), `the debit names the mandate ${rum}:\n${debit}`);
  assert.ok(debit.includes(DEBIT_MASKED_IBAN), `the debit shows the IBAN masked:\n${debit}`);
  assert.ok(Number((await definitionOf(page, "Nombre de prélèvements").innerText()).trim()) >= 1, "at least this debit");
  await assertAccessible(page, "le fichier de prélèvement");

  const fileLink = page.getByRole("link", { name: `Télécharger le fichier du ${due.french}` });
  const file = await page.request.get(PORTAL + await fileLink.getAttribute("href"));
  assert.equal(file.status(), 200, "the pain.008 file");
  assert.match(file.headers()["content-type"] ?? "", /xml/);
  assert.match(file.headers()["content-disposition"] ?? "", /^attachment/);
  const xml = await file.text();
  assert.ok(xml.includes("pain.008.001.02"), "a pain.008.001.02 file");
  assert.ok(xml.includes(DEBITED_INVOICE), `the file carries the invoice ${DEBITED_INVOICE}`);
  assert.ok(xml.includes(DEBIT_IBAN), "the bank receives the whole IBAN");
});
