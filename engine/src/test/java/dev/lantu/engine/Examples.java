package dev.lantu.engine;

import dev.lantu.engine.lang.Parameters;
import dev.lantu.engine.lang.Periodicity;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import java.util.Map;

/** A small schema and parameter set in the shape of Guangzhou's industrial policies, shared by tests. */
public final class Examples {

    public static final Schema SCHEMA = Schema.of(
            new Variable("revenue", Type.MONEY, "元", Periodicity.YEARLY, "营业收入", "annual report"),
            new Variable("rd_expense", Type.MONEY, "元", Periodicity.YEARLY, "研发费用", "tax filing"),
            new Variable("employees", Type.NUMBER, "人", Periodicity.YEARLY, "从业人员", "social insurance"),
            new Variable("compute_purchases", Type.MONEY, "元", Periodicity.YEARLY, "算力采购", "invoices"),
            new Variable("district", Type.TEXT, "", Periodicity.STATIC, "所在区 (GB/T 2260)", "business register"),
            new Variable("qualifications", Type.SET, "", Periodicity.STATIC, "资质", "certificates"),
            new Variable("tracks", Type.SET, "", Periodicity.STATIC, "产业赛道", "classification"),
            new Variable("registered_on", Type.DATE, "", Periodicity.STATIC, "成立日期", "business register"),
            new Variable("listed", Type.BOOLEAN, "", Periodicity.STATIC, "是否上市", "exchange"));

    public static final Parameters PARAMETERS = Parameters.of(Map.of(
            "subsidy_rate", Type.NUMBER,
            "revenue_threshold", Type.MONEY,
            "cap", Type.MONEY));

    private Examples() {
    }
}
