package dev.dbplane.planetscale;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where clients reach dbplane, for the absolute URLs in responses ({@code url},
 * {@code next_page_url}...). When unset, each response uses the scheme, host and port its
 * request came to.
 *
 * @param publicBaseUrl for example {@code https://dbplane.example.com}
 */
@ConfigurationProperties("dbplane")
record PublicBaseUrlProperties(URI publicBaseUrl) {
}
