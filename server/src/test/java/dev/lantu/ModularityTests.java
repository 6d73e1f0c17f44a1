package dev.lantu;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules keep their boundaries (DESIGN.md): no cycles, nobody reaches into another's internals. */
class ModularityTests {

	/**
	 * The engine shares the package root but is a library of its own (lantu-engine, no Spring): modules use
	 * it as they use any library, so it is not one of the application's modules.
	 */
	static final ApplicationModules MODULES = ApplicationModules.of(LantuApplication.class,
			JavaClass.Predicates.resideInAPackage("dev.lantu.engine.."));

	@Test
	void shouldKeepModuleBoundaries() {
		MODULES.verify();
	}

	@Test
	void shouldWriteTheModuleDiagram() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
