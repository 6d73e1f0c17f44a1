package dev.lantu.registry;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContext;

import dev.lantu.accounts.Role;
import dev.lantu.registry.web.ImportJobsAccess;
import dev.lantu.support.AccessFixture;
import dev.lantu.support.AccessWorld;
import dev.lantu.support.Callers;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableSource;

/**
 * The registry's records for the matrix: the own (Tianhe) and other (Yuexiu) enterprises, an import the district
 * officer ran ({@code ownImport}) and one the administrator ran ({@code otherImport}), both dry runs with a
 * rejected row so they have rejects, and a pending classification rule set ({@code ruleSet}).
 */
public class RegistryAccessFixture implements AccessFixture {

	static final String HEADER = "统一社会信用代码,企业名称,所属区,行业代码,年度,营业收入（万元）,从业人员\n";

	@Override
	public Map<String, String> prepare(ApplicationContext context, AccessWorld world) {
		EnterpriseService enterprises = context.getBean(EnterpriseService.class);
		EnterpriseImport imports = context.getBean(EnterpriseImport.class);
		StringBuilder csv = new StringBuilder(HEADER);
		if (!exists(enterprises, world.ownUscc())) {
			csv.append(world.ownUscc()).append(",矩阵本区科技有限公司,").append(world.ownDistrict()).append(",6513,2024,1200,40\n");
		}
		if (!exists(enterprises, world.otherUscc())) {
			csv.append(world.otherUscc()).append(",矩阵他区科技有限公司,").append(world.otherDistrict()).append(",6513,2024,900,30\n");
		}
		if (csv.length() > HEADER.length()) {
			EnterpriseImport.Report report = imports.importFile(TableSource.of(csv.toString().getBytes(StandardCharsets.UTF_8)),
					"matrix.csv", TableFormat.CSV, ImportMode.ATOMIC, false, "matrix", new ImportProgress()).report();
			if (report.refused() || report.invalid() > 0) {
				throw new IllegalStateException("the matrix's enterprises did not import: " + report.problems());
			}
		}
		String rows = HEADER + world.ownUscc() + ",矩阵本区科技有限公司," + world.ownDistrict() + ",6513,2024,1200,40\n"
				+ "91440106MA59ABCDE0,坏公司," + world.ownDistrict() + ",6513,2024,1,1\n";
		Map<String, String> names = new HashMap<>();
		names.put("ownImport", ImportJobsAccess.dryRun(context,
				Callers.account("matrix-district", Role.DISTRICT_OFFICER, world.ownDistrict(), null, null), "own.csv", rows));
		names.put("otherImport", ImportJobsAccess.dryRun(context,
				Callers.account("matrix-admin", Role.CITY_ADMIN, null, null, null), "other.csv", rows));
		ClassificationService classification = context.getBean(ClassificationService.class);
		String text = classification.applied().map(set -> classification.ruleText(set.id()))
			.orElseGet(() -> classification.ruleSets().isEmpty() ? null : classification.ruleText(classification.ruleSets().get(0).id()));
		if (text == null) {
			throw new IllegalStateException("the matrix's dataset has no classification rules to propose again");
		}
		names.put("ruleSet", String.valueOf(classification.propose(text, "matrix").id()));
		return names;
	}

	private static boolean exists(EnterpriseService enterprises, String uscc) {
		try {
			enterprises.get(uscc);
			return true;
		}
		catch (EnterpriseNotFoundException e) {
			return false;
		}
	}

}
