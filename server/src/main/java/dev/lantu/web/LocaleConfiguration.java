package dev.lantu.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese (zh-CN) first, English on request: {@code ?lang=en} or {@code ?lang=zh} switches the language
 * and a cookie keeps the choice. Other values are ignored rather than turned into locales we have no
 * messages for.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final String LANGUAGE_PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("lantu-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageSwitch());
	}

	/** Accepts the two languages the message bundles have, by their short names. */
	static final class LanguageSwitch extends LocaleChangeInterceptor {

		LanguageSwitch() {
			setParamName(LANGUAGE_PARAMETER);
			setIgnoreInvalidLocale(true);
		}

		@Override
		protected Locale parseLocaleValue(String value) {
			return Language.of(value).map(Language::locale).orElse(null);
		}

	}

}
