// A whole portal as the family pages need it, for tests that render the app.
import type { Me } from "../../api/session";
import { dossier } from "./dossier";
import { ACCOUNT, identity } from "./identity";
import { session } from "./session";

/**
 * The gateway for `me`: the session, Claire DURAND's account (the CGU in force accepted) and dossier 6000 with no
 * child and no request. A test's own handlers, given before these, answer first.
 */
export const portal = (me: Me) => [
  ...session(me),
  identity.account(ACCOUNT),
  dossier.children("6000", []),
  dossier.requests("6000", []),
];
