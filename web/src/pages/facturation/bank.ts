import type { PaymentForm } from "../../api/billing";

/**
 * Sends the browser to the bank's secure page: a hidden form with the fields billing-service signed, posted (or
 * sent) to the bank as it is, the page leaving the portal. The form's own `submit` is called through the prototype,
 * so that a field named « submit » cannot hide it.
 */
export function submitToBank(form: PaymentForm): HTMLFormElement {
  const element = document.createElement("form");
  element.method = form.method.toLowerCase() === "get" ? "get" : "post";
  element.action = form.action;
  element.hidden = true;
  element.setAttribute("aria-hidden", "true");
  for (const [name, value] of Object.entries(form.fields)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    element.appendChild(input);
  }
  document.body.appendChild(element);
  HTMLFormElement.prototype.submit.call(element);
  return element;
}
