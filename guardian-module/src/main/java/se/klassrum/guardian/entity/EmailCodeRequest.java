package se.klassrum.guardian.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Customizer;
import se.klassrum.roster.entity.UuidColumns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * One accepted request for a code, whether or not the address belongs to anyone: what the rate limits count.
 * The address and the client are kept only as SHA-256 digests, and the row only as long as the limits look back.
 */
@Entity
@Customizer(UuidColumns.class)
@Table(name = "guardian_email_code_request")
public class EmailCodeRequest {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "address_hash", nullable = false, updatable = false, length = 64)
    private String addressHash;

    @Column(name = "client_hash", nullable = false, updatable = false, length = 64)
    private String clientHash;

    /** For JPA only. */
    protected EmailCodeRequest() {
    }

    /**
     * @param addressHash the {@link #digest} of the normalised address
     * @param clientHash  the {@link #digest} of the client identifier
     */
    public EmailCodeRequest(String addressHash, String clientHash, OffsetDateTime requestedAt) {
        this.id = UUID.randomUUID();
        this.addressHash = requireDigest(addressHash, "addressHash");
        this.clientHash = requireDigest(clientHash, "clientHash");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** The SHA-256 of the text (UTF-8) as 64 lower-case hex digits. */
    public static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    public UUID id() {
        return id;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public String addressHash() {
        return addressHash;
    }

    public String clientHash() {
        return clientHash;
    }

    private static String requireDigest(String value, String field) {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(field + " must be a SHA-256 digest in lower-case hex");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailCodeRequest request && id != null && id.equals(request.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
