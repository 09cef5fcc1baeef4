package org.spinepathway.platform.web;

import java.math.BigDecimal;
import java.text.MessageFormat;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;

import org.primefaces.component.inputnumber.InputNumber;
import org.primefaces.component.inputnumber.InputNumberRenderer;
import org.spinepathway.platform.control.JsonIntegers;

/**
 * PrimeFaces' number input reads what its hidden field sends leniently: with
 * {@code new BigDecimal(...)}, so a value that is not a number (a hand-made request, not the
 * widget) ends in a NumberFormatException and the error page; and it moves a number outside the
 * field's range into it, so 99 sessions a week were stored as 14 and 2147483648 as 2147483647.
 * Here the first is a "not in a form we can read" message next to the field, the second an
 * "enter a whole number from min to max" message, and a fraction or exponent for a whole-number
 * field ({@code 7.5}, {@code 1e0}) a "whole number written as digits" one, as
 * {@link ExactIntegerConverter} says it for every other input.
 */
public class StrictInputNumberRenderer extends InputNumberRenderer {

    @Override
    public void decode(FacesContext context, UIComponent component) {
        String sent = context.getExternalContext().getRequestParameterMap().get(component.getClientId(context) + "_hinput");
        if (sent != null && !sent.isBlank()) {
            BigDecimal number = number(sent.strip());
            if (number == null) {
                refuse(context, (InputNumber) component, notReadable(context, (InputNumber) component, "jakarta.faces.component.UIInput.CONVERSION", true));
                return;
            }
            if (isIntegral(getTypeFromValueExpression(context, (InputNumber) component)) && !JsonIntegers.writesAnInteger(sent.strip())) {
                // 7.5, 1e2, 1e0 and +7 for a whole number: the widget never sends them, a hand-made request may.
                refuse(context, (InputNumber) component, notReadable(context, (InputNumber) component, "number.wholeNumber", false));
                return;
            }
            BigDecimal min = bound(context, (InputNumber) component, true);
            BigDecimal max = bound(context, (InputNumber) component, false);
            if (min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0) {
                refuse(context, (InputNumber) component, MessageFormat.format(Messages.text(context, "number.outOfRange"),
                        min == null ? "" : min.toPlainString(), max == null ? "" : max.toPlainString()));
                return;
            }
        }
        super.decode(context, component);
    }

    /** The field's own converter message when it has one (the audit log's patient id), else the key's. */
    private static String notReadable(FacesContext context, InputNumber input, String key, boolean standard) {
        if (input.getConverterMessage() != null) {
            return input.getConverterMessage();
        }
        return standard ? Messages.standard(context, key) : Messages.text(context, key);
    }

    private static void refuse(FacesContext context, InputNumber input, String message) {
        input.setSubmittedValue(null);
        input.setValid(false);
        context.addMessage(input.getClientId(context), new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        context.validationFailed();
    }

    /** The field's minValue or maxValue; without one, the range of the integer type it is bound to. */
    private BigDecimal bound(FacesContext context, InputNumber input, boolean lower) {
        String given = lower ? input.getMinValue() : input.getMaxValue();
        if (given != null && !given.isBlank()) {
            return number(given.strip());
        }
        Class<?> type = getTypeFromValueExpression(context, input);
        if (type == Integer.class || type == int.class) {
            return BigDecimal.valueOf(lower ? Integer.MIN_VALUE : Integer.MAX_VALUE);
        }
        if (type == Long.class || type == long.class) {
            return BigDecimal.valueOf(lower ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        return null;
    }

    private static boolean isIntegral(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class;
    }

    private static BigDecimal number(String text) {
        try {
            // A 100 kB run of digits is no one's number; BigDecimal would still parse it.
            return text.length() > 40 ? null : new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
