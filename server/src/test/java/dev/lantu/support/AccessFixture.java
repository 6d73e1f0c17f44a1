package dev.lantu.support;

import java.util.Map;

import org.springframework.context.ApplicationContext;

/**
 * A module's records for the endpoint × role matrix ({@code dev.lantu.AccessMatrixTests}): it creates them (as
 * the system, committed) in the matrix's world and names them for the rows' placeholders, e.g.
 * {@code ownProject} for a project in the district officer's district, {@code otherProject} for one elsewhere.
 * Implementations are listed in {@code src/test/resources/META-INF/services/dev.lantu.support.AccessFixture} and
 * their rows are in {@code src/test/resources/access/<module>.tsv}.
 */
public interface AccessFixture {

	Map<String, String> prepare(ApplicationContext context, AccessWorld world);

}
