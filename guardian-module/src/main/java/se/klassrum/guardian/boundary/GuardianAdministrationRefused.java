package se.klassrum.guardian.boundary;

import java.util.Objects;

/**
 * An administration of guardians that Klassrum refuses however often it is asked (a 409 in the API): a login for
 * someone who is not only a guardian. (A consent after majority is refused with the roster's own codes, CONSENT_….)
 */
public class GuardianAdministrationRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, as a stable code for clients. */
    public enum Reason {
        /** The person holds no guardian link, or has a school role of their own (staff or student). */
        NOT_A_GUARDIAN(
                "En vårdnadshavarinloggning kan bara ges till en person som är vårdnadshavare (har en vårdnadshavarkoppling) "
                        + "och inte själv har en roll på någon skola som personal eller elev.",
                "A guardian login can only be given to a person who is a guardian (holds a guardian link) and has no "
                        + "role of their own at any school as staff or student.");

        private final String sv;
        private final String en;

        Reason(String sv, String en) {
            this.sv = sv;
            this.en = en;
        }
    }

    private final Reason reason;

    public GuardianAdministrationRefused(Reason reason) {
        super(Objects.requireNonNull(reason, "reason").en, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageSv() {
        return reason.sv;
    }

    public String messageEn() {
        return reason.en;
    }
}
