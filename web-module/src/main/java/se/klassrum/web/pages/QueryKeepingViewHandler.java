package se.klassrum.web.pages;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A form posts back to its page's address as the reader sees it, query included: after a refused or invalid submit
 * the address still names what the page shows ({@code ?group=…&id=…}), so that reloading, bookmarking or sharing it
 * works. Only a form's own page is concerned; links to other pages keep their own parameters.
 */
public class QueryKeepingViewHandler extends ViewHandlerWrapper {

    public QueryKeepingViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = super.getActionURL(context, viewId);
        if (context.getViewRoot() == null || !viewId.equals(context.getViewRoot().getViewId()) || url.contains("?")) {
            return url;
        }
        Object request = context.getExternalContext().getRequest();
        String query = request instanceof HttpServletRequest http ? http.getQueryString() : null;
        return query == null || query.isBlank() ? url : url + "?" + query;
    }
}
