package dev.dbplane.web;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestThreadsUnitTests {

	@Test
	void whenTheJvmHasVirtualThreadsThenRequestsRunOnThemElseOnTomcatsOwnPool() {
		var handler = new Http11NioProtocol();
		var java = Runtime.version().feature();

		var used = RequestThreads.use(true, java, handler);

		assertThat(used).isEqualTo(java >= RequestThreads.FIRST_JAVA_WITH_VIRTUAL_THREADS);
		if (used) {
			assertThat(handler.getExecutor()).isInstanceOf(VirtualThreadExecutor.class);
		}
		else {
			assertThat(handler.getExecutor()).isNull();
		}
	}

	@Test
	void whenVirtualThreadsAreSwitchedOffOrTheJavaVersionLacksThemThenTomcatKeepsItsPool() {
		var switchedOff = new Http11NioProtocol();
		var java17 = new Http11NioProtocol();

		assertThat(RequestThreads.use(false, 25, switchedOff)).isFalse();
		assertThat(RequestThreads.use(true, 17, java17)).isFalse();

		assertThat(switchedOff.getExecutor()).isNull();
		assertThat(java17.getExecutor()).isNull();
	}

}
