package dev.dbplane.embedded;

import java.io.IOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL when no datasource is configured, so that
 * {@code ./mvnw spring-boot:run} works on a fresh machine. Its data folder survives
 * restarts; with {@code spring.datasource.url} set (for example through
 * {@code SPRING_DATASOURCE_URL}) none of this runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
		var dataDir = properties.dataDir().toAbsolutePath();
		Files.createDirectories(dataDir);
		var builder = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		var postgres = builder.start();
		log.info("Embedded PostgreSQL listening on 127.0.0.1:{} with data in {}", postgres.getPort(), dataDir);
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName("org.postgresql.Driver")
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.build();
	}

}
