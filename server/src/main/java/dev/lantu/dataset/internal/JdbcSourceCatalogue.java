package dev.lantu.dataset.internal;

import java.sql.Date;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.lantu.dataset.DatasetLoad;
import dev.lantu.dataset.Source;
import dev.lantu.dataset.SourceCatalogue;

@Repository
class JdbcSourceCatalogue implements SourceCatalogue {

	private final JdbcClient jdbc;

	JdbcSourceCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Source> all() {
		return jdbc.sql("select id, title, publisher, published, url, note from dataset_source order by id")
			.query((rs, i) -> new Source(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6)))
			.list();
	}

	@Override
	public Map<String, Source> index() {
		Map<String, Source> index = new LinkedHashMap<>();
		all().forEach(source -> index.put(source.id(), source));
		return index;
	}

	@Override
	public List<Source> byIds(Collection<String> ids) {
		Map<String, Source> index = index();
		return ids.stream().distinct().map(index::get).filter(Objects::nonNull).toList();
	}

	/** Inserts new sources and updates changed ones; an unchanged source is not touched. */
	void save(List<Source> sources, DatasetLoad load) {
		Map<String, Source> existing = index();
		for (Source source : sources) {
			Source before = existing.get(source.id());
			if (source.equals(before)) {
				continue;
			}
			String sql = before == null
					? "insert into dataset_source (title, publisher, published, url, note, load_id, id) values (?, ?, ?, ?, ?, ?, ?)"
					: "update dataset_source set title = ?, publisher = ?, published = ?, url = ?, note = ?, load_id = ? where id = ?";
			jdbc.sql(sql)
				.params(source.title(), source.publisher(), source.date() == null ? null : Date.valueOf(source.date()),
						source.url(), source.note(), load.id(), source.id())
				.update();
		}
	}

}
