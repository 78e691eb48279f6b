package se.klassrum.guardian.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One sign-in through the identity provider that has been sent to the provider and not yet come back: what the
 * callback must check and must not take from the browser. The state and the browser's binding value are kept as
 * SHA-256 hex digests only; the row is deleted by its callback (it works once) or, once expired, by a later start.
 */
@Entity
@Table(name = "guardian_oidc_state")
public class OidcSignInState {

    @Id
    @Column(name = "state_hash", nullable = false, updatable = false, length = 64)
    private String stateHash;

    @Column(name = "binding_hash", nullable = false, updatable = false, length = 64)
    private String bindingHash;

    @Column(name = "nonce", nullable = false, updatable = false, length = 200)
    private String nonce;

    @Column(name = "code_verifier", nullable = false, updatable = false, length = 128)
    private String codeVerifier;

    @Column(name = "redirect_uri", nullable = false, updatable = false, length = 2000)
    private String redirectUri;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    /** For JPA only. */
    protected OidcSignInState() {
    }

    public OidcSignInState(String stateHash, String bindingHash, String nonce, String codeVerifier, String redirectUri,
                           OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.stateHash = Objects.requireNonNull(stateHash, "stateHash");
        this.bindingHash = Objects.requireNonNull(bindingHash, "bindingHash");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.codeVerifier = Objects.requireNonNull(codeVerifier, "codeVerifier");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A sign-in must be good for some time");
        }
    }

    /** Good for its callback now: the expiry instant itself is too late. */
    public boolean isLiveAt(OffsetDateTime now) {
        return now.isBefore(expiresAt);
    }

    public String stateHash() { return stateHash; }
    public String bindingHash() { return bindingHash; }
    public String nonce() { return nonce; }
    public String codeVerifier() { return codeVerifier; }
    public String redirectUri() { return redirectUri; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime expiresAt() { return expiresAt; }
}
