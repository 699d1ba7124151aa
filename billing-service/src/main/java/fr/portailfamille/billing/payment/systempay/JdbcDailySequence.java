package fr.portailfamille.billing.payment.systempay;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

/**
 * {@link DailySequence} in {@code systempay_daily_sequence}: one row per shop and UTC day, created
 * or incremented by one atomic statement ({@code insert … on conflict do update … returning}), so
 * two payments started at once never get the same {@code vads_trans_id}. It runs in the caller's
 * transaction: an attempt rolled back before its form left never reached the bank, so its number
 * may be given again; one that reached the bank is committed and burnt for the day.
 */
public class JdbcDailySequence implements DailySequence {

    private final JdbcClient jdbc;

    public JdbcDailySequence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long next(String siteId, LocalDate utcDay) {
        return jdbc.sql("""
                        insert into systempay_daily_sequence (site_id, utc_day, last_value) values (:site, :day, 1)
                        on conflict (site_id, utc_day)
                        do update set last_value = systempay_daily_sequence.last_value + 1
                        returning last_value""")
                .param("site", siteId)
                .param("day", utcDay)
                .query(Long.class)
                .single();
    }
}
