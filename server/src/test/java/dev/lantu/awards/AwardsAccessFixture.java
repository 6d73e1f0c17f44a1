package dev.lantu.awards;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.ApplicationContext;

import dev.lantu.registry.EnterpriseImport;
import dev.lantu.registry.EnterpriseNotFoundException;
import dev.lantu.registry.EnterpriseService;
import dev.lantu.registry.ImportProgress;
import dev.lantu.support.AccessFixture;
import dev.lantu.support.AccessWorld;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableSource;

/**
 * The matrix's awards, applied for as the system: {@code ownAward} (the own enterprise under the own issuer's
 * policy), {@code ownHaizhuAward} (the own enterprise under the other issuer's policy) and {@code otherAward} (the
 * other enterprise under the other issuer's policy). The enterprises are created in the registry unless there.
 */
public class AwardsAccessFixture implements AccessFixture {

	static final String OWN_POLICY = "tianhe-ai-2025";

	static final String OTHER_POLICY = "haizhu-large-model-2024";

	@Override
	public Map<String, String> prepare(ApplicationContext context, AccessWorld world) {
		enterprise(context, world.ownUscc(), world.ownDistrict());
		enterprise(context, world.otherUscc(), world.otherDistrict());
		AwardLedger ledger = context.getBean(AwardLedger.class);
		return Map.of("ownAward", id(ledger, own(world.ownUscc())), "ownHaizhuAward",
				id(ledger, other(world.ownUscc())), "otherAward", id(ledger, other(world.otherUscc())));
	}

	/** Eligible for Tianhe's compute clause on the profile's facts. */
	static Application own(String uscc) {
		return new Application(uscc, OWN_POLICY, "compute", 2025, LocalDate.of(2025, 6, 1),
				Map.of("facts", Map.of("district", "440106"), "yearly", Map.of("compute_purchases", Map.of("2024", "320万元"))));
	}

	/** Eligible for Haizhu's algorithm-filing clause on the profile's facts. */
	static Application other(String uscc) {
		return new Application(uscc, OTHER_POLICY, "algorithm-filing", 2025, LocalDate.of(2025, 6, 1),
				Map.of("facts", Map.of("district", "440105", "algorithm_filing_first_on", "2024-07-01"), "yearly", Map.of()));
	}

	private static String id(AwardLedger ledger, Application application) {
		return String.valueOf(ledger.apply(application, "matrix-fixture", null).award().id());
	}

	static void enterprise(ApplicationContext context, String uscc, String district) {
		try {
			context.getBean(EnterpriseService.class).get(uscc);
			return;
		}
		catch (EnterpriseNotFoundException e) {
			// created below
		}
		String csv = "统一社会信用代码,企业名称,所属区,年度,营业收入（万元）\n" + uscc + ",奖补矩阵企业" + uscc.substring(10) + ","
				+ district + ",2024,1000\n";
		context.getBean(EnterpriseImport.class).importFile(TableSource.of(csv.getBytes(StandardCharsets.UTF_8)),
				"奖补矩阵.csv", TableFormat.CSV, ImportMode.ATOMIC, false, "system", new ImportProgress());
	}

}
