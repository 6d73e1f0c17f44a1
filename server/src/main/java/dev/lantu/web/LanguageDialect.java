package dev.lantu.web;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates {@code #languages}: links to the current page in each language and the language in
 * use. An expression object rather than a bean, because Thymeleaf forbids bean references in URL
 * attributes.
 */
@Component
class LanguageDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String LANGUAGES = "languages";

	private final LanguageLinks links = new LanguageLinks();

	LanguageDialect() {
		super("lantu-languages");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(LANGUAGES);
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				return LANGUAGES.equals(name) ? links : null;
			}

			@Override
			public boolean isCacheable(String name) {
				return true;
			}

		};
	}

}
