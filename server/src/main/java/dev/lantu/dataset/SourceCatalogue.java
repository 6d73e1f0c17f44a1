package dev.lantu.dataset;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The loaded dataset's sources, which every fact cites by id. */
public interface SourceCatalogue {

	List<Source> all();

	/** The sources with these ids, in the order asked; unknown ids are left out. */
	List<Source> byIds(Collection<String> ids);

	Map<String, Source> index();

}
