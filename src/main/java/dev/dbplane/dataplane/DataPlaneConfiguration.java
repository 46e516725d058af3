package dev.dbplane.dataplane;

import java.io.IOException;
import java.net.InetAddress;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataPlaneProperties.class)
class DataPlaneConfiguration {

	@Bean
	DataPlaneServers dataPlaneServers(DataPlaneProperties properties) {
		var servers = new EnumMap<ServerKind, DataPlaneServer>(ServerKind.class);
		if (properties.postgresql().configured()) {
			servers.put(ServerKind.POSTGRESQL, new PostgresServer(properties.postgresql()));
		}
		if (properties.mysql().configured()) {
			servers.put(ServerKind.MYSQL, new MysqlServer(properties.mysql()));
		}
		return new DataPlaneServers(servers);
	}

	@Bean
	ProvisioningWorker provisioningWorker(ProvisioningTaskRepository tasks, DataPlaneServers servers,
			PlatformTransactionManager transactionManager, ObjectProvider<ProvisioningListener> listeners,
			DataPlaneProperties properties, MeterRegistry meters) {
		return new ProvisioningWorker(tasks, servers.byKind(), new TransactionTemplate(transactionManager), listeners,
				properties.worker(), meters);
	}

	/**
	 * The routing proxy, when there is a PostgreSQL data plane and it is not turned off;
	 * else no bean. Decided here rather than by a condition, so that it is decided at
	 * start-up under {@code -Dspring.aot.enabled=true} too, where conditions were fixed
	 * when the jar was built (and the embedded data plane's URL is only known at
	 * start-up).
	 */
	@Bean
	PostgresProxy postgresProxy(DataPlaneProperties properties) throws IOException {
		var proxy = properties.proxy();
		if (!proxy.enabled() || !properties.postgresql().configured()) {
			return null;
		}
		var address = StringUtils.hasText(proxy.address()) ? InetAddress.getByName(proxy.address()) : null;
		return new PostgresProxy(properties.postgresql().address(5432), address, proxy.port());
	}

	@Bean
	DataPlane dataPlane(ProvisioningTaskRepository tasks, ProvisioningWorker worker, DataPlaneServers servers,
			DataPlaneProperties properties, ObjectProvider<PostgresProxy> proxy) {
		var endpoints = new EnumMap<ServerKind, Endpoint>(ServerKind.class);
		servers.byKind().forEach((kind, server) -> endpoints.put(kind, server.endpoint()));
		proxy.ifAvailable((routing) -> {
			// Clients connect to the proxy, on dbplane's host unless another is named.
			var postgresql = properties.postgresql();
			endpoints.put(ServerKind.POSTGRESQL,
					new Endpoint(postgresql.host(), (postgresql.port() != null) ? postgresql.port() : routing.port()));
		});
		return new DataPlane(tasks, worker, endpoints, servers.byKind());
	}

	@Bean
	StoreIsolation storeIsolation(DataPlaneServers servers, JdbcTemplate store) {
		// Only a PostgreSQL data plane hands out logins that could reach the store's
		// server.
		return new StoreIsolation(store, servers.byKind().containsKey(ServerKind.POSTGRESQL));
	}

	@Bean
	DataPlaneHealthIndicator dataPlaneHealthIndicator(ProvisioningTaskRepository tasks, DataPlane dataPlane) {
		return new DataPlaneHealthIndicator(tasks, dataPlane);
	}

	@Bean
	MeterBinder dataPlaneTaskGauges(ProvisioningTaskRepository tasks) {
		return (registry) -> {
			Gauge
				.builder("dbplane.dataplane.tasks.pending", tasks, ProvisioningTaskRepository::countByCompletedAtIsNull)
				.description("Data-plane tasks not done yet")
				.register(registry);
			Gauge
				.builder("dbplane.dataplane.tasks.failing", tasks,
						ProvisioningTaskRepository::countByCompletedAtIsNullAndLastErrorIsNotNull)
				.description("Data-plane tasks whose last attempt failed")
				.register(registry);
		};
	}

	/** The configured servers by kind. */
	record DataPlaneServers(Map<ServerKind, DataPlaneServer> byKind) {
	}

}
