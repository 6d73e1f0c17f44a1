package dev.lantu.bench.policies;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Value;
import java.util.Optional;

/** One row of an {@link EnterpriseTable} as the single evaluator reads a profile: no copy, unknown is empty. */
public final class RowEnterprise implements Enterprise {

    private final EnterpriseTable table;
    private final int row;

    RowEnterprise(EnterpriseTable table, int row) {
        this.table = table;
        this.row = row;
    }

    @Override
    public Optional<Value> fact(String variable) {
        EnterpriseTable.Column column = table.columns().get(variable);
        return column == null ? Optional.empty() : Optional.ofNullable(column.value(row));
    }

    @Override
    public Optional<Value> fact(String variable, int year) {
        if (year < EnterpriseTable.FIRST_YEAR || year > EnterpriseTable.LAST_YEAR) {
            return Optional.empty();
        }
        EnterpriseTable.Column column = table.columns().get(variable + "_" + year);
        return column == null ? Optional.empty() : Optional.ofNullable(column.value(row));
    }
}
