package org.spinepathway.platform.web;

import java.text.MessageFormat;
import java.util.OptionalLong;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;

import org.spinepathway.platform.control.JsonIntegers;

/**
 * JSF's {@code jakarta.faces.Integer} converter, and the one for every {@code Integer} property
 * (faces-config.xml), held to what the API takes (see {@link JsonIntegers}): a whole number
 * written as digits, within the int range. JSF's own read "+7" and "007" as 7; a hand-made request
 * sent "7.5" or "1e2" for a pain score. Surrounding blanks are dropped, as JSF's converter does;
 * anything else is refused with a message next to the field.
 */
public class ExactIntegerConverter implements Converter<Integer> {

    @Override
    public Integer getAsObject(FacesContext context, UIComponent component, String value) {
        Long exact = ExactIntegerConverter.exact(context, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return exact == null ? null : exact.intValue();
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Integer value) {
        return value == null ? "" : value.toString();
    }

    /** The whole number the text writes, null for blank text; refused when not written exactly or outside min..max. */
    static Long exact(FacesContext context, String value, long min, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        OptionalLong exact = JsonIntegers.exactLong(text);
        if (exact.isPresent() && exact.getAsLong() >= min && exact.getAsLong() <= max) {
            return exact.getAsLong();
        }
        String message = JsonIntegers.writesAnInteger(text)
                ? MessageFormat.format(Messages.text(context, "number.outOfRange"), String.valueOf(min), String.valueOf(max))
                : Messages.text(context, "number.wholeNumber");
        throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }
}
