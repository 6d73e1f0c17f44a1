package dev.lantu.accounts.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document names how to sign in: an API token as a bearer token, so Swagger UI's "Authorize" takes
 * one and its "Try it out" works on what is not public.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI lantuOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Lantu (蓝图) API")
				.description("Public: the atlas, published policies, the calculator. Everything else needs an API token "
						+ "(create one at /account): Authorization: Bearer lantu_... Who may do what: docs/accounts.md."))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("an API token from /account")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
