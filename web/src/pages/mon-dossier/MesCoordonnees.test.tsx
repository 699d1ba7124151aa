import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Guardian } from "../../api/dossier";
import { dossier } from "../../test/handlers/dossier";
import { renderWith } from "../../test/render";
import { problem, serve } from "../../test/server";
import { MesCoordonnees } from "./MesCoordonnees";

const CLAIRE: Guardian = {
  id: 1, civility: "MADAME", civilityLabel: "Madame", firstName: "Claire", lastName: "DURAND",
  email: "claire.durand@example.fr", mobilePhone: "+33612345678", homePhone: null, workPhone: "+41221234567",
  addressLine1: "12 rue des Écoles", addressLine2: null, postcode: "66500", city: "Prades",
  updatedAt: "2026-11-26T09:15:00Z",
};

const renderIt = () => renderWith(<MesCoordonnees dossier="6000" />);

describe("Mes coordonnées", () => {
  it("shows each guardian with the address and French phone numbers", async () => {
    const calls = serve(dossier.guardians("6000", [CLAIRE]));
    renderIt();

    expect(await screen.findByRole("heading", { level: 2, name: "Madame Claire DURAND" })).toBeTruthy();
    expect(calls[0].url).toBe("/api/dossier/dossiers/6000/guardians");
    expect(screen.getByText("06 12 34 56 78")).toBeTruthy();
    expect(screen.getByText("+41221234567")).toBeTruthy();
    expect(screen.getByText("12 rue des Écoles")).toBeTruthy();
    expect(screen.getByText("66500 Prades")).toBeTruthy();
    expect(screen.getByText("claire.durand@example.fr")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Modifier mes coordonnées" })).toBeTruthy();
  });

  it("says so when the dossier has no guardian", async () => {
    serve(dossier.guardians("6000", []));
    renderIt();

    expect(await screen.findByText("Aucun responsable légal n'est enregistré sur votre dossier. Contactez votre collectivité.")).toBeTruthy();
  });

  it("shows the refused field's message under « Code postal » and the general detail", async () => {
    serve(
      dossier.guardians("6000", [CLAIRE]),
      dossier.changeContactDetails("6000", 1, () => problem(400, "Certains champs sont invalides.",
        { slug: "validation", errors: [{ field: "postcode", message: "Le code postal doit comporter 5 chiffres." }] })),
    );
    renderIt();

    fireEvent.click(await screen.findByRole("button", { name: "Modifier mes coordonnées" }));
    const postcode = screen.getByLabelText("Code postal") as HTMLInputElement;
    expect(postcode.value).toBe("66500");
    fireEvent.change(postcode, { target: { value: "665" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer" }));

    const message = await screen.findByText("Le code postal doit comporter 5 chiffres.");
    expect(postcode.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(screen.getByText("Certains champs sont invalides.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Enregistrer" })).toBeTruthy();
  });

  it("saves the new contact details with the CSRF header, closes the form and says so", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    const calls = serve(
      dossier.guardians("6000", [CLAIRE]),
      dossier.changeContactDetails("6000", 1, { ...CLAIRE, city: "Ille-sur-Têt", postcode: "66130" }),
    );
    renderIt();

    fireEvent.click(await screen.findByRole("button", { name: "Modifier mes coordonnées" }));
    expect((screen.getByLabelText("Téléphone portable") as HTMLInputElement).value).toBe("06 12 34 56 78");
    fireEvent.change(screen.getByLabelText("Code postal"), { target: { value: "66130" } });
    fireEvent.change(screen.getByLabelText("Commune"), { target: { value: "Ille-sur-Têt" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer" }));

    expect(await screen.findByText("Vos coordonnées ont été modifiées.")).toBeTruthy();
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.url).toBe("/api/dossier/dossiers/6000/guardians/1/contact-details");
    expect(put.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(put.body).toEqual({
      email: "claire.durand@example.fr", mobilePhone: "06 12 34 56 78", homePhone: null, workPhone: "+41221234567",
      addressLine1: "12 rue des Écoles", addressLine2: null, postcode: "66130", city: "Ille-sur-Têt",
    });
    expect(screen.queryByRole("button", { name: "Enregistrer" })).toBeNull();
    // The guardians are read again (and the requests, where the change now appears).
    await waitFor(() => expect(calls.filter((c) => c.method === "GET")).toHaveLength(2));
  });

  it("closes the form without saving on « Annuler »", async () => {
    const calls = serve(dossier.guardians("6000", [CLAIRE]));
    renderIt();

    fireEvent.click(await screen.findByRole("button", { name: "Modifier mes coordonnées" }));
    fireEvent.click(screen.getByRole("button", { name: "Annuler" }));

    expect(screen.queryByLabelText("Code postal")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Modifier mes coordonnées" }));
    expect(calls.every((c) => c.method === "GET")).toBe(true);
  });
});
