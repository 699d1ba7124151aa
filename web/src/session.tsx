import { createContext, useContext } from "react";
import { ANONYMOUS, DEFAULT_PORTAL, type Me, type Portal } from "./api/session";

export type Session = { me: Me; portal: Portal };

export const SessionContext = createContext<Session>({ me: ANONYMOUS, portal: DEFAULT_PORTAL });

export const useSession = () => useContext(SessionContext);
