package se.klassrum.guardian.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.Config;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.guardian.control.TrustedProxies;

import java.util.Collections;
import java.util.List;

/**
 * The client address of a request, for the per-client limit on sign-in codes: the connection's own address, or,
 * when the connection comes from a trusted proxy ({@value TrustedProxies#SETTING}), the address that proxy put into
 * {@code X-Forwarded-For}.
 */
@ApplicationScoped
// No database work; a transaction is joined if there is one, as every boundary bean declares.
@Transactional(Transactional.TxType.SUPPORTS)
@NoStudentData("tells a request's client address; reveals no student data")
public class ClientAddresses {

    @Inject
    Config config;

    private volatile TrustedProxies proxies;

    public String clientOf(HttpServletRequest request) {
        List<String> forwardedFor = Collections.list(request.getHeaders("X-Forwarded-For"));
        return proxies().clientOf(request.getRemoteAddr(), forwardedFor);
    }

    private TrustedProxies proxies() {
        TrustedProxies read = proxies;
        if (read == null) {
            read = TrustedProxies.parse(config.getOptionalValue(TrustedProxies.SETTING, String.class).orElse(null));
            proxies = read;
        }
        return read;
    }
}
