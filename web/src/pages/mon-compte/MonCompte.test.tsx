import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ANONYMOUS, logout } from "../../api/session";
import { expectFocusOn } from "../../test/focus";
import { identity } from "../../test/handlers/identity";
import { portal } from "../../test/handlers/portal";
import { FAMILY } from "../../test/handlers/session";
import { renderApp } from "../../test/render";
import { accepted, callsTo, noContent, problem, serve } from "../../test/server";
import { LOGOUT_DELAY_MS } from ".";

// logout() submits a form to /logout, which jsdom cannot follow: the tests only see that it is called.
vi.mock("../../api/session", async (importOriginal) =>
  ({ ...(await importOriginal<typeof import("../../api/session")>()), logout: vi.fn() }));

const INVALID = "Certains champs sont invalides.";
const WRONG_PASSWORD = { field: "currentPassword", message: "est incorrect" };
const PASSWORD_CHANGED = "Votre mot de passe a été modifié. Reconnectez-vous avec le nouveau.";
const EMAIL_SENT = "Un mail de confirmation a été envoyé à claire.martin@example.fr. Votre adresse actuelle reste celle du "
  + "compte tant que vous n'avez pas ouvert le lien (valable 24 heures).";
const DELETED = "Votre compte a été supprimé. Votre dossier famille reste suivi par la collectivité.";

beforeEach(() => {
  document.cookie = "XSRF-TOKEN=jeton-csrf";
});

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(logout).mockClear();
});

