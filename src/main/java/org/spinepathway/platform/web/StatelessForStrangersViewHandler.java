package org.spinepathway.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Makes every view of a visitor who is not signed in stateless (transient), from the moment it is
 * created. The landing, sign-in, registration and signed-out pages then keep no view state and open
 * no HTTP session, so a crowd of strangers, or a crawler, costs the server no memory.
 * <p>
 * {@code <f:view transient>} alone is too late: PrimeFaces' CSP support keeps its nonce in the view
 * map unless the view is already transient when rendering starts, before the page is built, and the
 * view map is what makes the JSF implementation open a session.
 */
public class StatelessForStrangersViewHandler extends ViewHandlerWrapper {

    public StatelessForStrangersViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot view = super.createView(context, viewId);
        if (context.getExternalContext().getUserPrincipal() == null) {
            view.setTransient(true);
        }
        return view;
    }
}
