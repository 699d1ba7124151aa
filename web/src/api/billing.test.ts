import { describe, expect, it } from "vitest";
import { euros, eurosOfCents, frenchDecimal, sumCents, toCents } from "./billing";

/** Spaces of any kind as plain ones (fr-FR writes no-break spaces). */
const plain = (text: string) => text.replace(/\s/g, " ");

describe("money as the API gives it", () => {
  it("reads decimal strings and JSON numbers in cents, without floats", () => {
    expect(toCents("51.50")).toBe(5150);
    expect(toCents(51.5)).toBe(5150);
    expect(toCents("44")).toBe(4400);
    expect(toCents("0.07")).toBe(7);
    expect(toCents(0.1)).toBe(10);
    expect(toCents("-3.20")).toBe(-320);
    expect(toCents("7.500")).toBe(750);
    expect(() => toCents("1.005")).toThrow();
    expect(() => toCents("douze")).toThrow();
    expect(sumCents([0.1, 0.2])).toBe(30);
    expect(sumCents(["44.00", "7.50"])).toBe(5150);
  });

  it("reads what billing-service's BigDecimal becomes once parsed: 51.50 as 51.5, 44.00 as 44, exponents of tiny numbers", () => {
    const parsed = JSON.parse('{"total": 51.50, "amount": 44.00, "quantity": 10.00, "unitPrice": 0.3333, "zero": 0.00}');
    expect(toCents(parsed.total)).toBe(5150);
    expect(toCents(parsed.amount)).toBe(4400);
    expect(frenchDecimal(parsed.quantity)).toBe("10,00");
    expect(frenchDecimal(parsed.unitPrice)).toBe("0,3333");
    expect(euros(parsed.zero)).toBe("0,00\u00a0€");
    expect(toCents(1234567.89)).toBe(123456789);
    // String(0.0000001) is « 1e-7 »: read in plain digits, then refused as below the cent.
    expect(frenchDecimal(1e-7, 0)).toBe("0,0000001");
    expect(() => toCents(1e-7)).toThrow();
    expect(toCents(1e21)).toBe(1e23);
    expect(toCents("-0.00")).toBe(0);
    expect(euros("-0.00")).toBe("0,00\u00a0€");
    expect(() => toCents(Number.NaN)).toThrow();
    expect(() => toCents(Number.POSITIVE_INFINITY)).toThrow();
  });

  it("writes euros as fr-FR does", () => {
    expect(euros("51.50")).toBe("51,50\u00a0€");
    expect(plain(euros(0.3))).toBe("0,30 €");
    expect(plain(eurosOfCents(123456789))).toBe("1 234 567,89 €");
    expect(euros("1234.56")).toBe(new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(1234.56));
    expect(plain(eurosOfCents(-5))).toBe("-0,05 €");
  });

  it("writes a tarif or a quantity with its decimals, two at least", () => {
    expect(frenchDecimal("4.4")).toBe("4,40");
    expect(frenchDecimal(4.4)).toBe("4,40");
    expect(frenchDecimal("0.3333")).toBe("0,3333");
    expect(frenchDecimal("0.7500")).toBe("0,75");
    expect(frenchDecimal("10.00")).toBe("10,00");
    expect(frenchDecimal("3")).toBe("3,00");
  });
});