describe("Mon compte", () => {
  const passwordForm = () => screen.getByRole("form", { name: "Changer mon mot de passe" });
  const deletionForm = () => screen.getByRole("form", { name: "Supprimer mon compte" });
  const emailForm = () => screen.getByRole("form", { name: "Changer mon adresse e-mail" });

  function changeEmail(newEmail: string, current: string) {
    const form = emailForm();
    fireEvent.change(within(form).getByLabelText(/^Nouvelle adresse e-mail/), { target: { value: newEmail } });
    fireEvent.change(within(form).getByLabelText("Mot de passe actuel"), { target: { value: current } });
    fireEvent.click(within(form).getByRole("button", { name: "Recevoir le lien de confirmation" }));
  }

  function changePassword(current: string, password: string, confirmation = password) {
    const form = passwordForm();
    fireEvent.change(within(form).getByLabelText("Mot de passe actuel"), { target: { value: current } });
    fireEvent.change(within(form).getByLabelText(/^Nouveau mot de passe/), { target: { value: password } });
    fireEvent.change(within(form).getByLabelText("Confirmation du nouveau mot de passe"), { target: { value: confirmation } });
    fireEvent.click(within(form).getByRole("button", { name: "Changer le mot de passe" }));
  }

  it("is reached from the header and shows the account, with the CGU accepted and their day in France", async () => {
    serve(...portal(FAMILY));
    renderApp("/");

    fireEvent.click((await screen.findAllByRole("link", { name: "Mon compte" }))[0]);

    expect(await screen.findByRole("heading", { level: 1, name: "Mon compte" })).toBeTruthy();
    expect(document.title).toBe("Mon compte — Portail Famille");
    expect(screen.getByRole("heading", { level: 2, name: "Mes informations" })).toBeTruthy();
    expect(await screen.findByText("Conditions générales d'utilisation acceptées : version 2026-01 le 27/11/2026")).toBeTruthy();
    const details = screen.getByRole("region", { name: "Mes informations" });
    for (const [term, value] of [["Identifiant", "claire.durand"], ["Nom", "DURAND"], ["Prénom", "Claire"],
      ["Adresse e-mail", "claire.durand@example.fr"], ["Dossier n°", "6000"]]) {
      expect(within(details).getByText(term).nextElementSibling?.textContent).toBe(value);
    }
    expect(screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent)).toEqual([
      "Mes informations", "Changer mon adresse e-mail", "Changer mon mot de passe", "Supprimer mon compte",
    ]);
    expect(screen.getByText("12 caractères au moins ; ni votre identifiant ni votre adresse e-mail")).toBeTruthy();
    const currents = screen.getAllByLabelText("Mot de passe actuel") as HTMLInputElement[];
    expect(currents).toHaveLength(3);
    expect(new Set(currents.map((input) => input.id)).size).toBe(3);
    expect(currents.every((input) => input.type === "password")).toBe(true);
  });

  it("asks a visitor to log in", async () => {
    serve(...portal(ANONYMOUS));
    renderApp("/mon-compte");

    expect(await screen.findByText("Connexion requise")).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Changer mon mot de passe" })).toBeNull();
    expect(callsTo("/api/identity/me/account")).toHaveLength(0);
  });

  it("shows « est incorrect » under « Mot de passe actuel » when the password is wrong (400)", async () => {
    serve(identity.changePassword(() => problem(400, INVALID, { slug: "validation", errors: [WRONG_PASSWORD] })),
      ...portal(FAMILY));
    renderApp("/mon-compte");

    await screen.findByRole("form", { name: "Changer mon mot de passe" });
    changePassword("pas-le-bon", "mimosa-en-fleurs-2026");

    const message = await screen.findByText("est incorrect");
    const current = within(passwordForm()).getByLabelText(/^Mot de passe actuel/);
    expect(current.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(current.getAttribute("aria-invalid")).toBe("true");
    expect(within(passwordForm()).getByLabelText(/^Nouveau mot de passe/).getAttribute("aria-invalid")).not.toBe("true");
    await expectFocusOn(screen.getByText(INVALID));
    expect(screen.queryByText(PASSWORD_CHANGED)).toBeNull();
    const post = callsTo("/api/identity/me/password", "POST");
    expect(post).toHaveLength(1);
    expect(post[0].body).toEqual({
      currentPassword: "pas-le-bon", newPassword: "mimosa-en-fleurs-2026", newPasswordConfirmation: "mimosa-en-fleurs-2026",
    });
    expect(post[0].headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(logout).not.toHaveBeenCalled();
  });

  it("says the password is changed (204) and logs out to reconnect", async () => {
    serve(identity.changePassword(noContent), ...portal(FAMILY));
    renderApp("/mon-compte");

    await screen.findByRole("form", { name: "Changer mon mot de passe" });
    changePassword("ancien-mot-de-passe-2025", "mimosa-en-fleurs-2026");

    const message = await screen.findByText(PASSWORD_CHANGED);
    expect(message.closest("[role='status']")).toBeTruthy();
    await expectFocusOn(message);
    expect(screen.queryByRole("form", { name: "Changer mon mot de passe" })).toBeNull();
    expect(logout).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Se reconnecter" }));
    expect(logout).toHaveBeenCalledTimes(1);
  });

  it("deletes the account only once confirmed, then says so and logs out", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    serve(identity.deleteAccount(noContent), ...portal(FAMILY));
    renderApp("/mon-compte");

    await screen.findByRole("form", { name: "Supprimer mon compte" });
    expect(screen.getByText("Votre compte sera supprimé ; votre dossier famille reste suivi par la collectivité. "
      + "Cette action est définitive.")).toBeTruthy();
    fireEvent.change(within(deletionForm()).getByLabelText("Mot de passe actuel"), { target: { value: "mimosa-en-fleurs-2026" } });
    fireEvent.click(within(deletionForm()).getByRole("button", { name: "Supprimer mon compte" }));

    const question = await screen.findByText("Confirmez-vous la suppression de votre compte ?");
    await expectFocusOn(question);
    expect(callsTo("/api/identity/me/account", "DELETE")).toHaveLength(0);
    fireEvent.click(within(deletionForm()).getByRole("button", { name: "Annuler" }));

    expect(screen.queryByText("Confirmez-vous la suppression de votre compte ?")).toBeNull();
    const deleteButton = within(deletionForm()).getByRole("button", { name: "Supprimer mon compte" });
    await expectFocusOn(deleteButton);
    expect(callsTo("/api/identity/me/account", "DELETE")).toHaveLength(0);

    fireEvent.click(deleteButton);
    fireEvent.click(await within(deletionForm()).findByRole("button", { name: "Oui, supprimer mon compte" }));

    const message = await screen.findByText(DELETED);
    expect(message.closest("[role='status']")).toBeTruthy();
    await expectFocusOn(message);
    const deletions = callsTo("/api/identity/me/account", "DELETE");
    expect(deletions).toHaveLength(1);
    expect(deletions[0].body).toEqual({ currentPassword: "mimosa-en-fleurs-2026" });
    expect(deletions[0].headers.get("Content-Type")).toBe("application/json");
    expect(deletions[0].headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(logout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(LOGOUT_DELAY_MS);
    expect(logout).toHaveBeenCalledTimes(1);
  });

  it("keeps the account and shows « est incorrect » under its « Mot de passe actuel » (400)", async () => {
    serve(identity.deleteAccount(() => problem(400, INVALID, { slug: "validation", errors: [WRONG_PASSWORD] })),
      ...portal(FAMILY));
    renderApp("/mon-compte");

    await screen.findByRole("form", { name: "Supprimer mon compte" });
    fireEvent.change(within(deletionForm()).getByLabelText("Mot de passe actuel"), { target: { value: "pas-le-bon" } });
    fireEvent.click(within(deletionForm()).getByRole("button", { name: "Supprimer mon compte" }));
    fireEvent.click(await screen.findByRole("button", { name: "Oui, supprimer mon compte" }));

    const message = await within(deletionForm()).findByText("est incorrect");
    const current = within(deletionForm()).getByLabelText(/^Mot de passe actuel/);
    expect(current.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(within(passwordForm()).queryByText("est incorrect")).toBeNull();
    expect(screen.queryByText(DELETED)).toBeNull();
    expect(within(deletionForm()).getByRole("button", { name: "Supprimer mon compte" })).toBeTruthy();
    expect(logout).not.toHaveBeenCalled();
  });

  it("sends the link of confirmation to the new address (202) and says the account keeps its address until then", async () => {
    serve(identity.requestEmailChange(accepted), ...portal(FAMILY));
    renderApp("/mon-compte");

    await screen.findByRole("form", { name: "Changer mon adresse e-mail" });
    expect((within(emailForm()).getByLabelText(/^Nouvelle adresse e-mail/) as HTMLInputElement).type).toBe("email");
    expect((within(emailForm()).getByLabelText("Mot de passe actuel") as HTMLInputElement).type).toBe("password");
    changeEmail(" claire.martin@example.fr ", "mimosa-en-fleurs-2026");

    const message = await screen.findByText(EMAIL_SENT);
    expect(message.closest("[role='status']")).toBeTruthy();
    await expectFocusOn(message);
    const post = callsTo("/api/identity/me/email", "POST");
    expect(post).toHaveLength(1);
    expect(post[0].body).toEqual({ newEmail: "claire.martin@example.fr", currentPassword: "mimosa-en-fleurs-2026" });
    expect(post[0].headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect((within(emailForm()).getByLabelText("Mot de passe actuel") as HTMLInputElement).value).toBe("");
    const details = screen.getByRole("region", { name: "Mes informations" });
    expect(within(details).getByText("Adresse e-mail").nextElementSibling?.textContent).toBe("claire.durand@example.fr");
    expect(logout).not.toHaveBeenCalled();
  });

  it("shows « est incorrect » under this section's « Mot de passe actuel » only (400)", async () => {
    serve(identity.requestEmailChange(() => problem(400, INVALID, { slug: "validation", errors: [WRONG_PASSWORD] })),
      ...portal(FAMILY));
    renderApp("/mon-compte");

    await screen.findByRole("form", { name: "Changer mon adresse e-mail" });
    changeEmail("claire.martin@example.fr", "pas-le-bon");

    const message = await within(emailForm()).findByText("est incorrect");
    const current = within(emailForm()).getByLabelText(/^Mot de passe actuel/);
    expect(current.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(current.getAttribute("aria-invalid")).toBe("true");
    expect(within(emailForm()).getByLabelText(/^Nouvelle adresse e-mail/).getAttribute("aria-invalid")).not.toBe("true");
    expect(within(passwordForm()).queryByText("est incorrect")).toBeNull();
    expect(within(deletionForm()).queryByText("est incorrect")).toBeNull();
    await expectFocusOn(within(emailForm()).getByText(INVALID));
    expect(screen.queryByText(EMAIL_SENT)).toBeNull();
  });

  it("shows the service's message under « Nouvelle adresse e-mail » when it is already the account's (400)", async () => {
    const same = "est déjà l'adresse de votre compte";
    serve(identity.requestEmailChange(() => problem(400, INVALID, { slug: "validation", errors: [{ field: "newEmail", message: same }] })),
      ...portal(FAMILY));
    renderApp("/mon-compte");

    await screen.findByRole("form", { name: "Changer mon adresse e-mail" });
    changeEmail("claire.durand@example.fr", "mimosa-en-fleurs-2026");

    const message = await within(emailForm()).findByText(same);
    const newEmail = within(emailForm()).getByLabelText(/^Nouvelle adresse e-mail/);
    expect(newEmail.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(newEmail.getAttribute("aria-invalid")).toBe("true");
  });
});