package se.klassrum.web.pages;

import jakarta.faces.context.FacesContext;
import se.klassrum.web.audit.AuditQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filters of an audit log page as its address carries them (who, what, from, to, outcome) and the cursor of the
 * page shown: shared by a student's log ({@link AdminAuditPage}) and the log of the administrator's schools
 * ({@link AdminLogPage}).
 */
abstract class AuditFilterFields {

    protected String actor;
    protected String kind;
    protected String from;
    protected String to;
    protected String outcome;
    protected String cursor;

    /** The filters as the log reads them. */
    AuditQuery query() {
        return new AuditQuery(actor, kind, from, to, outcome);
    }

    /**
     * The address of an export of the log as filtered now, in the page's language.
     *
     * @param first parameters that come before the filters, e.g. the student
     */
    String exportAddress(String path, Map<String, String> first) {
        Map<String, String> params = new LinkedHashMap<>(first);
        params.put("actor", actor);
        params.put("kind", kind);
        params.put("from", from);
        params.put("to", to);
        params.put("outcome", outcome);
        params.put("lang", Texts.locale().getLanguage());
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + path + "?"
                + params.entrySet().stream().filter(param -> param.getValue() != null && !param.getValue().isBlank())
                .map(param -> param.getKey() + "=" + URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}
