package dev.lantu.awards;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.springframework.context.ApplicationContext;

import dev.lantu.registry.EnterpriseImport;
import dev.lantu.registry.ImportProgress;
import dev.lantu.registry.SyntheticRegistryAccess;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableSource;

/** Enterprises for the ledger's tests, imported into the registry as officials would. */
public final class LedgerFixture {

	public static final String TIANHE = "440106";

	public static final String HAIZHU = "440105";

	private static final Random RANDOM = new Random();

	private final EnterpriseImport imports;

	public LedgerFixture(ApplicationContext context) {
		this.imports = context.getBean(EnterpriseImport.class);
	}

	/** A new enterprise with its 2024 revenue and compute purchases in 万元 (null for none); returns its USCC. */
	public String enterprise(String district, Integer revenueWan, Integer computeWan) {
		String uscc = SyntheticRegistryAccess.uscc(district, RANDOM);
		String csv = "统一社会信用代码,企业名称,所属区,年度,营业收入（万元）,算力采购（万元）\n" + uscc + ",台账测试企业" + uscc.substring(10)
				+ "," + district + ",2024," + (revenueWan == null ? "" : revenueWan) + ","
				+ (computeWan == null ? "" : computeWan) + "\n";
		EnterpriseImport.Outcome outcome = imports.importFile(TableSource.of(csv.getBytes(StandardCharsets.UTF_8)),
				"台账测试.csv", TableFormat.CSV, ImportMode.ATOMIC, false, "测试员", new ImportProgress());
		if (outcome.report().created() != 1) {
			throw new IllegalStateException("the test enterprise was not imported: " + outcome.report());
		}
		return uscc;
	}

	public static Application apply(String uscc, String policy, String clause) {
		return new Application(uscc, policy, clause, 2025, java.time.LocalDate.of(2025, 3, 1), null);
	}

}
