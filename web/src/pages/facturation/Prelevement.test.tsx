import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import type { Mandate } from "../../api/billing";
import {
  ACTIVE_MANDATE, AMENDED_MANDATE, billing, CHANGING_MANDATE, MANDATE_ID, MANDATE_TEXT, pageOf, PENDING_MANDATE, REVOKED_MANDATE,
} from "../../test/handlers/billing";
import { FAMILY } from "../../test/handlers/session";
import { expectFocusOn } from "../../test/focus";
import { renderWith } from "../../test/render";
import { callsTo, json, problem, serve } from "../../test/server";
import { Facturation } from ".";

const PATH = "/facturation/prelevement";
const INVALID = "Certains champs sont invalides.";
const BAD_IBAN = "« IBAN » n’est pas un IBAN valide : sa clé de contrôle ne correspond pas, vérifiez chaque caractère";
const WRONG_CODE = "« Code » n’est pas le bon code : il vous reste 4 essai(s)";

const renderPage = (path = PATH) => renderWith(
  <Routes><Route path="/facturation/*" element={<Facturation />} /></Routes>,
  { path, me: FAMILY, strict: true },
);

/** The field labelled `label` says `message` under it, tied to it for screen readers. */
const expectErrorAt = (field: HTMLElement, message: HTMLElement) => {
  expect(field.getAttribute("aria-invalid")).toBe("true");
  expect(field.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
};

const fill = (label: RegExp | string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

const fillDetails = (iban: string) => {
  fill(/^Titulaire du compte/, "Claire DURAND");
  fill(/^Adresse/, "12 rue des Lilas");
  fill(/^Code postal/, "66130");
  fill(/^Commune/, "Ille-sur-Têt");
  fill(/^IBAN/, iban);
};

describe("Adhérez au prélèvement automatique", () => {
  it("asks for the details, shows the text, signs with the e-mailed code, then shows the active mandate", async () => {
    let mandate: Mandate | null = null;
    let asks = 0;
    serve(
      billing.currentMandate(() => (mandate ? json(mandate) : problem(404, "Votre dossier n’a pas de mandat de prélèvement.",
        { slug: "mandat-introuvable" }))),
      billing.mandateText(MANDATE_TEXT),
      billing.askMandate(() => {
        asks += 1;
        if (asks === 1) {
          return problem(400, INVALID, { slug: "validation", errors: [{ field: "iban", message: BAD_IBAN }] });
        }
        mandate = PENDING_MANDATE;
        return json(PENDING_MANDATE, 201);
      }),
      billing.signMandate(MANDATE_ID, async ({ request }) => {
        const { code } = await request.json() as { code: string };
        if (code !== "123456") {
          mandate = { ...PENDING_MANDATE, codeTriesLeft: 4 };
          return problem(400, INVALID, { slug: "validation", errors: [{ field: "code", message: WRONG_CODE }] });
        }
        mandate = ACTIVE_MANDATE;
        return json(ACTIVE_MANDATE);
      }),
    );
    renderPage();

    // 1 the details: the IBAN grouped by 4 as the family types it.
    expect(await screen.findByRole("heading", { level: 2, name: /Vos coordonnées bancaires/ })).toBeTruthy();
    fillDetails("fr7630006000011234567890188");
    const iban = screen.getByLabelText(/^IBAN/) as HTMLInputElement;
    expect(iban.value).toBe("FR76 3000 6000 0112 3456 7890 188");
    expect(screen.getByText(/FR76 3000 6000 0112 3456 7890 189/)).toBeTruthy();
    expect(screen.getByLabelText(/^BIC \(facultatif\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Étape suivante" }));

    // 2 the mandate's text in full, then « Signer le mandat ».
    const textTitle = await screen.findByRole("heading", { level: 2, name: /Le mandat à signer/ });
    await expectFocusOn(textTitle);
    expect(screen.getByText("FR03ZZZA12345")).toBeTruthy();
    expect(screen.getByText("Ville d'Ille-sur-Têt")).toBeTruthy();
    for (const paragraph of MANDATE_TEXT.paragraphs) {
      expect(screen.getByText(paragraph)).toBeTruthy();
    }
    fireEvent.click(screen.getByRole("button", { name: "Signer le mandat" }));

    // Refused: back at the details, the reason at « IBAN ».
    const message = await screen.findByText(BAD_IBAN);
    expectErrorAt(screen.getByLabelText(/^IBAN/), message);
    expect(screen.getByLabelText(/^Titulaire du compte/).getAttribute("aria-invalid")).not.toBe("true");
    await expectFocusOn(screen.getByText(INVALID));
    expect(callsTo("/api/billing/mandates", "POST")[0].body).toEqual({
      holderName: "Claire DURAND", addressLine: "12 rue des Lilas", postcode: "66130", city: "Ille-sur-Têt",
      iban: "FR7630006000011234567890188", bic: null, textVersion: "2026-12-v1",
    });

    fill(/^IBAN/, "FR76 3000 6000 0112 3456 7890 189");
    fireEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    fireEvent.click(await screen.findByRole("button", { name: "Signer le mandat" }));

    // 3 the code.
    const sent = await screen.findByText("Un code vous a été envoyé par courriel : saisissez-le pour signer le mandat.");
    await expectFocusOn(sent);
    expect(callsTo("/api/billing/mandates", "POST")[1].body).toMatchObject({ iban: "FR7630006000011234567890189" });
    const code = screen.getByLabelText(/^Code reçu par courriel/) as HTMLInputElement;
    expect(code.getAttribute("inputmode")).toBe("numeric");
    expect(code.getAttribute("autocomplete")).toBe("one-time-code");
    expect(screen.getByText(/Ce code est valable jusqu'à 10:15\. Il vous reste 5 essais\./)).toBeTruthy();

    fireEvent.change(code, { target: { value: "654321" } });
    fireEvent.click(screen.getByRole("button", { name: "Valider" }));
    const wrong = await screen.findByText(WRONG_CODE);
    expectErrorAt(screen.getByLabelText(/^Code reçu par courriel/), wrong);
    expect(await screen.findByText(/Il vous reste 4 essais\./)).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Code reçu par courriel/), { target: { value: "123456" } });
    fireEvent.click(screen.getByRole("button", { name: "Valider" }));

    // Active: the RUM, the PDF.
    const active = await screen.findByText("Votre mandat de prélèvement est actif");
    await expectFocusOn(active);
    expect(callsTo(`/api/billing/mandates/${MANDATE_ID}/signature`, "POST").map((c) => c.body))
      .toEqual([{ code: "654321" }, { code: "123456" }]);
    expect(screen.getByText("RCC-2026-7K3M9Q2X4B")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Télécharger le mandat (PDF)" }).getAttribute("href"))
      .toBe(`/api/billing/mandates/${MANDATE_ID}/pdf`);
  });

  it("from the side menu: the title takes the focus, then the form to fill in (no mandate yet)", async () => {
    serve(
      billing.settings({ provider: "SYSTEMPAY", maxInvoicesPerPayment: null, directDebitAvailable: true }),
      billing.invoices("payable", pageOf([])),
      billing.currentMandate(null),
      billing.mandateText(MANDATE_TEXT),
    );
    renderPage("/facturation");

    const menu = await screen.findByRole("navigation", { name: "Facturation" });
    fireEvent.click(within(menu).getByRole("link", { name: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires" }));
    const title = await screen.findByRole("heading", { level: 1, name: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires" });
    await expectFocusOn(title);
    expect(await screen.findByLabelText(/^Titulaire du compte/)).toBeTruthy();
    expect(screen.getByText(/mandat de prélèvement SEPA/)).toBeTruthy();
    expect(document.activeElement).toBe(title);
  });

  it("shows the active mandate directly", async () => {
    serve(billing.currentMandate(ACTIVE_MANDATE));
    renderPage();

    expect(await screen.findByText("Votre mandat de prélèvement est actif")).toBeTruthy();
    expect(screen.getByText("RCC-2026-7K3M9Q2X4B")).toBeTruthy();
    expect(screen.getByText("FR76 **** **** **** **** **** 189")).toBeTruthy();
    expect(screen.getByText("Claire DURAND")).toBeTruthy();
    expect(screen.getByText("Ville d'Ille-sur-Têt")).toBeTruthy();
    expect(screen.getByText("FR03ZZZA12345")).toBeTruthy();
    expect(screen.getByText("02/12/2026 à 10:07")).toBeTruthy();
    const pdf = screen.getByRole("link", { name: "Télécharger le mandat (PDF)" });
    expect(pdf.getAttribute("href")).toBe(`/api/billing/mandates/${MANDATE_ID}/pdf`);
    expect(screen.getByRole("button", { name: "Modifier mes coordonnées bancaires" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Arrêter le prélèvement" })).toBeTruthy();
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("asks for the code of a mandate waiting, and sends a new one when asked", async () => {
    const renewed: Mandate = { ...PENDING_MANDATE, codeExpiresAt: "2026-12-02T09:30:00Z", codeTriesLeft: 5 };
    serve(
      billing.currentMandate(PENDING_MANDATE),
      billing.mandateCode(MANDATE_ID, renewed),
      billing.signMandate(MANDATE_ID, () => problem(409, "Ce code n’est plus valable (10 minutes, 5 essais) : demandez un nouveau code.",
        { slug: "nouveau-code-necessaire" })),
    );
    renderPage();

    const code = await screen.findByLabelText(/^Code reçu par courriel/);
    fireEvent.change(code, { target: { value: "12a3456" } });
    expect((code as HTMLInputElement).value).toBe("123456");
    fireEvent.click(screen.getByRole("button", { name: "Valider" }));
    const expired = await screen.findByText(/^Ce code n’est plus valable/);
    expectErrorAt(screen.getByLabelText(/^Code reçu par courriel/), expired);

    fireEvent.click(screen.getByRole("button", { name: "Recevoir un nouveau code" }));
    const notice = await screen.findByText(/^Un nouveau code vous a été envoyé par courriel/);
    await expectFocusOn(notice);
    expect(screen.getByText(/Ce code est valable jusqu'à 10:30\./)).toBeTruthy();
    expect(screen.queryByText(/^Ce code n’est plus valable/)).toBeNull();
    expect(callsTo(`/api/billing/mandates/${MANDATE_ID}/code`, "POST")).toHaveLength(1);
  });

  it("says so when the mandate cannot be read", async () => {
    serve(billing.currentMandate(() => problem(503, "Indisponible", { slug: "service-indisponible" })));
    renderPage();

    expect(await screen.findByText(/ne peut pas être affiché pour le moment/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("button", { name: "Étape suivante" })).toBeNull());
    expect(within(document.body).queryByRole("textbox")).toBeNull();
  });
});

describe("Modifier mes coordonnées bancaires", () => {
  it("asks for the new account, confirms it with the e-mailed code, then says the new details are saved", async () => {
    let mandate: Mandate = ACTIVE_MANDATE;
    let asks = 0;
    serve(
      billing.currentMandate(() => json(mandate)),
      billing.changeBankDetails(MANDATE_ID, () => {
        asks += 1;
        if (asks === 1) {
          return problem(400, INVALID, { slug: "validation", errors: [{ field: "iban", message: BAD_IBAN }] });
        }
        mandate = CHANGING_MANDATE;
        return json(CHANGING_MANDATE);
      }),
      billing.signMandate(MANDATE_ID, () => {
        mandate = AMENDED_MANDATE;
        return json(AMENDED_MANDATE);
      }),
    );
    renderPage();

    fireEvent.click(await screen.findByRole("button", { name: "Modifier mes coordonnées bancaires" }));
    const title = await screen.findByRole("heading", { level: 2, name: /Vos nouvelles coordonnées bancaires/ });
    await expectFocusOn(title);
    const form = screen.getByRole("form", { name: "Modifier mes coordonnées bancaires" });
    expect((within(form).getByLabelText(/^Titulaire du compte/) as HTMLInputElement).value).toBe("Claire DURAND");
    expect(within(form).getByLabelText(/^BIC \(facultatif\)/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(/^IBAN/), { target: { value: "fr7610107001011234567890128" } });
    expect((within(form).getByLabelText(/^IBAN/) as HTMLInputElement).value).toBe("FR76 1010 7001 0112 3456 7890 128");
    fireEvent.click(within(form).getByRole("button", { name: "Étape suivante" }));

    // Refused: the reason at « IBAN ».
    const message = await screen.findByText(BAD_IBAN);
    expectErrorAt(screen.getByLabelText(/^IBAN/), message);
    await expectFocusOn(screen.getByText(INVALID));
    expect(callsTo(`/api/billing/mandates/${MANDATE_ID}/bank-details`, "POST")[0].body).toEqual({
      holderName: "Claire DURAND", iban: "FR7610107001011234567890128", bic: null,
    });

    fireEvent.change(screen.getByLabelText(/^IBAN/), { target: { value: "FR76 1010 7001 0112 3456 7890 606" } });
    fireEvent.change(screen.getByLabelText(/^BIC/), { target: { value: "psstfrppxxx" } });
    fireEvent.click(screen.getByRole("button", { name: "Étape suivante" }));

    // 2 the code, saying the new IBAN masked.
    const sent = await screen.findByText("Un code vous a été envoyé par courriel : saisissez-le pour confirmer vos nouvelles coordonnées bancaires.");
    await expectFocusOn(sent);
    expect(callsTo(`/api/billing/mandates/${MANDATE_ID}/bank-details`, "POST")[1].body).toEqual({
      holderName: "Claire DURAND", iban: "FR7610107001011234567890606", bic: "PSSTFRPPXXX",
    });
    expect(screen.getByRole("heading", { level: 2, name: /Le code reçu par courriel/ })).toBeTruthy();
    expect(screen.getByText("FR76 **** **** **** **** **** 606")).toBeTruthy();
    expect(screen.getByText(/Ce code est valable jusqu'à 11:15\. Il vous reste 5 essais\./)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Code reçu par courriel/), { target: { value: "123456" } });
    fireEvent.click(screen.getByRole("button", { name: "Valider" }));

    const saved = await screen.findByText("Vos nouvelles coordonnées bancaires sont enregistrées : elles serviront dès le prochain prélèvement.");
    await expectFocusOn(saved);
    expect(callsTo(`/api/billing/mandates/${MANDATE_ID}/signature`, "POST").map((c) => c.body)).toEqual([{ code: "123456" }]);
    expect(screen.getByText("FR76 **** **** **** **** **** 606")).toBeTruthy();
    expect(screen.getByText("02/12/2026 à 11:07")).toBeTruthy();
    expect(screen.getByText("RCC-2026-7K3M9Q2X4B")).toBeTruthy();
  });

  it("asks for the code of a change waiting, and goes back to the mandate when the form is given up", async () => {
    serve(billing.currentMandate(CHANGING_MANDATE));
    renderPage();

    expect(await screen.findByLabelText(/^Code reçu par courriel/)).toBeTruthy();
    expect(screen.getByText(/saisissez-le pour confirmer vos nouvelles coordonnées bancaires/)).toBeTruthy();
    expect(screen.getByText("FR76 **** **** **** **** **** 606")).toBeTruthy();
    expect(screen.queryByText("Votre mandat de prélèvement est actif")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Recommencer avec d'autres coordonnées" }));
    const form = await screen.findByRole("form", { name: "Modifier mes coordonnées bancaires" });
    fireEvent.click(within(form).getByRole("button", { name: "Annuler" }));
    expect(await screen.findByLabelText(/^Code reçu par courriel/)).toBeTruthy();
  });
});

describe("Arrêter le prélèvement", () => {
  it("explains, asks for confirmation, stops the mandate, then offers to join again", async () => {
    let mandate: Mandate | null = ACTIVE_MANDATE;
    serve(
      billing.currentMandate(() => (mandate ? json(mandate) : problem(404, "Votre dossier n’a pas de mandat de prélèvement.",
        { slug: "mandat-introuvable" }))),
      billing.revokeMandate(MANDATE_ID, () => {
        mandate = null;
        return json(REVOKED_MANDATE);
      }),
      billing.mandateText(MANDATE_TEXT),
    );
    renderPage();

    fireEvent.click(await screen.findByRole("button", { name: "Arrêter le prélèvement" }));
    const dialog = screen.getByRole("dialog", { name: "Arrêter le prélèvement automatique ?" });
    await expectFocusOn(within(dialog).getByRole("heading", { name: "Arrêter le prélèvement automatique ?" }));
    expect(within(dialog).getByText(/Vous les paierez en ligne/)).toBeTruthy();

    // « Ne pas arrêter »: nothing sent.
    fireEvent.click(within(dialog).getByRole("button", { name: "Ne pas arrêter" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(callsTo(`/api/billing/mandates/${MANDATE_ID}/revocation`, "POST")).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Arrêter le prélèvement" }));
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Confirmer l'arrêt du prélèvement" }));

    const stopped = await screen.findByText("Le prélèvement automatique est arrêté");
    await expectFocusOn(stopped);
    expect(callsTo(`/api/billing/mandates/${MANDATE_ID}/revocation`, "POST")).toHaveLength(1);
    expect(screen.getByText(/Votre mandat RCC-2026-7K3M9Q2X4B est arrêté depuis le 02\/12\/2026 à 11:30/)).toBeTruthy();
    expect(screen.queryByText("Votre mandat de prélèvement est actif")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Adhérer au prélèvement automatique" }));
    const title = await screen.findByRole("heading", { level: 2, name: /Vos coordonnées bancaires/ });
    await expectFocusOn(title);
    expect(screen.getByLabelText(/^Titulaire du compte/)).toBeTruthy();
  });

  it("says why the service refused to stop it", async () => {
    serve(
      billing.currentMandate(ACTIVE_MANDATE),
      billing.revokeMandate(MANDATE_ID, () => problem(409, "Ce mandat n’est pas actif (Arrêté).", { slug: "mandat-inactif" })),
    );
    renderPage();

    fireEvent.click(await screen.findByRole("button", { name: "Arrêter le prélèvement" }));
    fireEvent.click(screen.getByRole("button", { name: "Confirmer l'arrêt du prélèvement" }));
    const message = await screen.findByText("Ce mandat n’est pas actif (Arrêté).");
    await expectFocusOn(message);
  });
});
