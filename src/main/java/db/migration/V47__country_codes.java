package db.migration;

import com.b2bflow.shared.IsoCodes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Countries become ISO 3166-1 alpha-2 codes (ADR 0033): every stored address country that names one country (its
 * code in any case, its alpha-3 code, its English or German name) is replaced by its code. What names no country is
 * left as it was (their number is logged): it is not shown in a list, and the next change of that address must pick a
 * country.
 */
public class V47__country_codes extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V47__country_codes.class);

    @Override
    public void migrate(Context context) throws Exception {
        List<String> stored = new ArrayList<>();
        try (Statement select = context.getConnection().createStatement();
                ResultSet rows =
                        select.executeQuery("select distinct country from address where country is not null")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        int unmapped = 0;
        try (PreparedStatement update =
                context.getConnection().prepareStatement("update address set country = ? where country = ?")) {
            for (String country : stored) {
                var code = IsoCodes.countryOf(country);
                if (code.isPresent() && !code.get().equals(country)) {
                    update.setString(1, code.get());
                    update.setString(2, country);
                    update.executeUpdate();
                } else if (code.isEmpty() && !country.isBlank()) {
                    unmapped++;
                }
            }
        }
        if (unmapped > 0) {
            // the values themselves stay out of the log: free text may hold anything
            log.warn("{} stored address countries name no ISO 3166-1 country and were left unchanged", unmapped);
        }
    }
}
