package fr.portailfamille.banksimulator.systempay;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts in cents shown the French way: « 51,50 € », « 1 234,56 € » (non-breaking spaces). */
public final class Amounts {

    private Amounts() {
    }

    public static String euros(long cents) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('\u202f');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(BigDecimal.valueOf(cents, 2)) + "\u00a0€";
    }
}
