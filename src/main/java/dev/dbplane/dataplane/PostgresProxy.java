package dev.dbplane.dataplane;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The address PostgreSQL clients are told: it routes each connection to its branch's
 * database, as PlanetScale's own endpoint does. PlanetScale names one database,
 * {@code postgres}, for every branch and tells branches apart by the login's
 * {@code .<branch id>} suffix; {@code pscale shell} and the roles' {@code database_name}
 * rely on that. So a startup message of a branch login that asks for {@code postgres} (or
 * for no database) is sent on asking for {@code ps_<branch id>}; anything else passes
 * unchanged, and the server's own rules decide who may connect where.
 * <p>
 * The proxy speaks only the start of the protocol: it declines TLS and GSS encryption
 * (the client goes on in plain text, or gives up if it insists), forwards cancel
 * requests, and then copies bytes both ways.
 */
final class PostgresProxy implements SmartLifecycle, Closeable {

	private static final Logger log = LoggerFactory.getLogger(PostgresProxy.class);

	private static final int PROTOCOL_3 = 196608;

	private static final int SSL_REQUEST = 80877103;

	private static final int GSS_REQUEST = 80877104;

	private static final int CANCEL_REQUEST = 80877102;

	/** Longer startup packets than this are refused, as the server itself does. */
	private static final int MAX_STARTUP = 10_000;

	private static final String ROUTED_DATABASE = "postgres";

	private final InetSocketAddress backend;

	private final ServerSocket listener;

	private final ExecutorService connections;

	private volatile boolean running;

