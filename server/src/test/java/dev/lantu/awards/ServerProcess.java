package dev.lantu.awards;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server jar, run as a separate process on a free port, as an operator runs it: so that a test
 * can kill it (SIGKILL, no shutdown hooks) and start it again on the same database.
 */
final class ServerProcess implements AutoCloseable {

	static final Path JAR = Path.of(System.getProperty("lantu.server.jar", "target/lantu-server.jar"));

	private final Process process;

	private final int port;

	private final Path log;

	private ServerProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar with the arguments in a working directory (where its default H2 database, ./data, lives)
	 * and waits until it is healthy.
	 */
	static ServerProcess start(List<String> arguments, Path workingDirectory, Path log) throws Exception {
		return start(arguments, java.util.Map.of(), workingDirectory, log);
	}

	/** As {@link #start(List, Path, Path)}, with these environment variables set (the first administrator's, say). */
	static ServerProcess start(List<String> arguments, java.util.Map<String, String> environment, Path workingDirectory,
			Path log) throws Exception {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException("the server jar " + JAR.toAbsolutePath() + " is not built: run `./mvnw verify`, "
					+ "which packages it before these tests");
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port,
				"--lantu.demo.synthetic-projects=0", "--lantu.demo.synthetic-enterprises=0", "--spring.main.banner-mode=off"));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		Process process = builder.start();
		ServerProcess server = new ServerProcess(process, port, log);
		server.awaitHealthy(Duration.ofSeconds(120));
		return server;
	}

	private void awaitHealthy(Duration within) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the server stopped while starting (exit " + process.exitValue() + "):\n"
						+ tail());
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the server did not become healthy in " + within + ":\n" + tail());
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/** SIGKILL: the process gets no chance to flush, close or finish anything. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, and waits for the orderly shutdown. */
	void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill();
		}
	}

}
