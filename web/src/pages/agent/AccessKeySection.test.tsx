import { fireEvent, screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { ANONYMOUS, type Me } from "../../api/session";
import { expectFocusOn } from "../../test/focus";
import { dossier } from "../../test/handlers/dossier";
import { renderWith } from "../../test/render";
import { callsTo, problem, serve } from "../../test/server";
import { AgentDossier } from "./AgentDossier";

const AGENT: Me = {
  ...ANONYMOUS, authenticated: true, username: "agent.jeunesse", name: "Agent Jeunesse", roles: ["agent"], services: ["jeunesse"],
};

const DURAND = [
  dossier.dossier("6000", { number: "6000", familyName: "DURAND", email: "claire.durand@example.fr", phone: null }),
  dossier.requests("6000", []),
  dossier.guardians("6000", []),
  dossier.children("6000", []),
  dossier.documents("6000", []),
];

const renderDossier = () => renderWith(
  <Routes><Route path="/agent/dossiers/:number" element={<AgentDossier />} /></Routes>,
  { path: "/agent/dossiers/6000", me: AGENT },
);

const section = async () => {
  await screen.findByRole("heading", { name: "Clé d'accès" });
  return screen.getByRole("region", { name: "Clé d'accès" });
};

describe("a new access key, from the agent's dossier page", () => {
  it("asks for confirmation, then shows the new key once with what to do with it", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    serve(...DURAND, dossier.issueNewAccessKey("6000", { number: "6000", accessKey: "M4QX7PZ2" }));
    renderDossier();

    const keySection = await section();
    fireEvent.click(within(keySection).getByRole("button", { name: "Générer une nouvelle clé d'accès" }));
    const confirmation = within(keySection).getByRole("group");
    expect(confirmation.textContent).toContain("L'ancienne clé ne fonctionnera plus.");
    expect(callsTo("/api/dossier/dossiers/6000/access-key", "POST")).toHaveLength(0);
    fireEvent.click(within(confirmation).getByRole("button", { name: "Confirmer la nouvelle clé" }));

    const key = await within(keySection).findByText("M4QX7PZ2");
    await expectFocusOn(key);
    expect(within(keySection).getByText(/Communiquez-la à la famille/).textContent).toContain("elle ne sera plus affichée");
    const posts = callsTo("/api/dossier/dossiers/6000/access-key", "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0].headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(within(keySection).queryByRole("group")).toBeNull();
    expect(within(keySection).getByRole("button", { name: "Générer une nouvelle clé d'accès" })).toBeTruthy();
  });

  it("sends nothing when the agent cancels", async () => {
    serve(...DURAND, dossier.issueNewAccessKey("6000", { number: "6000", accessKey: "M4QX7PZ2" }));
    renderDossier();

    const keySection = await section();
    fireEvent.click(within(keySection).getByRole("button", { name: "Générer une nouvelle clé d'accès" }));
    fireEvent.click(within(keySection).getByRole("button", { name: "Annuler" }));

    expect(within(keySection).queryByRole("group")).toBeNull();
    expect(callsTo("/api/dossier/dossiers/6000/access-key", "POST")).toHaveLength(0);
    expect(within(keySection).queryByText("M4QX7PZ2")).toBeNull();
  });

  it("says why the key was not generated", async () => {
    serve(...DURAND, dossier.issueNewAccessKey("6000", () => problem(403,
      "Vous n'avez pas les droits nécessaires pour accéder à cette ressource.", { slug: "acces-refuse" })));
    renderDossier();

    const keySection = await section();
    fireEvent.click(within(keySection).getByRole("button", { name: "Générer une nouvelle clé d'accès" }));
    fireEvent.click(within(keySection).getByRole("button", { name: "Confirmer la nouvelle clé" }));

    const refusal = await within(keySection).findByText("Vous n'avez pas les droits nécessaires pour accéder à cette ressource.");
    await expectFocusOn(refusal);
    expect(within(keySection).queryByText(/Nouvelle clé d'accès/)).toBeNull();
  });
});
