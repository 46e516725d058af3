package dev.dbplane.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveIntegrationTests extends IntegrationTest {

	@Test
	void whenAClientReusesOneConnectionThenItServesManyMoreThanTomcatsDefaultHundredRequests() throws IOException {
		try (var socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			var out = socket.getOutputStream();
			var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			for (int i = 1; i <= 150; i++) {
				out.write(("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				var headers = readResponse(in);
				assertThat(headers.get(0)).as("status line of request %d", i).isEqualTo("HTTP/1.1 200 ");
				assertThat(headers).as("headers of request %d", i)
					.noneMatch((h) -> h.equalsIgnoreCase("Connection: close"));
			}
		}
	}

	/** Reads one response, its body by Content-Length or chunks; returns its head. */
	private static List<String> readResponse(BufferedReader in) throws IOException {
		var head = new ArrayList<String>();
		for (var line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
			head.add(line);
		}
		var length = head.stream()
			.filter((h) -> h.toLowerCase().startsWith("content-length:"))
			.map((h) -> Integer.parseInt(h.substring(h.indexOf(':') + 1).strip()))
			.findFirst();
		if (length.isPresent()) {
			in.skip(length.get());
			return head;
		}
		for (var size = Integer.parseInt(in.readLine().strip(), 16); size > 0; size = Integer
			.parseInt(in.readLine().strip(), 16)) {
			in.skip(size);
			in.readLine();
		}
		in.readLine();
		return head;
	}

}
