import { startDsfr } from "./dsfr";

startDsfr();
