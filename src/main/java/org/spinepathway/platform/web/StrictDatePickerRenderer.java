package org.spinepathway.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.ConverterException;

import org.primefaces.component.datepicker.DatePicker;
import org.primefaces.component.datepicker.DatePickerRenderer;

/**
 * PrimeFaces reads a typed date leniently: "2026-02-30" becomes 28 February and is stored as if
 * the patient had typed it. A date that does not exist is refused next to the field instead.
 */
public class StrictDatePickerRenderer extends DatePickerRenderer {

    private static final String ISO_PATTERN = "yyyy-MM-dd";
    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public Object getConvertedValue(FacesContext context, UIComponent component, Object submitted) {
        if (submitted instanceof String text && !text.isBlank() && component instanceof DatePicker picker && ISO_PATTERN.equals(picker.getPattern())) {
            try {
                LocalDate.parse(text.strip(), ISO_STRICT);
            } catch (DateTimeParseException noSuchDate) {
                String message = picker.getConverterMessage() != null ? picker.getConverterMessage()
                        : Messages.standard(context, "jakarta.faces.converter.DateTimeConverter.DATE");
                throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null), noSuchDate);
            }
        }
        return super.getConvertedValue(context, component, submitted);
    }
}
