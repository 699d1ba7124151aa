import { AgentPage } from "./AgentPage";
import { Collections } from "./prelevements/Collections";
import { ExportForm } from "./prelevements/ExportForm";
import { Mandates } from "./prelevements/Mandates";
import { StatusReportForm } from "./prelevements/StatusReportForm";

/**
 * « Prélèvements automatiques »: prepare the SEPA direct-debit file of a date (`ExportForm`), the files exported
 * (`Collections`), the bank's status report (`StatusReportForm`), the families' mandates (`Mandates`).
 */
export function Prelevements() {
  return (
    <AgentPage title="Prélèvements automatiques"
      lead="Les fichiers de prélèvement SEPA à remettre à la banque, ses rejets, et les mandats signés par les familles.">
      <ExportForm />
      <Collections />
      <StatusReportForm />
      <Mandates />
    </AgentPage>
  );
}
