/**
 * The web shell: the page layout and navigation, languages (zh-CN first, English switchable),
 * error pages and the API's problem details for malformed requests.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.lantu.web;
