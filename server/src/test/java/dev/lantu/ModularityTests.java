package dev.lantu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules keep their boundaries (DESIGN.md): no cycles, nobody reaches into another's internals. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(LantuApplication.class);

	@Test
	void shouldKeepModuleBoundaries() {
		MODULES.verify();
	}

	@Test
	void shouldWriteTheModuleDiagram() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
