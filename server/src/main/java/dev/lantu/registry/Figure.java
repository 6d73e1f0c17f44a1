package dev.lantu.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * The yearly figures the registry keeps per enterprise, each under the name the policy engine's variable
 * schema gives it (datasets/&lt;city&gt;/policies/schema.yaml), so a policy reads {@code revenue} or
 * {@code rd_expense} from the registry as it is. Money is stored in fen, counts as whole numbers, flags as
 * 0 or 1.
 */
public enum Figure {

	REVENUE("revenue", "营业收入", Kind.MONEY), INDUSTRIAL_OUTPUT("industrial_output", "工业总产值", Kind.MONEY),
	RD_EXPENSE("rd_expense", "研发费用", Kind.MONEY), EMPLOYEES("employees", "从业人员", Kind.COUNT),
	TAX("tax", "纳税总额", Kind.MONEY), FIXED_ASSET_INVESTMENT("fixed_asset_investment", "固定资产投资", Kind.MONEY),
	COMPUTE_PURCHASES("compute_purchases", "算力采购", Kind.MONEY),
	DATA_PRODUCT_TRANSACTIONS("data_product_transactions", "数据产品交易额", Kind.MONEY),
	MODEL_OPTIMISATION_EXPENSE("model_optimisation_expense", "模型优化投入", Kind.MONEY),
	SCENARIO_PROJECT_INPUT("scenario_project_input", "应用场景示范项目投入", Kind.MONEY),
	DATA_ASSETS_RECOGNISED("data_assets_recognised", "数据资产入表", Kind.FLAG),
	SCENARIO_DEMONSTRATION_PROJECT("scenario_demonstration_project", "应用场景示范项目", Kind.FLAG);

	/** How a figure is stored and typed. */
	public enum Kind {

		/** fen, exact; typed in 元, 万元 or 亿元 as the column's header declares */
		MONEY,
		/** a whole number (人 for employees) */
		COUNT,
		/** 是/否, stored as 1/0 */
		FLAG

	}

	/**
	 * Beyond this a money figure is absurd, not merely large: 10 trillion 元 (10 万亿) is more than any
	 * enterprise's yearly revenue; a value past it almost always means 万元 typed into a 元 column's
	 * neighbour, or 元 into a 万元 column.
	 */
	public static final long ABSURD_FEN = 1_000_000_000_000_000L;

	/** More employees than any single registered enterprise has. */
	public static final long ABSURD_COUNT = 2_000_000L;

	private final String variable;

	private final String zh;

	private final Kind kind;

	Figure(String variable, String zh, Kind kind) {
		this.variable = variable;
		this.zh = zh;
		this.kind = kind;
	}

	/** The name of the policy engine's variable, and of the column in English headers. */
	public String variable() {
		return variable;
	}

	/** The Chinese column header, before its unit: 营业收入（万元）. */
	public String zh() {
		return zh;
	}

	public Kind kind() {
		return kind;
	}

	public static Optional<Figure> byVariable(String variable) {
		return Arrays.stream(values()).filter(f -> f.variable.equals(variable)).findFirst();
	}

}
