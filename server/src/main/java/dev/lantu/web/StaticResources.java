package dev.lantu.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static files under the paths they have: {@code /css/**}, {@code /js/**} from {@code classpath:/static/} and
 * {@code /webjars/**} (ECharts, its version found by the webjars locator). They replace Spring Boot's catch-all
 * {@code /**} handler ({@code spring.web.resources.add-mappings: false}): with the resource chain on, every link a
 * page writes ({@code @{/districts/440106}}) was looked up as a possible static file in four class-path locations
 * (a miss searches every jar of the class path, and is never cached). The layout matrix writes about a hundred
 * links, and rendering it spent more than half its time in these lookups (docs/benchmarks.md, "Load test"). Now
 * only links under these three paths are looked up, once each, and cached.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true);
	}

}
