package org.spinepathway.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;

/**
 * JSF's {@code jakarta.faces.Long} converter, and the one for every {@code Long} property (ids in
 * view parameters and choices), as strict as {@link ExactIntegerConverter}: {@code ?episode=+7} or
 * {@code ?episode=7.0} is not episode 7.
 */
public class ExactLongConverter implements Converter<Long> {

    @Override
    public Long getAsObject(FacesContext context, UIComponent component, String value) {
        return ExactIntegerConverter.exact(context, value, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Long value) {
        return value == null ? "" : value.toString();
    }
}
