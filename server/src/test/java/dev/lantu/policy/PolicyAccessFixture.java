package dev.lantu.policy;

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
 * The policy rows need only the published policies of the default dataset and the two enterprises of the world
 * (for {@code /api/v1/enterprises/{uscc}/policies} and a match's explanation), created unless there.
 */
public class PolicyAccessFixture implements AccessFixture {

	@Override
	public Map<String, String> prepare(ApplicationContext context, AccessWorld world) {
		enterprise(context, world.ownUscc(), world.ownDistrict());
		enterprise(context, world.otherUscc(), world.otherDistrict());
		return Map.of();
	}

	private static void enterprise(ApplicationContext context, String uscc, String district) {
		try {
			context.getBean(EnterpriseService.class).get(uscc);
			return;
		}
		catch (EnterpriseNotFoundException e) {
			// created below
		}
		String csv = "统一社会信用代码,企业名称,所属区,年度,营业收入（万元）\n" + uscc + ",政策矩阵企业" + uscc.substring(10) + ","
				+ district + ",2024,1000\n";
		context.getBean(EnterpriseImport.class).importFile(
				TableSource.of(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "政策矩阵.csv", TableFormat.CSV,
				ImportMode.ATOMIC, false, "system", new ImportProgress());
	}

}