	/**
	 * Binds at once, so the port is known before the application tells it to anyone.
	 * @param backend the PostgreSQL server
	 * @param address where to listen; {@code null} for every interface
	 * @param port the port to listen on; 0 for any free one
	 */
	PostgresProxy(InetSocketAddress backend, @Nullable InetAddress address, int port) throws IOException {
		this.backend = backend;
		this.listener = new ServerSocket();
		this.listener.setReuseAddress(true);
		this.listener.bind(new InetSocketAddress(address, port));
		// accept() wakes up now and then to see whether it was stopped
		this.listener.setSoTimeout(500);
		var threads = new AtomicInteger();
		this.connections = Executors.newCachedThreadPool((task) -> {
			var thread = new Thread(task, "pg-proxy-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The port it listens on. */
	int port() {
		return this.listener.getLocalPort();
	}

	/**
	 * Accepts connections; again after {@link #stop} (a paused context), on the same
	 * port.
	 */
	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.connections.execute(this::accept);
		log.info("PostgreSQL routing proxy listening on {}:{}, to {}", this.listener.getInetAddress().getHostAddress(),
				port(), this.backend);
	}

	/** Stops accepting; the port stays bound, and open connections stay open. */
	@Override
	public synchronized void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Frees the port and ends every connection; when the context closes. */
	@Override
	public void close() {
		this.running = false;
		try {
			this.listener.close();
		}
		catch (IOException ex) {
			log.debug("Closing the PostgreSQL proxy", ex);
		}
		this.connections.shutdownNow();
	}

	private void accept() {
		while (this.running) {
			try {
				var client = this.listener.accept();
				if (!this.running) {
					// stopped while waiting: refuse, as a closed port would
					client.close();
					return;
				}
				this.connections.execute(() -> serve(client));
			}
			catch (SocketTimeoutException ex) {
				// look at running again
			}
			catch (SocketException ex) {
				// closed
				return;
			}
			catch (IOException ex) {
				log.warn("The PostgreSQL proxy could not accept a connection: {}", ex.toString());
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			client.setTcpNoDelay(true);
			var in = new DataInputStream(client.getInputStream());
			var out = client.getOutputStream();
			while (true) {
				int length = in.readInt();
				if (length < 8 || length > MAX_STARTUP) {
					return;
				}
				var body = new byte[length - 4];
				in.readFully(body);
				int code = ByteBuffer.wrap(body).getInt();
				if (code == SSL_REQUEST || code == GSS_REQUEST) {
					out.write('N');
					out.flush();
					continue;
				}
				if (code == CANCEL_REQUEST) {
					try (var server = connectBackend()) {
						server.getOutputStream().write(packet(body));
					}
					return;
				}
				if (code != PROTOCOL_3) {
					refuse(out, "08P01", "unsupported frontend protocol");
					return;
				}
				var startup = startup(route(parameters(body)));
				Socket server;
				try {
					server = connectBackend();
				}
				catch (IOException ex) {
					refuse(out, "08006", "the data plane's PostgreSQL server is not reachable: " + ex.getMessage());
					return;
				}
				try (server) {
					server.getOutputStream().write(startup);
					pipe(client, server);
				}
				return;
			}
		}
		catch (IOException ex) {
			log.debug("A PostgreSQL proxy connection ended: {}", ex.toString());
		}
	}

	private Socket connectBackend() throws IOException {
		var server = new Socket();
		server.connect(this.backend, 10_000);
		server.setTcpNoDelay(true);
		return server;
	}

	/** Copies both ways until either side closes, then closes both. */
	private void pipe(Socket client, Socket server) throws IOException {
		var upstream = this.connections.submit(() -> copy(client.getInputStream(), server.getOutputStream(), server));
		copy(server.getInputStream(), client.getOutputStream(), client);
		upstream.cancel(true);
	}

	private static Void copy(InputStream from, OutputStream to, Socket closeAfter) {
		try {
			from.transferTo(to);
		}
		catch (IOException ex) {
			// the other side went away
		}
		finally {
			try {
				closeAfter.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}
		return null;
	}

	/** The startup message's parameters, in order. */
	private static Map<String, String> parameters(byte[] body) {
		var parameters = new LinkedHashMap<String, String>();
		int at = 4;
		while (at < body.length && body[at] != 0) {
			int keyEnd = terminator(body, at);
			int valueEnd = terminator(body, keyEnd + 1);
			parameters.put(text(body, at, keyEnd), text(body, keyEnd + 1, valueEnd));
			at = valueEnd + 1;
		}
		return parameters;
	}

	/**
	 * The startup parameters to send on: a branch login's {@code postgres} (or no
	 * database, which means the login's name) becomes its branch's database.
	 */
	static Map<String, String> route(Map<String, String> parameters) {
		var user = parameters.get("user");
		var branch = DataPlaneNames.branchOfPostgresUsername(user);
		var database = parameters.getOrDefault("database", user);
		if (branch != null && (database == null || database.equals(ROUTED_DATABASE) || database.equals(user))) {
			parameters.put("database", DataPlaneNames.branchDatabase(branch));
		}
		return parameters;
	}

	private static byte[] startup(Map<String, String> parameters) {
		var body = new ByteArrayOutputStream();
		body.writeBytes(ByteBuffer.allocate(4).putInt(PROTOCOL_3).array());
		parameters.forEach((key, value) -> {
			body.writeBytes(key.getBytes(StandardCharsets.UTF_8));
			body.write(0);
			body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
			body.write(0);
		});
		body.write(0);
		return packet(body.toByteArray());
	}

	private static byte[] packet(byte[] body) {
		return ByteBuffer.allocate(body.length + 4).putInt(body.length + 4).put(body).array();
	}

	private static int terminator(byte[] body, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == 0) {
				return i;
			}
		}
		return body.length;
	}

	private static String text(byte[] body, int from, int to) {
		return new String(body, from, Math.max(0, to - from), StandardCharsets.UTF_8);
	}

	/** An ErrorResponse, as the server would send, then the connection ends. */
	private static void refuse(OutputStream out, String sqlState, String message) throws IOException {
		var fields = new ByteArrayOutputStream();
		for (var field : new String[] { "SFATAL", "VFATAL", "C" + sqlState, "M" + message }) {
			fields.writeBytes(field.getBytes(StandardCharsets.UTF_8));
			fields.write(0);
		}
		fields.write(0);
		var data = new DataOutputStream(out);
		data.writeByte('E');
		data.writeInt(fields.size() + 4);
		data.write(fields.toByteArray());
		data.flush();
	}

}
