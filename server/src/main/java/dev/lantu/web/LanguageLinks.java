package dev.lantu.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switch of the page shell: the page being shown, in another language. Templates reach
 * it as {@code #languages} (see {@link LanguageDialect}); on an error page it links to the page that
 * failed, not to /error.
 */
public final class LanguageLinks {

	/** The current page with {@code ?lang=} set to the given language, other parameters kept. */
	public String to(String language) {
		HttpServletRequest request = currentRequest();
		if (request == null) {
			return "?" + LocaleConfiguration.LANGUAGE_PARAMETER + "=" + language;
		}
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		UriComponentsBuilder builder = failed != null
				? UriComponentsBuilder.fromPath(failed.toString())
				: UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
		return builder.replaceQueryParam(LocaleConfiguration.LANGUAGE_PARAMETER, language).build().toUriString();
	}

	/** The language in use as {@code <html lang>} takes it: "zh-CN" or "en". */
	public String current() {
		return Language.of(LocaleContextHolder.getLocale()).htmlTag();
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
