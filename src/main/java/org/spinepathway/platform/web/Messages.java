package org.spinepathway.platform.web;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jakarta.faces.context.FacesContext;

/** User-facing text from the application's resource bundle ({@code #{msg}} in the views). */
public final class Messages {

    public static final String BUNDLE = "org.spinepathway.platform.web.messages";

    private Messages() {
    }

    /** One of JSF's own messages, as faces-config's message bundle words it (FacesMessages.properties). */
    public static String standard(FacesContext context, String key) {
        try {
            return ResourceBundle.getBundle(context.getApplication().getMessageBundle(), context.getViewRoot().getLocale()).getString(key);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    public static String text(FacesContext context, String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, context.getViewRoot().getLocale()).getString(key);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    /** A text with arguments ({0}, {1} ...; a quote in such a text is written twice). */
    public static String format(FacesContext context, String key, Object... arguments) {
        return new MessageFormat(text(context, key), context.getViewRoot().getLocale()).format(arguments);
    }
}
