package dev.spindle.api.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spindlectl}'s client configuration, shaped like talosconfig:
 *
 * <pre>
 * context: node1
 * contexts:
 *   node1:
 *     endpoints: [ "192.0.2.10:50000" ]
 *     ca: LS0tLS1CRUdJTi...   # base64 PEM
 *     crt: LS0tLS1CRUdJTi...
 *     key: LS0tLS1CRUdJTi...
 * </pre>
 *
 * Unknown fields are ignored on reading (talosconfig has more, e.g. {@code cluster}, {@code auth}) and not written
 * back. Files are written with mode 0600 because they hold a private key.
 */
@JsonPropertyOrder({"context", "contexts"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientConfig(String context, Map<String, ClientContext> contexts) {

    /** Environment variable naming the config file, like {@code TALOSCONFIG}. */
    public static final String ENV = "SPINDLECONFIG";
    /** Default location under the user's home directory. */
    public static final String DEFAULT_RELATIVE_PATH = ".spindle/config";

    /** In a holder: building the mapper is costly, and {@link #read} mostly does without it. */
    private static final class Jackson {
        static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .build())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public ClientConfig {
        contexts = contexts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
    }

    /** The config the daemon writes on first start: one context named {@code contextName} using the admin cert. */
    public static ClientConfig forAdmin(String contextName, List<String> endpoints, Pki pki) {
        return new ClientConfig(contextName,
                Map.of(contextName, ClientContext.of(endpoints, pki.ca().certificate(), pki.admin())));
    }

    /** The selected context. */
    public ClientContext currentContext() {
        if (context == null || context.isBlank()) {
            throw new IllegalStateException("no context selected (the 'context' field is empty)");
        }
        ClientContext selected = contexts.get(context);
        if (selected == null) {
            throw new IllegalStateException("context '" + context + "' is not defined; defined contexts: "
                    + (contexts.isEmpty() ? "none" : String.join(", ", contexts.keySet())));
        }
        return selected;
    }

    /**
     * The config file to use: the explicit {@code --spindleconfig}-style flag if given, else {@code $SPINDLECONFIG},
     * else {@code ~/.spindle/config}.
     */
    public static Path resolvePath(String flag) {
        return resolvePath(flag, System.getenv(ENV), Path.of(System.getProperty("user.home")));
    }

    /** {@link #resolvePath(String)} with the environment and home directory given (for tests and embedding). */
    public static Path resolvePath(String flag, String envValue, Path home) {
        if (flag != null && !flag.isBlank()) {
            return Path.of(flag);
        }
        if (envValue != null && !envValue.isBlank()) {
            return Path.of(envValue);
        }
        return home.resolve(DEFAULT_RELATIVE_PATH);
    }

    /**
     * Reads a config file; a syntax error names the file and the line. Plain files are read without Jackson's data
     * binding ({@link PlainClientConfig}), with the same result.
     */
    public static ClientConfig read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "client config file does not exist");
        }
        ClientConfig plain = PlainClientConfig.read(bytes);
        return plain != null ? plain : readWithJackson(bytes, file);
    }

    /** {@link #read} by Jackson's data binding: anything {@link PlainClientConfig} does not take, and all errors. */
    static ClientConfig readWithJackson(byte[] bytes, Path file) throws IOException {
        try {
            ClientConfig config = Jackson.YAML.readValue(bytes, ClientConfig.class);
            if (config == null) {
                throw new IOException(file + ": empty client config");
            }
            return config;
        } catch (JacksonException e) {
            // getOriginalMessage(): without the parser's source excerpt, which could quote a key.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IOException(file + ": not a valid client config" + where + ": " + e.getOriginalMessage());
        }
    }

    /** The YAML text. Contains the private key. */
    public String toYaml() {
        try {
            return Jackson.YAML.writeValueAsString(this);
        } catch (JacksonException e) {
            throw new IllegalStateException("client config cannot be serialised", e);
        }
    }

    /** Writes atomically with mode 0600, creating missing parent directories with mode 0700. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        SecureFiles.createPrivateDirectories(parent);
        SecureFiles.writeAtomically(file, toYaml().getBytes(StandardCharsets.UTF_8), SecureFiles.OWNER_ONLY);
    }
}
